/** Method + path-template routing for the emulated resources. */
import type { EmulatorState } from '../store/state.js';
import type { QueryParams } from '../jsonapi/query.js';
import type { TypeRegistry } from '../jsonapi/resource-types.js';
import type { Reply } from '../jsonapi/reply.js';

export interface HandlerContext {
  state: EmulatorState;
  /** Path parameters, e.g. { id } for '/v1/apps/{id}'. */
  params: Record<string, string>;
  query: QueryParams;
  /** The parsed JSON body, if any. */
  body: unknown;
  /** e.g. 'http://127.0.0.1:41234'. */
  origin: string;
  pathname: string;
  rawQuery: string;
  now(): number;
  /** The spec's maximum for this operation's `limit` (200 without the spec). */
  limitMaximum: number;
  types: TypeRegistry;
  /** The key id of the verified token (roles are per key). */
  keyId?: string;
}

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Apple's path template, e.g. '/v1/apps/{id}/betaGroups'. */
  path: string;
  handler: Handler;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export type RouteMatch = { route: Route; params: Record<string, string> };

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const pattern = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, regex: new RegExp(`^${pattern}/?$`), names };
    });
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    for (const c of this.compiled) {
      if (c.route.method !== method) continue;
      const m = c.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      c.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: c.route, params };
    }
    return undefined;
  }
}
