/**
 * Proxies for self-hosted and GitHub Enterprise runners: HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * (either case), for App Store Connect and for pre-signed upload URLs alike (both go through the
 * transport). Node's own fetch and node:http ignore these variables unless NODE_USE_ENV_PROXY is set
 * (Node ≥ 24.5), so with a proxy configured requests go through undici's fetch and a
 * ProxyAgent, which tunnels with CONNECT; NO_PROXY is matched here with curl's rules (undici's
 * EnvHttpProxyAgent would do the same but prints an "experimental" warning on every run). undici
 * is loaded only then, so runs without a proxy start as fast as before.
 */
import { nodeExchange, type Exchange, type ExchangeAnswer } from './exchange.js';

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/** The proxy settings in effect, for one log line: never the userinfo of a proxy URL. */
export function describeProxy(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const used = PROXY_VARS.filter((name) => env[name]);
  if (used.length === 0) return undefined;
  const shown = used.map((name) => `${name}=${withoutUserinfo(env[name]!)}`);
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  return `${shown.join(', ')}${noProxy ? `; NO_PROXY=${noProxy}` : ''}`;
}

function withoutUserinfo(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(not a URL)';
  }
}

/** The proxy for a URL under the env's HTTPS_PROXY / HTTP_PROXY / NO_PROXY (curl's rules), or undefined for direct. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const http = env.http_proxy || env.HTTP_PROXY;
  const proxy = url.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY || http : http;
  if (!proxy) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of (env.no_proxy || env.NO_PROXY || '').split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return undefined;
    const [, name = entry, entryPort] = /^(.*?)(?::(\d+))?$/.exec(entry) ?? [];
    if (entryPort !== undefined && entryPort !== port) continue;
    const domain = name.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return undefined;
  }
  return proxy;
}

type UndiciFetch = (input: string, init: Record<string, unknown>) => Promise<unknown>;
interface Undici {
  fetch: unknown;
  ProxyAgent: new (uri: string) => unknown;
}

/**
 * The exchange the transport uses: node:http(s) (`nodeExchange`), or, when a proxy variable is
 * set, undici's fetch with a ProxyAgent (CONNECT tunnel; userinfo in the proxy URL becomes
 * Proxy-Authorization) for the URLs NO_PROXY does not exempt. `env` is read once, here.
 */
export function defaultExchange(env: NodeJS.ProcessEnv = process.env): Exchange {
  if (!PROXY_VARS.some((name) => env[name])) return nodeExchange;
  const snapshot = { ...env };
  let undici: Promise<Undici> | undefined;
  const agents = new Map<string, unknown>();
  return async (url, init) => {
    const proxy = proxyFor(new URL(url), snapshot);
    if (proxy === undefined) return nodeExchange(url, init);
    const lib = await (undici ??= import('undici') as Promise<Undici>);
    if (!agents.has(proxy)) agents.set(proxy, new lib.ProxyAgent(proxy));
    return (await (lib.fetch as UndiciFetch)(url, { ...init, dispatcher: agents.get(proxy) })) as ExchangeAnswer;
  };
}
