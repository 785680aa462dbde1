/**
 * The pre-signed part URLs of build upload files, served outside the API pipeline (no JWT, no
 * contract: they are not in Apple's spec) on the parts origin, a loopback listener of its own.
 *
 * Fidelity (docs/evidence/releases.md §1.1, §1.4):
 * - Apple's part URLs are pre-signed S3-style blob-store URLs (developer forums thread 742314,
 *   strong). What the store does with an added Authorization header is unknown; an S3 pre-signed
 *   URL refuses a second credential, so any Authorization answers 403 here.
 * - Each operation's `requestHeaders` are signed: a missing or different value answers 403
 *   (S3's SignatureDoesNotMatch); the body must be exactly `length` bytes sent with
 *   Content-Length (S3 pre-signed PUTs need a length: no Content-Length answers 411, a wrong
 *   size 400). asc sets ContentLength, expo sends a Buffer (moderate).
 * - An expired operation (`expiration`) answers 403; a committed or deleted file's parts 404.
 * - A part received twice (a retried PUT) changes nothing. Parts are hashed in order as they
 *   arrive, so the commit can check the MD5 without holding the file.
 * Faults (status, latency, dropped connections) apply here as on API paths.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PipelineDeps, RawRoute } from '../../../server/pipeline.js';
import type { TranscriptEntry } from '../../../types.js';
import { receivePart } from '../../app-store/media/control.js';
import { buildUploadControl } from './control.js';

export const BUILD_PARTS_PATH = '/__build-uploads';

const isBuildPartPath = (pathname: string): boolean => pathname.startsWith(`${BUILD_PARTS_PATH}/`);

interface Operation {
  offset: number;
  length: number;
  expiration?: string;
  requestHeaders?: Array<{ name: string; value: string }>;
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/xml',
    'Content-Length': String(Buffer.byteLength(text)),
    ...(status === 200 ? { ETag: '"emulated"' } : {}),
  });
  res.end(text);
}

const s3Error = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

function decide(
  deps: PipelineDeps,
  req: IncomingMessage,
  bytes: Buffer,
  fileId: string,
  part: number,
): [number, string] {
  if (req.headers.authorization !== undefined)
    return [
      403,
      s3Error('InvalidArgument', 'Only one auth mechanism allowed; a pre-signed URL takes no Authorization header.'),
    ];
  if (req.method !== 'PUT') return [405, s3Error('MethodNotAllowed', 'Upload operations are PUT.')];
  const file = deps.state.get('buildUploadFiles', fileId);
  const op = (file?.attributes.uploadOperations as Operation[] | undefined)?.[part - 1];
  if (!file || !op) return [404, s3Error('NoSuchUpload', 'No such upload operation (deleted or already committed).')];
  if (op.expiration && deps.now() > Date.parse(op.expiration))
    return [403, s3Error('AccessDenied', 'Request has expired.')];
  for (const h of op.requestHeaders ?? []) {
    if (req.headers[h.name.toLowerCase()] !== h.value)
      return [403, s3Error('SignatureDoesNotMatch', `The signed header ${h.name} is missing or differs.`)];
  }
  if (req.headers['content-length'] === undefined)
    return [411, s3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.')];
  if (bytes.length !== op.length)
    return [400, s3Error('IncompleteBody', `Expected ${op.length} bytes for this part, got ${bytes.length}.`)];
  receivePart({ parts: buildUploadControl(deps.state).received }, fileId, op.offset, bytes);
  return [200, ''];
}

async function serveBuildPart(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
  pathname: string,
  rawQuery: string,
): Promise<void> {
  const bytes = await readBytes(req);
  const method = (req.method ?? 'PUT').toUpperCase();
  const entry: TranscriptEntry = {
    method,
    path: pathname,
    query: rawQuery,
    status: 0,
    authorized: false,
    hadAuthorizationHeader: req.headers.authorization !== undefined,
  };
  deps.requests.push(entry);
  const faults = deps.faults.forRequest(method, pathname, rawQuery);
  const latency = faults.take(['latency']);
  if (latency?.latencyMs) await new Promise((r) => setTimeout(r, latency.latencyMs));
  if (faults.take(['drop-before'])) return void req.socket.destroy();
  const fault = faults.take(['status', 'drop-after']);
  const [, fileId = '', partText = ''] = pathname.slice(BUILD_PARTS_PATH.length).split('/');
  if (fault?.kind === 'status') {
    entry.status = fault.status ?? 503;
    return answer(res, entry.status, s3Error('ServiceUnavailable', 'Please reduce your request rate.'));
  }
  const [status, text] = decide(deps, req, bytes, fileId, Number(partText));
  buildUploadControl(deps.state).puts.push({
    fileId,
    part: Number(partText),
    length: bytes.length,
    status,
    headers: Object.keys(req.headers),
  });
  entry.status = status;
  if (fault?.kind === 'drop-after') return void req.socket.destroy();
  answer(res, status, text);
}

/** Served outside the API pipeline: the HTTP server asks each family's raw routes first. */
export const buildPartsRoute: RawRoute = { matches: isBuildPartPath, serve: serveBuildPart };
