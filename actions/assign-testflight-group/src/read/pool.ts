/** A small worker pool for independent requests. */

/** Runs `task` over `items`, at most `width` at a time (the client caps requests on the wire as well). */
export async function inPool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
