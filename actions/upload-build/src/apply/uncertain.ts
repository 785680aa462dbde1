/** Whether a failed write may have been applied (its answer was lost or the server failed mid-way). */
import { NetworkError, ServerError } from '@asc-actions/core';

export function mayHaveApplied(error: unknown): boolean {
  return (error instanceof NetworkError && error.maybeApplied) || error instanceof ServerError;
}
