/**
 * The end of every run: outputs and the job summary are written whatever happened; a FAILED
 * upload becomes one annotation per Apple error (with what to change) and a failed step, a
 * timeout a failed step that says the rerun picks the upload up.
 */
import { AscError } from '@asc-actions/core';
import type { Outcome } from '../model.js';
import type { Waited } from '../apply/wait.js';
import { annotateDetails } from './apple-codes.js';
import { writeOutputs } from './outputs.js';
import { writeSummary } from './summary.js';

const label = (o: Outcome): string => `${o.target.version} (${o.target.buildNumber})`;

export async function finish(o: Outcome, waited: Waited | undefined, timeoutMs: number): Promise<void> {
  const upload = waited?.upload;
  o.warnings = upload?.warnings ?? [];
  annotateDetails('warning', o.warnings, label(o));
  let failure: string | undefined;
  if (upload?.state === 'FAILED') {
    annotateDetails('error', upload.errors, label(o));
    const codes = upload.errors.map((e) => e.code ?? '?').join(', ') || 'no code';
    failure = `App Store Connect rejected ${label(o)} while processing it (${codes}); see the annotations for what to change. A new upload needs a new build number.`;
  } else if (waited?.timedOut) {
    o.state = 'processing';
    failure = `${label(o)} is still ${upload?.state ?? 'processing'} after the processing timeout (${Math.round(timeoutMs / 60_000)} min). Run again with a longer processing-timeout: the rerun uploads nothing and waits for build upload ${o.uploadId}.`;
  }
  writeOutputs(o);
  await writeSummary(o, failure);
  if (failure) throw new AscError(failure);
}
