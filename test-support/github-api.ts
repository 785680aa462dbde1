/**
 * A small local fake of the GitHub REST endpoints that pull-request comments use:
 *   GET   /repos/{owner}/{repo}/issues/{number}/comments   (paged with per_page/page and a Link header)
 *   POST  /repos/{owner}/{repo}/issues/{number}/comments
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}
 * It checks the token (`Authorization: token …` or `Bearer …`), records every request, and can
 * answer 403 as GitHub does for a read-only token ("Resource not accessible by integration").
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  created_at: string;
  updated_at: string;
}

export interface FakeGitHub {
  /** e.g. http://127.0.0.1:41234 (what GITHUB_API_URL is set to). */
  url: string;
  /** `${owner}/${repo}#${number}` → comments, in order. */
  comments: Map<string, FakeComment[]>;
  requests: Array<{ method: string; path: string; body?: unknown; authorization?: string }>;
  /** When true, every write answers 403 (a token without pull-requests: write). */
  readOnly: boolean;
  /**
   * GET /user's login: undefined answers 403 as GitHub does for the workflow's installation token
   * (whose comments are by github-actions[bot]); a login makes the token a person's.
   */
  userLogin?: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function startFakeGitHub(token: string): Promise<FakeGitHub> {
  let nextId = 1000;
  const fake: Omit<FakeGitHub, 'url' | 'close'> = {
    comments: new Map(),
    requests: [],
    readOnly: false,
    userLogin: undefined,
  };
  const now = () => new Date().toISOString();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = await readBody(req);
      fake.requests.push({
        method: req.method ?? '',
        path: url.pathname + url.search,
        body,
        authorization: req.headers.authorization,
      });
      if (req.headers.authorization !== `token ${token}` && req.headers.authorization !== `Bearer ${token}`)
        return send(res, 401, { message: 'Bad credentials' });
      const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (url.pathname === '/user' && req.method === 'GET') {
        return fake.userLogin
          ? send(res, 200, { login: fake.userLogin })
          : send(res, 403, { message: 'Resource not accessible by integration', status: '403' });
      }
      if (req.method !== 'GET' && fake.readOnly)
        return send(res, 403, { message: 'Resource not accessible by integration', status: '403' });
      if (list && req.method === 'GET') {
        const all = fake.comments.get(`${list[1]}/${list[2]}#${list[3]}`) ?? [];
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(url.href);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`;
        }
        return send(res, 200, all.slice((page - 1) * perPage, page * perPage), headers);
      }
      if (list && req.method === 'POST') {
        const key = `${list[1]}/${list[2]}#${list[3]}`;
        const comment: FakeComment = {
          id: nextId++,
          body: String((body as { body?: string }).body),
          user: { login: fake.userLogin ?? 'github-actions[bot]' },
          created_at: now(),
          updated_at: now(),
        };
        fake.comments.set(key, [...(fake.comments.get(key) ?? []), comment]);
        return send(res, 201, comment);
      }
      if (one && req.method === 'PATCH') {
        const comment = [...fake.comments.values()].flat().find((c) => c.id === Number(one[3]));
        if (!comment) return send(res, 404, { message: 'Not Found' });
        comment.body = String((body as { body?: string }).body);
        comment.updated_at = now();
        return send(res, 200, comment);
      }
      send(res, 404, { message: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    get comments() {
      return fake.comments;
    },
    get requests() {
      return fake.requests;
    },
    get readOnly() {
      return fake.readOnly;
    },
    set readOnly(v: boolean) {
      fake.readOnly = v;
    },
    get userLogin() {
      return fake.userLogin;
    },
    set userLogin(v: string | undefined) {
      fake.userLogin = v;
    },
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
