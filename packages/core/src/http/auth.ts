import type { AuthAttempt, Send } from './types.js';

/** What the auth layer needs of a token source (auth/token.ts's TokenSource is one). */
export interface TokenProvider {
  getToken(): Promise<string>;
  /** Forget this token if it is the current one, so the next getToken signs anew. */
  invalidate(token: string): void;
  /** What a token carries (key id, issuer set, iat/exp) and the source's clock: named on a final 401. */
  describe?(token: string): Omit<AuthAttempt, 'serverNow'>;
}

/**
 * Adds `Authorization: Bearer <jwt>` to every request bound for the API (not to pre-signed
 * upload URLs). On a 401 it drops the token and tries once more with a fresh one: a token that
 * expired or was rejected for clock reasons recovers; a wrong key id or issuer fails again and
 * the 401 reaches the caller. A 401 is answered before anything is applied, so this is safe for
 * writes too.
 */
export function withAuth(next: Send, tokens: TokenProvider): Send {
  return async (request) => {
    if (request.auth === false) return next(request);
    const send = async () => {
      const token = await tokens.getToken();
      const response = await next({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
      return { token, response };
    };
    const first = await send();
    if (first.response.status !== 401) return first.response;
    first.response.stream?.resume();
    tokens.invalidate(first.token);
    const second = await send();
    if (second.response.status === 401 && tokens.describe) {
      const date = Date.parse(second.response.headers.get('date') ?? '');
      second.response.auth = {
        ...tokens.describe(second.token),
        ...(Number.isNaN(date) ? {} : { serverNow: Math.floor(date / 1000) }),
      };
    }
    return second.response;
  };
}
