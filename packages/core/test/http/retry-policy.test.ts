import { NetworkError } from '../../src/errors.js';
import { isRetryable, parseRetryAfter } from '../../src/http/retry.js';
import { parseRateLimit } from '../../src/http/rate-limit.js';
import type { HttpRequest, HttpResponse, Method } from '../../src/http/types.js';

const req = (method: Method, safeToRetry?: boolean): HttpRequest => ({ method, url: '/v1/x', safeToRetry });
const res = (status: number): HttpResponse => ({ status, headers: new Headers(), url: 'x', data: undefined });
const net = (maybeApplied: boolean) => new NetworkError('reset', { method: 'POST', url: 'x' }, { maybeApplied });

test.each([
  ['GET', undefined, res(503), true],
  ['HEAD', undefined, res(500), true],
  ['DELETE', undefined, res(502), true],
  ['GET', undefined, res(429), true],
  ['POST', undefined, res(429), true],
  ['POST', undefined, res(500), false],
  ['PATCH', undefined, res(503), false],
  ['POST', true, res(500), true],
  ['PATCH', true, res(503), true],
  ['GET', undefined, res(400), false],
  ['GET', undefined, res(404), false],
  ['GET', undefined, res(409), false],
  ['POST', true, res(422), false],
  ['GET', undefined, net(false), true],
  ['POST', undefined, net(true), false],
  ['POST', undefined, net(false), true],
  ['POST', true, net(true), true],
] as const)('%s (safe=%s) after %o → retry %s', (method, safe, outcome, expected) => {
  expect(isRetryable(req(method, safe), outcome)).toBe(expected);
});

test.each([
  ['120', 120_000],
  ['0', 0],
  ['1.5', 1500],
  ['Thu, 26 Nov 2026 12:00:30 GMT', 30_000],
  ['Thu, 26 Nov 2026 11:00:00 GMT', 0],
  ['soon', undefined],
  [null, undefined],
])('Retry-After %s → %s ms', (value, expected) => {
  expect(parseRetryAfter(value, Date.parse('2026-11-26T12:00:00Z'))).toBe(expected);
});

test.each([
  ['user-hour-lim:3600;user-hour-rem:3545;', { limit: 3600, remaining: 3545 }],
  ['user-hour-rem:12; user-hour-lim:500', { limit: 500, remaining: 12 }],
  ['user-hour-lim:3600;', { limit: 3600 }],
  ['garbage', {}],
  ['', {}],
])('X-Rate-Limit %s', (header, expected) => {
  expect(parseRateLimit(header)).toEqual(expected);
});
