/** The node:http side: read the request, run the pipeline, write (or drop) the answer. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleRequest, type PipelineDeps } from './pipeline.js';
import type { Reply } from '../jsonapi/reply.js';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, deps: PipelineDeps, origin: string): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  const raw = deps.rawRoutes.find((r) => r.matches(url.pathname));
  if (raw) return raw.serve(req, res, deps, url.pathname, url.search.slice(1));
  const rawBody = await readBody(req);
  const outcome = await handleRequest(
    {
      method: (req.method ?? 'GET').toUpperCase(),
      pathname: url.pathname,
      rawQuery: url.search.slice(1),
      headers: req.headers,
      rawBody,
      origin,
    },
    deps,
  );
  if (!outcome.reply) {
    req.socket.destroy();
    return;
  }
  writeReply(res, outcome.reply, outcome.headers);
}

function internalError(res: ServerResponse, e: unknown): void {
  const detail = `Emulator internal error: ${e instanceof Error ? e.message : String(e)}`;
  process.stderr.write(`asc-emulator: ${detail}\n`);
  if (res.headersSent || res.destroyed) return;
  const body = {
    errors: [{ status: '500', code: 'UNEXPECTED_ERROR', title: 'An unexpected error occurred.', detail }],
  };
  writeReply(res, { status: 500, json: body }, {});
}

export interface Listening {
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

export async function listen(
  deps: PipelineDeps,
  host: string,
  port: number,
  getOrigin: () => string,
): Promise<Listening> {
  const server = createServer((req, res) => {
    serve(req, res, deps, getOrigin()).catch((e: unknown) => internalError(res, e));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('emulator: unexpected server address');
  const hostPart = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    server,
    baseUrl: `http://${hostPart}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function writeReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string> = { ...extraHeaders, ...(reply.headers ?? {}) };
  let body: Buffer | undefined;
  if (reply.binary) {
    body = reply.binary;
    headers['Content-Type'] = reply.contentType ?? 'application/octet-stream';
  } else if (reply.json !== undefined) {
    body = Buffer.from(JSON.stringify(reply.json));
    headers['Content-Type'] = 'application/json';
  }
  headers['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(body);
}
