/**
 * Which instance's rows count for each Date (pure). Apple, "Data Completeness and Corrections":
 * "Instances from a more recent processingDate overwrite instances with an earlier
 * processingDate … Don't merge records for a Date across two report instances to avoid double
 * counting. Use the latest instance." So every Date is taken whole from the newest instance that
 * holds it.
 */
import type { DateWinners, FetchedInstance } from '../model.js';

export function pickWinners(instances: readonly FetchedInstance[]): DateWinners {
  const winners: DateWinners = new Map();
  const newestFirst = [...instances].sort((a, b) =>
    a.processingDate > b.processingDate ? -1 : a.processingDate < b.processingDate ? 1 : a.id > b.id ? -1 : 1,
  );
  for (const instance of newestFirst) {
    for (const s of instance.segments)
      for (const date of s.dates) if (!winners.has(date)) winners.set(date, instance.id);
  }
  return new Map([...winners].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The instances that win at least one date, oldest first: the ones to read for the output. */
export function winningInstances(instances: readonly FetchedInstance[], winners: DateWinners): FetchedInstance[] {
  const ids = new Set(winners.values());
  return instances
    .filter((i) => ids.has(i.id))
    .sort((a, b) =>
      a.processingDate < b.processingDate ? -1 : a.processingDate > b.processingDate ? 1 : a.id < b.id ? -1 : 1,
    );
}

/** Columns of all segments in order of first appearance (columns Apple added later come last). */
export function unionColumns(instances: readonly FetchedInstance[]): string[] {
  const seen = new Map<string, string>();
  for (const i of instances)
    for (const s of i.segments) for (const c of s.columns) if (!seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  return [...seen.values()];
}
