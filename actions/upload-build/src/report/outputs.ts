/** The action's outputs: the ids, the numbers, the state and the bytes, plus everything as JSON. */
import { setOutputs } from '@asc-actions/core';
import type { Outcome } from '../model.js';

export function outputsOf(o: Outcome): Record<string, string> {
  return {
    'build-upload-id': o.uploadId ?? '',
    'build-id': o.buildId ?? '',
    version: o.target.version,
    'build-number': o.target.buildNumber,
    state: o.state,
    bytes: String(o.sent),
    result: JSON.stringify({
      app: { id: o.target.app.id, bundleId: o.target.app.bundleId, name: o.target.app.name },
      platform: o.target.platform,
      version: o.target.version,
      buildNumber: o.target.buildNumber,
      state: o.state,
      dryRun: o.dryRun,
      plan: o.plan,
      buildUploadId: o.uploadId ?? null,
      buildId: o.buildId ?? null,
      file: { name: o.file.fileName, size: o.file.size },
      bytesSent: o.sent,
      parts: o.parts,
      md5: o.md5 ?? null,
      warnings: o.warnings,
    }),
  };
}

export function writeOutputs(o: Outcome): void {
  setOutputs(outputsOf(o));
}
