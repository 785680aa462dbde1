// @ts-check
/**
 * The contract validator in a worker thread, one per process and spec (spec-contract.ts starts
 * it). Validation: contract-validator.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator } from './contract-validator.mjs';

const port = parentPort;
if (!port) throw new Error('contract-worker must run as a worker thread');

try {
  const validator = await createValidator(workerData.specPath);
  port.on('message', (/** @type {any} */ msg) => port.postMessage(validator.answer(msg)));
  port.postMessage(validator.ready);
} catch (e) {
  port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
