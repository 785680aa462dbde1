/**
 * The pre-signed upload URLs of asset reservations, served on the emulator's own origin outside
 * the API pipeline (no JWT, no contract: they are not part of Apple's spec). A part must carry
 * no Authorization header (403 otherwise, as a pre-signed storage URL refuses a second
 * credential), must be a PUT of exactly the operation's length, and is hashed as the parts
 * arrive in order (early parts wait), so the commit can check the MD5 without holding the file. Faults (status, latency, dropped connections)
 * apply here as to API paths.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PipelineDeps, RawRoute } from '../../../server/pipeline.js';
import type { TranscriptEntry } from '../../../types.js';
import { mediaControl, receivePart } from './control.js';
import { MEDIA_KINDS } from './kinds.js';
import { UPLOAD_PATH } from './assets.js';

const isUploadPath = (pathname: string): boolean => pathname.startsWith(`${UPLOAD_PATH}/`);

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function findOperation(
  deps: PipelineDeps,
  assetId: string,
  part: number,
): { offset: number; length: number } | undefined {
  for (const kind of MEDIA_KINDS) {
    const asset = deps.state.get(kind.assetType, assetId);
    const ops = asset?.attributes.uploadOperations as Array<{ offset: number; length: number }> | undefined;
    if (ops?.[part]) return ops[part];
  }
  return undefined;
}

function decide(
  deps: PipelineDeps,
  req: IncomingMessage,
  bytes: Buffer,
  assetId: string,
  part: number,
): [number, string] {
  if (req.headers.authorization !== undefined) return [403, 'Pre-signed upload URLs take no Authorization header.'];
  if (req.method !== 'PUT') return [405, 'Upload operations are PUT.'];
  const op = findOperation(deps, assetId, part);
  if (!op) return [404, 'No such upload operation (expired or already committed).'];
  if (bytes.length !== op.length) return [400, `Expected ${op.length} bytes for this part, got ${bytes.length}.`];
  receivePart(mediaControl(deps.state), assetId, op.offset, bytes);
  return [200, ''];
}

async function serveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
  pathname: string,
  rawQuery: string,
): Promise<void> {
  const bytes = await readBytes(req);
  const method = (req.method ?? 'PUT').toUpperCase();
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
  const faults = deps.faults.forRequest(method, pathname, rawQuery);
  const latency = faults.take(['latency']);
  if (latency?.latencyMs) await new Promise((r) => setTimeout(r, latency.latencyMs));
  if (faults.take(['drop-before'])) return void req.socket.destroy();
  const fault = faults.take(['status', 'drop-after']);
  if (fault?.kind === 'status') {
    entry.status = fault.status ?? 503;
    return answer(res, entry.status, 'Service unavailable.');
  }
  const [, assetId = '', partText = ''] = pathname.slice(UPLOAD_PATH.length).split('/');
  const [status, text] = decide(deps, req, bytes, assetId, Number(partText));
  mediaControl(deps.state).puts.push({
    assetId,
    offset: findOperation(deps, assetId, Number(partText))?.offset ?? -1,
    length: bytes.length,
    hadAuthorization,
    status,
  });
  entry.status = status;
  if (fault?.kind === 'drop-after') return void req.socket.destroy();
  answer(res, status, text);
}

/** Served outside the API pipeline: the HTTP server asks each family's raw routes first. */
export const uploadPartsRoute: RawRoute = { matches: isUploadPath, serve: serveUpload };
