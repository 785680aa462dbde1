// The baseline for the upload-build bench: a bare Node script that PUTs the same parts of the
// same file to the same server with the same concurrency (node:http, one buffer per part, the
// operation's headers and Content-Length), nothing else. argv: file, operations JSON, concurrency.
import { request } from 'node:http';
import { open } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

const [file, opsPath, width] = process.argv.slice(2);
const ops = JSON.parse(readFileSync(opsPath, 'utf8'));
const handle = await open(file, 'r');
let next = 0;
async function put(op) {
  const body = Buffer.allocUnsafe(op.length);
  await handle.read(body, 0, op.length, op.offset);
  const headers = Object.fromEntries(op.requestHeaders.map((h) => [h.name, h.value]));
  await new Promise((resolve, reject) => {
    const req = request(op.url, { method: op.method, headers: { ...headers, 'Content-Length': op.length } }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`part at ${op.offset}: ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
await Promise.all(
  Array.from({ length: Number(width) }, async () => {
    while (next < ops.length) await put(ops[next++]);
  }),
);
await handle.close();
