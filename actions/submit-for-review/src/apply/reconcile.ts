/**
 * Writes that are not safe to replay blindly (POST, state changes): after an answer that leaves
 * it unknown whether the write took effect (a dropped connection, a 5xx) or a 409 (it may have
 * taken effect on an earlier try), read App Store Connect and adopt what is there; only when the
 * read shows the write did not happen is it sent once more.
 */
import { ConflictError, NetworkError, RateLimitError, ServerError } from '@asc-actions/core';

export const isAmbiguous = (e: unknown): boolean =>
  e instanceof NetworkError || e instanceof ServerError || e instanceof RateLimitError;

export async function reconciled<T>(write: () => Promise<T>, check: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isAmbiguous(error) && !(error instanceof ConflictError)) throw error;
      const found = await check();
      if (found !== undefined) return found;
      if (!isAmbiguous(error) || attempt >= 3) throw error;
    }
  }
}
