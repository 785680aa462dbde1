/**
 * Segments: the physical parts of an instance (Apple: "download all segments for a given
 * instance to get the complete set of data"), each a gzipped tab-separated file with a header
 * line, served from a pre-signed URL with its MD5 `checksum` and `sizeInBytes` (of the gzip, the
 * bytes the URL returns).
 *
 * The URL is served on the emulator's own origin but outside the API pipeline (it is not part of
 * the spec; Apple's is on a storage host): it takes no Authorization header (a second credential
 * is refused with 400 InvalidArgument "Only one auth mechanism allowed", as S3-style pre-signed
 * URLs answer), and it expires `urlLifetimeMs` after the
 * listing that made it (403, "Request has expired"; the client lists the segments again).
 * Faults (status, latency, dropped connections, truncated gzip) apply here too.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { EmulatorState } from '../../store/state.js';
import type { PipelineDeps, RawRoute } from '../../server/pipeline.js';
import type { ResourceRecord, TranscriptEntry } from '../../types.js';
import { catalogReport } from './catalog.js';
import { analyticsControl } from './control.js';
import { analyticsLines } from './rows.js';

export const SEGMENT_PATH = '/analytics-segments';
const isSegmentPath = (pathname: string): boolean => pathname.startsWith(`${SEGMENT_PATH}/`);

const signature = (id: string, expires: number): string =>
  createHash('sha256').update(`${id}|${expires}|asc-emulator`).digest('hex').slice(0, 32);

/** The instance's segments, built once (deterministically) and given fresh URLs. */
export function settleSegments(
  state: EmulatorState,
  instance: ResourceRecord,
  origin: string,
  now: number,
): ResourceRecord[] {
  const control = analyticsControl(state);
  const meta = control.instances.get(instance.id);
  const requestId = meta ? control.reports.get(meta.reportId) : undefined;
  const report = meta ? state.get('analyticsReports', meta.reportId) : undefined;
  const requestMeta = requestId ? control.requests.get(requestId) : undefined;
  const entry = report ? catalogReport(String(report.attributes.name), control.reportsPerRequest) : undefined;
  if (!meta || !requestMeta || !entry) return [];
  const app = state.get('apps', requestMeta.appId);
  const ids: string[] = [];
  if (!control.segments.has(`${instance.id}-s1`)) {
    const lines = analyticsLines({
      appId: requestMeta.appId,
      appName: String(app?.attributes.name ?? 'App'),
      report: entry,
      dates: meta.dates,
      processingDate: String(instance.attributes.processingDate),
      territories: control.territories,
      days: meta.days,
    });
    const header = lines.next().value as string;
    let part: string[] = [];
    let n = 0;
    const flush = (): void => {
      const id = `${instance.id}-s${++n}`;
      const bytes = gzipSync(Buffer.from(`${[header, ...part].join('\n')}\n`, 'utf8'));
      control.segments.set(id, {
        bytes,
        checksum: createHash('md5').update(bytes).digest('hex'),
        instanceId: instance.id,
      });
      part = [];
    };
    for (const line of lines) {
      part.push(line);
      if (part.length >= control.segmentRows) flush();
    }
    if (part.length || n === 0) flush();
  }
  for (const [id, s] of control.segments) if (s.instanceId === instance.id) ids.push(id);
  const expires = now + control.urlLifetimeMs;
  return ids.map((id) => {
    const s = control.segments.get(id)!;
    const attributes = {
      checksum: s.checksum,
      sizeInBytes: s.bytes.length,
      url: `${origin}${SEGMENT_PATH}/${id}.csv.gz?expires=${expires}&signature=${signature(id, expires)}`,
    };
    return state.get('analyticsReportSegments', id)
      ? state.update('analyticsReportSegments', id, { attributes })
      : state.create('analyticsReportSegments', { id, attributes });
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

const s3Error = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

async function serveSegment(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
  pathname: string,
  rawQuery: string,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const hadAuthorization = req.headers.authorization !== undefined;
  const entry: TranscriptEntry = {
    method,
    path: pathname,
    query: rawQuery,
    status: 0,
    authorized: false,
    hadAuthorizationHeader: hadAuthorization,
  };
  deps.requests.push(entry);
  const control = analyticsControl(deps.state);
  const id = pathname.slice(SEGMENT_PATH.length + 1).replace(/\.csv\.gz$/, '');
  const done = (status: number): void => {
    entry.status = status;
    control.downloads.push({ segmentId: id, status, hadAuthorization });
  };
  const faults = deps.faults.forRequest(method, pathname, rawQuery);
  const latency = faults.take(['latency']);
  if (latency?.latencyMs) await new Promise((r) => setTimeout(r, latency.latencyMs));
  if (faults.take(['drop-before'])) return void req.socket.destroy();
  const fault = faults.take(['status', 'drop-after', 'truncated-gzip']);
  if (fault?.kind === 'status')
    return (
      done(fault.status ?? 503),
      answer(res, fault.status ?? 503, s3Error('ServiceUnavailable', 'Please reduce your request rate.'))
    );
  const query = new URLSearchParams(rawQuery);
  const expires = Number(query.get('expires'));
  const segment = control.segments.get(id);
  if (hadAuthorization)
    return (
      done(400),
      answer(
        res,
        400,
        s3Error(
          'InvalidArgument',
          'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
        ),
      )
    );
  if (method !== 'GET')
    return (
      done(405),
      answer(res, 405, s3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.'))
    );
  if (!segment || query.get('signature') !== signature(id, expires))
    return (
      done(403),
      answer(
        res,
        403,
        s3Error(
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided.',
        ),
      )
    );
  if (deps.now() > expires) return (done(403), answer(res, 403, s3Error('AccessDenied', 'Request has expired')));
  done(200);
  if (fault?.kind === 'drop-after') return void req.socket.destroy();
  const body =
    fault?.kind === 'truncated-gzip' ? segment.bytes.subarray(0, Math.floor(segment.bytes.length / 2)) : segment.bytes;
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) });
  res.end(body);
}

/** Served outside the API pipeline: the HTTP server asks each family's raw routes first. */
export const segmentsRoute: RawRoute = { matches: isSegmentPath, serve: serveSegment };
