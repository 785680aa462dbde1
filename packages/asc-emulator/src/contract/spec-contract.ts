/**
 * Apple's OpenAPI spec as a contract: which operation a request is (routing, here) and whether
 * a request or response keeps to it (validation, with openapi-backend and ajv: see
 * worker/contract-validator.mjs).
 *
 * The 7 MB spec is loaded and dereferenced once per process (module) and path: one worker thread
 * per spec (worker/contract-worker.mjs), shared by every emulator. Ajv validators are compiled
 * lazily per operation and kept. Once loaded, the worker is unref'd (it never keeps a process
 * alive) and stopped when no emulator has used it for IDLE_MS, so test runners that load this
 * module once per test file do not pile up workers.
 *
 * A test run shares one validator instead (worker/contract-server.mjs, started by
 * test-support/global-setup.js): when ASC_CONTRACT_SOCKET is set and ASC_CONTRACT_SPEC names the
 * same spec, the contract talks to that process over its Unix socket, so the spec is loaded and
 * each operation compiled once per run, not once per test file. The answers are the same.
 */
import { createConnection, type Socket } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  /** Path template, e.g. '/v1/apps/{id}'. */
  path: string;
  /** The declared `maximum` of the `limit` query parameter, if the operation has one. */
  limitMaximum?: number;
}

export type OperationMatch = { operation: SpecOperation } | { operation?: undefined; pathKnown: boolean };

export interface RequestToValidate {
  method: string;
  pathname: string;
  query: Record<string, string | string[]>;
  contentType?: string;
  rawBody?: string;
}

interface Pending {
  resolve(errors: AjvError[]): void;
  reject(e: Error): void;
}

interface Ready {
  type: 'ready';
  loadMs: number;
  operations: SpecOperation[];
}

const IDLE_MS = 2000;

interface Answer {
  id: number;
  errors?: AjvError[];
  failure?: string;
}

/** Where validation runs: this process's worker thread, or the test run's contract server. */
interface Channel {
  post(message: Record<string, unknown>): void;
  /** Answers go to `onAnswer`; the end of the channel (exit, closed socket, error) to `onEnd`. */
  listen(onAnswer: (answer: Answer) => void, onEnd: (error: Error) => void): void;
  ref(): void;
  unref(): void;
  close(): Promise<void>;
}

function workerChannel(worker: Worker): Channel {
  return {
    post: (message) => worker.postMessage(message),
    listen(onAnswer, onEnd) {
      worker.on('message', onAnswer);
      worker.on('error', onEnd);
      worker.on('exit', () => onEnd(new Error('the contract worker stopped')));
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    close: async () => void (await worker.terminate()),
  };
}

/** A 'data' listener that calls `onLine` with each complete line of a text stream. */
function lineReader(onLine: (line: string) => void): (chunk: string) => void {
  let carry = '';
  return (chunk) => {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) if (line) onLine(line);
  };
}

/** Newline-delimited JSON over the contract server's socket (worker/contract-server.mjs). */
function socketChannel(socket: Socket): Channel {
  return {
    post: (message) => void socket.write(`${JSON.stringify(message)}\n`),
    listen(onAnswer, onEnd) {
      socket.on(
        'data',
        lineReader((line) => onAnswer(JSON.parse(line) as Answer)),
      );
      socket.on('error', onEnd);
      socket.on('close', () => onEnd(new Error('the contract server closed the connection')));
    },
    ref: () => void socket.ref(),
    unref: () => void socket.unref(),
    close: () => new Promise<void>((done) => (socket.destroyed ? done() : socket.once('close', () => done()).end())),
  };
}

