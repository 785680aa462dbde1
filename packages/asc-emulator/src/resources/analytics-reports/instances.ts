/**
 * Report instances appear over the emulator's clock, as Apple makes them:
 * - DAILY: one per processing date from the day after the request on (Apple: "you will receive
 *   your first report approximately 24-48 hours later"), carrying the previous days up to the
 *   report's completeness threshold (late-arriving data);
 * - WEEKLY: on Fridays, for the previous Monday–Sunday (Date = the Monday);
 * - MONTHLY: on the 5th, for the previous month (Date = the 1st).
 * An instance exists from 08:00 UTC on its processing date (assumption: Apple states no hour).
 * Apple deletes instances 35 days after they are made (Analytics Reports overview, "Retrieve
 * missed reports"). A request stopped for inactivity gets no new instances. A ONE_TIME_SNAPSHOT
 * (assumption: the shape of its instances is not documented) gets, a day after it is made, the
 * daily instances of the 35 days before it, then nothing more.
 */
import type { EmulatorState } from '../../store/state.js';
import type { ResourceRecord } from '../../types.js';
import { catalogReport, type CatalogReport, type Granularity } from './catalog.js';
import { analyticsControl, type RequestMeta } from './control.js';

const DAY = 86_400_000;
export const RETENTION_DAYS = 35;
const READY_HOUR_MS = 8 * 3_600_000;

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number): number => Math.floor(ms / DAY) * DAY;

export interface InstanceFacts {
  granularity: Granularity;
  processingDate: string;
  /** The Date values the instance carries. */
  dates: string[];
  /** Days each row sums (weekly 7, monthly the month's days). */
  days: number;
}

/** Every instance a report of this request has at `now` (within retention). */
export function instancesAt(
  meta: RequestMeta,
  accessType: string,
  report: CatalogReport,
  now: number,
): InstanceFacts[] {
  const end = Math.min(now, meta.stoppedAt ?? Infinity);
  const first = dayStart(meta.createdAt) + DAY;
  const out: InstanceFacts[] = [];
  const oldest = dayStart(now) - RETENTION_DAYS * DAY;
  if (accessType === 'ONE_TIME_SNAPSHOT') {
    if (now < first + READY_HOUR_MS) return [];
    for (let p = dayStart(meta.createdAt) - RETENTION_DAYS * DAY; p <= dayStart(meta.createdAt); p += DAY)
      out.push(daily(report, p));
    return out;
  }
  for (let p = Math.max(first, oldest); p + READY_HOUR_MS <= end; p += DAY) {
    if (report.granularities.includes('DAILY')) out.push(daily(report, p));
    const d = new Date(p);
    if (report.granularities.includes('WEEKLY') && d.getUTCDay() === 5) {
      const monday = p - 11 * DAY;
      out.push({ granularity: 'WEEKLY', processingDate: isoDay(p), dates: [isoDay(monday)], days: 7 });
    }
    if (report.granularities.includes('MONTHLY') && d.getUTCDate() === 5) {
      const firstOfPrevious = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
      const days = Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - firstOfPrevious) / DAY);
      out.push({ granularity: 'MONTHLY', processingDate: isoDay(p), dates: [isoDay(firstOfPrevious)], days });
    }
  }
  return out;
}

function daily(report: CatalogReport, p: number): InstanceFacts {
  const dates: string[] = [];
  for (let k = report.completenessDays; k >= 1; k--) dates.push(isoDay(p - k * DAY));
  return { granularity: 'DAILY', processingDate: isoDay(p), dates, days: 1 };
}

export const instanceId = (reportId: string, f: Pick<InstanceFacts, 'granularity' | 'processingDate'>): string =>
  `${reportId}-${f.granularity[0]}${f.processingDate.replace(/-/g, '')}`;

/**
 * Brings the stored instances of a report up to `now`: new ones are created, those past
 * retention removed. Returns the report's instances, oldest first.
 */
export function settleInstances(state: EmulatorState, report: ResourceRecord, now: number): ResourceRecord[] {
  const control = analyticsControl(state);
  const requestId = control.reports.get(report.id) ?? '';
  const request = state.get('analyticsReportRequests', requestId);
  const meta = control.requests.get(requestId);
  const entry = catalogReport(String(report.attributes.name), control.reportsPerRequest);
  if (!request || !meta || !entry) return [];
  const facts = instancesAt(meta, String(request.attributes.accessType), entry, now);
  const wanted = new Set(facts.map((f) => instanceId(report.id, f)));
  for (const old of state.all('analyticsReportInstances')) {
    if (control.instances.get(old.id)?.reportId === report.id && !wanted.has(old.id)) {
      state.remove('analyticsReportInstances', old.id);
      control.instances.delete(old.id);
    }
  }
  return facts.map((f) => {
    const id = instanceId(report.id, f);
    const existing = state.get('analyticsReportInstances', id);
    if (existing) return existing;
    control.instances.set(id, { reportId: report.id, dates: f.dates, days: f.days });
    return state.create('analyticsReportInstances', {
      id,
      attributes: { granularity: f.granularity, processingDate: f.processingDate },
    });
  });
}
