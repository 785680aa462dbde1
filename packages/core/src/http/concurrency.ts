import type { Semaphore } from '../concurrency.js';
import type { Send } from './types.js';

/** Holds a slot of the shared semaphore for the time a request is on the wire (not while backing off). */
export function withConcurrency(next: Send, semaphore: Semaphore): Send {
  return async (request) => {
    const release = await semaphore.acquire();
    try {
      const response = await next(request);
      if (response.stream) {
        response.stream.once('end', release);
        response.stream.once('close', release);
        response.stream.once('error', release);
        return response;
      }
      release();
      return response;
    } catch (error) {
      release();
      throw error;
    }
  };
}
