import { readCommonInputs, type CommonInputs } from '@asc-actions/core';

/** This action takes only the inputs every action shares (key id, issuer id, key, API base URL). */
export type Settings = CommonInputs;

export function readSettings(): Settings {
  return readCommonInputs();
}
