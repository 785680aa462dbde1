import type { BenchRow } from '../table.js';
import { clientOverhead } from './client-overhead.js';
import { coldStart } from './cold-start.js';
import { paging10k } from './paging.js';
import { signaturesPerHour } from './signatures.js';

export interface Scenario {
  name: string;
  run(): Promise<BenchRow[]>;
}

export const scenarios: Scenario[] = [
  { name: 'cold-start', run: coldStart },
  { name: 'client-overhead', run: clientOverhead },
  { name: 'signatures', run: signaturesPerHour },
  { name: 'paging', run: paging10k },
];
