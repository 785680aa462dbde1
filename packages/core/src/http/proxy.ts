/**
 * Proxies for self-hosted and GitHub Enterprise runners: HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * (either case), for App Store Connect and for pre-signed upload URLs alike (both go through the
 * transport's fetch). Node's own fetch ignores these variables unless NODE_USE_ENV_PROXY is set
 * (Node ≥ 24.5), so with a proxy configured requests go through undici's fetch and its
 * EnvHttpProxyAgent, which tunnels with CONNECT and honours NO_PROXY. undici is loaded only
 * then, so runs without a proxy start as fast as before.
 */
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

/** The fetch the transport uses: Node's own, or undici's through the env proxy when one is set. */
export function defaultFetch(env: NodeJS.ProcessEnv = process.env): typeof fetch {
  if (!PROXY_VARS.some((name) => env[name])) return globalThis.fetch;
  let loaded: Promise<{ fetch: (input: unknown, init: unknown) => Promise<unknown>; dispatcher: unknown }> | undefined;
  const proxied = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    loaded ??= import('undici').then((undici) => ({
      fetch: undici.fetch as (input: unknown, init: unknown) => Promise<unknown>,
      dispatcher: new undici.EnvHttpProxyAgent(),
    }));
    const { fetch: undiciFetch, dispatcher } = await loaded;
    return (await undiciFetch(input instanceof Request ? input.url : input, { ...init, dispatcher })) as Response;
  };
  return proxied as typeof fetch;
}
