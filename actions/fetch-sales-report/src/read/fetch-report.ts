/**
 * One report date, asked of Apple: outcomes are states, not guesses. `available` (saved and
 * verified), `no-sales` (Apple's "There were no sales for the date specified"),
 * `not-available-yet` (Apple's 404 for a report not published yet; with a deadline, asked
 * again until it is out or the deadline passes). A body that breaks off is downloaded again; a
 * version Apple no longer serves is replaced by the one Apple names, when the version is `auto`.
 */
import {
  getFinanceReport,
  getSalesReport,
  InputError,
  InvalidRequestError,
  latestReportVersion,
  reportAbsence,
  type Clock,
  type Logger,
  type AscClient,
} from '@asc-actions/core';
import type { ReportSettings } from '../inputs/settings.js';
import type { Outcome } from '../model.js';
import { ReportError } from './parse/report-error.js';
import { DownloadError, saveVerified } from './download.js';
import { ReportTooLarge } from './parse/lines.js';

/** The version asked for, shared by every date of a run; `auto` follows what Apple names. */
export class VersionState {
  readonly switches: Array<{ from: string; to: string }> = [];
  constructor(
    public current: string | undefined,
    readonly pinned: boolean,
  ) {}
}

export interface FetchContext {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  settings: ReportSettings;
  version: VersionState;
  /** Poll for reports that are not out yet until this time (ms since epoch); undefined: do not wait. */
  waitUntil?: number;
  pollMs: number;
  /** Downloads of one report before a broken body is an error (default 3). */
  bodyAttempts?: number;
}

export function describeReport(settings: ReportSettings, date: string): string {
  return settings.finance
    ? `${settings.reportType} report (region ${settings.regionCode}) for ${date}`
    : `${settings.reportType} ${settings.reportSubType} ${settings.period} report for ${date}`;
}

function request(ctx: FetchContext, date: string) {
  const s = ctx.settings;
  if (s.finance) {
    return getFinanceReport(ctx.client, {
      'filter[vendorNumber]': [s.vendorNumber],
      'filter[reportType]': [s.reportType as 'FINANCIAL' | 'FINANCE_DETAIL'],
      'filter[regionCode]': [s.regionCode!],
      'filter[reportDate]': [date],
    });
  }
  return getSalesReport(ctx.client, {
    'filter[vendorNumber]': [s.vendorNumber],
    'filter[reportType]': [s.reportType as 'SALES'],
    'filter[reportSubType]': [s.reportSubType!],
    'filter[frequency]': [s.period as 'DAILY'],
    'filter[reportDate]': [date],
    ...(ctx.version.current ? { 'filter[version]': [ctx.version.current] } : {}),
  });
}

/** Handles Apple naming another version; returns true when the request should be sent again. */
function switchVersion(ctx: FetchContext, latest: string, asked: string | undefined): boolean {
  const v = ctx.version;
  const type = ctx.settings.reportType;
  if (v.pinned) {
    throw new InputError(
      `Apple refused version ${asked} of ${type} reports: the latest version is ${latest}. Set "version" to ${latest}, or to auto to follow Apple.`,
      { input: 'version' },
    );
  }
  if (v.current !== asked) return true; // another date switched meanwhile
  if (asked === latest) return false;
  v.switches.push({ from: asked ?? '(none)', to: latest });
  v.current = latest;
  ctx.logger.warning(
    `Apple says the current version of ${type} reports is ${latest} (this action asked for ${asked}); using ${latest}.`,
  );
  return v.switches.length <= 3;
}

export async function fetchReport(ctx: FetchContext, date: string, file: string): Promise<Outcome> {
  const where = describeReport(ctx.settings, date);
  const attempts = ctx.bodyAttempts ?? 3;
  for (let failures = 0; ;) {
    const asked = ctx.version.current;
    try {
      const response = await request(ctx, date);
      await saveVerified(response, file);
      return { date, state: 'available', version: asked, source: 'api', file };
    } catch (error) {
      if (error instanceof ReportTooLarge) throw new ReportError(`${where}: ${error.message}. Nothing was written.`);
      if (error instanceof DownloadError) {
        if (++failures >= attempts)
          throw new ReportError(`${where}: ${error.message}, ${attempts} times in a row. Nothing was written.`);
        ctx.logger.info(`${where}: ${error.message}; downloading it again (${failures}/${attempts - 1}).`);
        await ctx.clock.sleep(1000 * failures);
        continue;
      }
      const absence = reportAbsence(error);
      const detail = (error as { errors?: Array<{ detail?: string }> }).errors?.[0]?.detail;
      if (absence === 'no-sales') return { date, state: 'no-sales', version: asked, source: 'api', detail };
      if (absence === 'not-available-yet') {
        if (await waitMore(ctx, where)) continue;
        return { date, state: 'not-available-yet', version: asked, source: 'api', detail };
      }
      const latest = ctx.settings.finance ? undefined : latestReportVersion(error);
      if (latest && switchVersion(ctx, latest, asked)) continue;
      throw vendorProblem(ctx, error) ?? error;
    }
  }
}

/**
 * Apple's 400 "Invalid vendor number specified" (reports/answers.ts in the emulator): one line
 * that says where the number is and why a valid-looking one can still be refused.
 */
function vendorProblem(ctx: FetchContext, error: unknown): InputError | undefined {
  if (!(error instanceof InvalidRequestError)) return undefined;
  if (!error.errors.some((e) => /invalid vendor number/i.test(`${e.title ?? ''} ${e.detail ?? ''}`))) return undefined;
  return new InputError(
    `Input "vendor-number": Apple refused vendor number ${ctx.settings.vendorNumber} ("Invalid vendor number"). It is shown top left in App Store Connect → Payments and Financial Reports; a key with the Sales role can only read its own vendor's reports.`,
    { input: 'vendor-number' },
  );
}

/** Sleeps until the next poll when the deadline allows one; false when it does not. */
async function waitMore(ctx: FetchContext, where: string): Promise<boolean> {
  if (ctx.waitUntil === undefined) return false;
  const left = ctx.waitUntil - ctx.clock.now();
  if (left <= 0) return false;
  const wait = Math.min(ctx.pollMs, left);
  ctx.logger.info(`${where} is not out yet; asking again in ${Math.round(wait / 1000)} s.`);
  await ctx.clock.sleep(wait);
  return true;
}
