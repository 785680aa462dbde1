import { InputError } from '../errors.js';

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;

/** True for 127.0.0.0/8, localhost and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/**
 * Checks `api-base-url`: an absolute http(s) URL, https unless the host is loopback (the emulator),
 * no credentials, query or fragment. Returns it without a trailing slash.
 */
export function normalizeApiBaseUrl(value: string, input = 'api-base-url'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`Input "${input}" must be an absolute URL such as https://api.appstoreconnect.apple.com.`, {
      input,
    });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InputError(
      `Input "${input}" must use https (plain http is allowed only for loopback hosts such as 127.0.0.1).`,
      { input },
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(`Input "${input}" must not contain credentials, a query or a fragment.`, { input });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
