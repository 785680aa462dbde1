/**
 * Fetches the instances not in the cache: lists each one's segments and downloads them all.
 * A failed or mismatched download is tried again with freshly listed URLs (they expire within
 * minutes), three times in all; then the run fails and writes nothing.
 */
import { listAnalyticsReportSegments, type AscClient } from '@asc-actions/core';
import type { FetchedInstance, InstanceInfo, ReportInfo, SegmentInfo } from '../model.js';
import type { SegmentCache } from '../read/segment-cache.js';
import { SegmentError } from '../read/segment-file.js';
import { downloadSegment, RetryableDownloadError } from './download-segment.js';

const ATTEMPTS = 3;

async function segmentsOf(client: AscClient, instance: InstanceInfo): Promise<SegmentInfo[]> {
  const listed = await listAnalyticsReportSegments(client, instance.id);
  return listed
    .map((s) => ({
      id: s.id,
      url: s.attributes?.url ?? '',
      checksum: s.attributes?.checksum ?? '',
      sizeInBytes: s.attributes?.sizeInBytes ?? -1,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function fetchInstance(
  client: AscClient,
  report: ReportInfo,
  instance: InstanceInfo,
  cache: SegmentCache,
): Promise<FetchedInstance> {
  const where = `${report.name}, instance of ${instance.processingDate}`;
  let segments = await segmentsOf(client, instance);
  const done = new Map<string, FetchedInstance['segments'][number]>();
  for (let attempt = 1; ; attempt++) {
    try {
      for (const s of segments) {
        if (done.has(s.id)) continue;
        if (!s.url || !s.checksum || !(s.sizeInBytes >= 0))
          throw new SegmentError(`${where}: segment ${s.id} has no URL, checksum or size.`);
        done.set(
          s.id,
          await downloadSegment(client, s, cache.dir, `${where}, segment ${done.size + 1} of ${segments.length}`),
        );
      }
      return { ...instance, segments: segments.map((s) => done.get(s.id)!) };
    } catch (error) {
      if (!(error instanceof RetryableDownloadError) || attempt >= ATTEMPTS) {
        throw error instanceof RetryableDownloadError
          ? new SegmentError(`${error.message}; gave up after ${ATTEMPTS} attempts. Nothing was written.`)
          : error;
      }
      segments = await segmentsOf(client, instance);
    }
  }
}

/** Downloads what is missing; returns how many segments were downloaded. */
export async function fetchMissing(
  client: AscClient,
  report: ReportInfo,
  instances: InstanceInfo[],
  cache: SegmentCache,
): Promise<number> {
  let downloaded = 0;
  const missing = instances.filter((i) => !cache.instances.has(i.id));
  await Promise.all(
    missing.map(async (instance) => {
      const fetched = await fetchInstance(client, report, instance, cache);
      downloaded += fetched.segments.length;
      cache.add(fetched);
    }),
  );
  return downloaded;
}
