import type { BenchRow } from '../table.js';
import { analyticsReport } from './analytics-report.js';
import { assignTestflightGroup } from './assign-testflight-group.js';
import { clientOverhead } from './client-overhead.js';
import { coldStart } from './cold-start.js';
import { paging10k } from './paging.js';
import { respondToReviews } from './respond-to-reviews.js';
import { salesBackfill, salesReport } from './sales-report.js';
import { signaturesPerHour } from './signatures.js';
import { submitForReview } from './submit-for-review.js';
import { uploadMetadata } from './upload-metadata.js';
import { uploadScreenshots } from './upload-screenshots.js';
import { uploadBuild } from './upload-build.js';

export interface Scenario {
  name: string;
  run(): Promise<BenchRow[]>;
}

export const scenarios: Scenario[] = [
  { name: 'cold-start', run: coldStart },
  { name: 'client-overhead', run: clientOverhead },
  { name: 'signatures', run: signaturesPerHour },
  { name: 'paging', run: paging10k },
  { name: 'assign-testflight-group', run: assignTestflightGroup },
  { name: 'respond-to-reviews', run: respondToReviews },
  { name: 'sales-report', run: salesReport },
  { name: 'sales-report-backfill', run: salesBackfill },
  { name: 'analytics-report', run: analyticsReport },
  { name: 'upload-metadata', run: uploadMetadata },
  { name: 'upload-screenshots', run: uploadScreenshots },
  { name: 'upload-build', run: uploadBuild },
  { name: 'submit-for-review', run: submitForReview },
];
