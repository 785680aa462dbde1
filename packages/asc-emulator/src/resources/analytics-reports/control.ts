/**
 * The analytics side of the emulator's state that is not a JSON:API resource: which app a
 * request belongs to and when it was made, the bytes of each segment, key roles, and knobs for
 * tests (segment size, report count, tampering). One per EmulatorState.
 */
import type { EmulatorState } from '../../store/state.js';

export type KeyRole =
  'ADMIN' | 'SALES_AND_REPORTS' | 'FINANCE' | 'APP_MANAGER' | 'DEVELOPER' | 'MARKETING' | 'CUSTOMER_SUPPORT';

export interface RequestMeta {
  appId: string;
  createdAt: number;
  /** Set when Apple stopped the request for inactivity: no instances after this time. */
  stoppedAt?: number;
}

export interface SegmentBytes {
  bytes: Buffer;
  checksum: string;
  /** The instance's processing date, for URL expiry checks and tests. */
  instanceId: string;
}

export interface InstanceMeta {
  reportId: string;
  dates: string[];
  days: number;
}

export interface AnalyticsControl {
  requests: Map<string, RequestMeta>;
  /** Report id → its request's id. */
  reports: Map<string, string>;
  instances: Map<string, InstanceMeta>;
  segments: Map<string, SegmentBytes>;
  /** A key id's role; keys not listed are Admin keys. */
  keyRoles: Map<string, KeyRole>;
  /** Data rows per segment before an instance is split into several segments. */
  segmentRows: number;
  /** Territories each date spans (8 by default; 20 at most). */
  territories: number;
  /** Reports per request (about 150, as Apple's). */
  reportsPerRequest: number;
  /** How long a segment URL stays valid (ms). */
  urlLifetimeMs: number;
  /** Every GET of a segment URL, in order (tests count downloads). */
  downloads: Array<{ segmentId: string; status: number; hadAuthorization: boolean }>;
}

const controls = new WeakMap<EmulatorState, AnalyticsControl>();

export function analyticsControl(state: EmulatorState): AnalyticsControl {
  let c = controls.get(state);
  if (!c) {
    c = {
      requests: new Map(),
      reports: new Map(),
      instances: new Map(),
      segments: new Map(),
      keyRoles: new Map(),
      segmentRows: 50_000,
      territories: 8,
      reportsPerRequest: 150,
      urlLifetimeMs: 15 * 60_000,
      downloads: [],
    };
    controls.set(state, c);
  }
  return c;
}

/** Marks a request as stopped by Apple for inactivity (as Apple does after long disuse). */
export function stopForInactivity(state: EmulatorState, requestId: string, at: number): void {
  const meta = analyticsControl(state).requests.get(requestId);
  if (!meta) throw new Error(`no analytics report request ${requestId}`);
  meta.stoppedAt = at;
  state.update('analyticsReportRequests', requestId, { attributes: { stoppedDueToInactivity: true } });
}