export class SpecContract {
  private readonly exact = new Map<string, SpecOperation[]>();
  private readonly templates: Array<{ regex: RegExp; ops: SpecOperation[] }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private users = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly channel: Channel,
    ready: Ready,
    private readonly onStop: () => void,
  ) {
    this.loadMs = ready.loadMs;
    this.index(ready.operations);
    channel.listen(
      (answer) => this.settle(answer),
      (e) => this.fail(e),
    );
    // Only now: in Node 20 attaching a 'message' listener after unref() refs a worker again.
    channel.unref();
  }

  /** Milliseconds the validator took to read, parse and dereference the spec. */
  readonly loadMs: number;

  private index(ops: SpecOperation[]): void {
    const byPath = new Map<string, SpecOperation[]>();
    for (const op of ops) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
    const specificity = (path: string): number => path.replace(/\{[^}]+\}/g, '').length;
    for (const [path, list] of byPath) {
      if (!path.includes('{')) {
        this.exact.set(path, list);
        continue;
      }
      const pattern = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      this.templates.push({ regex: new RegExp(`^${pattern}$`), ops: list });
    }
    this.templates.sort((a, b) => specificity(b.ops[0]?.path ?? '') - specificity(a.ops[0]?.path ?? ''));
  }

  /** The operation for a request, or whether the path exists with other methods only. */
  match(method: string, pathname: string): OperationMatch {
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
    const candidates = [
      this.exact.get(path) ?? [],
      ...this.templates.filter((t) => t.regex.test(path)).map((t) => t.ops),
    ];
    for (const list of candidates) {
      const operation = list.find((op) => op.method === method);
      if (operation) return { operation };
    }
    return { pathKnown: candidates.some((list) => list.length > 0) };
  }

  validateRequest(op: SpecOperation, req: RequestToValidate): Promise<AjvError[]> {
    const headers: Record<string, string> = {};
    if (req.contentType) headers['content-type'] = req.contentType;
    const request = {
      method: req.method,
      path: req.pathname,
      query: req.query,
      headers,
      body: req.rawBody || undefined,
    };
    return this.call({ type: 'request', operationId: op.operationId, request });
  }

  /** Validates a JSON body (serialized; null for an empty body) against the schema declared for that status. */
  validateResponse(op: SpecOperation, status: number, bodyJson: string | null): Promise<AjvError[]> {
    return this.call({ type: 'response', operationId: op.operationId, status, body: bodyJson });
  }

  /** An emulator starts using the contract; `release` when it closes. */
  acquire(): void {
    this.users += 1;
    clearTimeout(this.idleTimer);
  }

  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.users === 0) void this.stop();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  async stop(): Promise<void> {
    this.onStop();
    await this.channel.close();
  }

  private call(message: Record<string, unknown>): Promise<AjvError[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<AjvError[]>((resolve, reject) => {
      if (this.pending.size === 0) this.channel.ref(); // an answer is awaited: keep the process alive for it
      this.pending.set(id, { resolve, reject });
      this.channel.post({ id, ...message });
    });
  }

  private settle(msg: Answer): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (this.pending.size === 0) this.channel.unref();
    if (msg.failure) p.reject(new Error(`contract worker: ${msg.failure}`));
    else p.resolve(msg.errors ?? []);
  }

  private fail(e: Error): void {
    this.failure = e;
    this.onStop();
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

const cache = new Map<string, Promise<SpecContract>>();

/** The contract for a spec file: started once per process and path, reused while in use. */
export function loadSpecContract(specPath: string): Promise<SpecContract> {
  const cached = cache.get(specPath);
  if (cached) return cached;
  // Forget this worker when it stops, unless a newer one has taken its place already.
  const forget = (): void => {
    if (cache.get(specPath) === loaded) cache.delete(specPath);
  };
  const shared = process.env.ASC_CONTRACT_SOCKET;
  const sameSpec =
    shared && process.env.ASC_CONTRACT_SPEC && resolvePath(process.env.ASC_CONTRACT_SPEC) === resolvePath(specPath);
  // The run's shared validator when there is one for this spec; this process's own worker otherwise.
  const loaded = sameSpec ? connect(shared, forget).catch(() => start(specPath, forget)) : start(specPath, forget);
  cache.set(specPath, loaded);
  loaded.catch(forget);
  return loaded;
}

function start(specPath: string, onStop: () => void): Promise<SpecContract> {
  const worker = new Worker(new URL('./worker/contract-worker.mjs', import.meta.url), { workerData: { specPath } });
  return new Promise<SpecContract>((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    worker.once('error', onError);
    worker.once('message', (msg: Ready | { type: 'failed'; message: string }) => {
      worker.off('error', onError);
      if (msg.type === 'ready') return resolve(new SpecContract(workerChannel(worker), msg, onStop));
      void worker.terminate();
      reject(new Error(`cannot load the OpenAPI spec ${specPath}: ${msg.message}`));
    });
  });
}

/** Connects to the test run's contract server; the first line it sends is the ready message. */
function connect(socketPath: string, onStop: () => void): Promise<SpecContract> {
  const socket = createConnection(socketPath);
  socket.setEncoding('utf8');
  return new Promise<SpecContract>((resolve, reject) => {
    const onError = (e: Error): void => {
      socket.destroy();
      reject(new Error(`cannot reach the contract server at ${socketPath}: ${e.message}`));
    };
    // The ready line comes first; nothing follows it before the first request is sent.
    let ready = false;
    const onFirst = lineReader((line) => {
      if (ready) return;
      ready = true;
      socket.off('data', onFirst);
      socket.off('error', onError);
      resolve(new SpecContract(socketChannel(socket), JSON.parse(line) as Ready, onStop));
    });
    socket.on('error', onError);
    socket.on('data', onFirst);
  });
}
