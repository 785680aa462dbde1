/** What one check found: the key's type, what it sees, the rate limit and the clock. */
export interface CheckResult {
  keyType: 'team' | 'individual';
  appsVisible: number;
  firstApp?: { id: string; name?: string; bundleId?: string };
  rateLimit: { limit?: number; remaining?: number };
  /** Runner clock minus server clock (seconds), when the server sent a Date header. */
  clockSkewSeconds?: number;
  warnings: string[];
}
