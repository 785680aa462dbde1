/** The analytics part of a seed (Seed.analytics). */
import type { KeyRole } from './control.js';

export interface SeedAnalyticsRequest {
  id?: string;
  /** The app's id or bundle id. */
  app: string;
  accessType?: 'ONGOING' | 'ONE_TIME_SNAPSHOT';
  /** ISO date-time the request was made: instances follow from the next day on. */
  createdAt: string;
  /** ISO date-time Apple stopped it for inactivity (stoppedDueToInactivity: true). */
  stoppedAt?: string;
}

export interface SeedAnalytics {
  requests?: SeedAnalyticsRequest[];
  /** Key id → role; keys not listed act as Admin keys. */
  keyRoles?: Record<string, KeyRole>;
  segmentRows?: number;
  territories?: number;
  reportsPerRequest?: number;
}
