/** The action's types: settings, what Apple has, the plan, and what comes out. */
import type { AnalyticsCategory, AnalyticsGranularity } from '@asc-actions/core';

export type OutputFormat = 'csv' | 'json' | 'jsonl';
export type State = 'requested' | 'not-available-yet' | 'available';

/** A report the workflow asked for: an exact name, or every Standard report of a category. */
export type ReportWanted = { kind: 'name'; name: string } | { kind: 'category'; category: AnalyticsCategory };

export interface Settings {
  /** Apple ID (digits) or bundle id. */
  app: string;
  reports: ReportWanted[];
  granularity: AnalyticsGranularity;
  /** Processing dates (YYYY-MM-DD), inclusive; undefined: every instance Apple lists. */
  from?: string;
  to?: string;
  snapshot: boolean;
  /** A file (one report, extension given) or a folder (one file per report), inside the workspace. */
  outputPath: string;
  outputIsFile: boolean;
  outputFormat: OutputFormat;
  cache: boolean;
  dryRun: boolean;
}

/** One segment as Apple lists it. */
export interface SegmentInfo {
  id: string;
  url: string;
  checksum: string;
  sizeInBytes: number;
}

export interface InstanceInfo {
  id: string;
  processingDate: string;
  granularity: AnalyticsGranularity;
}

export interface ReportInfo {
  id: string;
  name: string;
  category: AnalyticsCategory;
}

/** What a fetched segment holds, learnt while it was verified (kept in the cache index). */
export interface SegmentFacts {
  id: string;
  checksum: string;
  sizeInBytes: number;
  /** File name inside the report's cache folder. */
  file: string;
  columns: string[];
  dates: string[];
  rows: number;
}

export interface FetchedInstance extends InstanceInfo {
  segments: SegmentFacts[];
}

/** For each Date, the instance whose rows count (the newest processing date that has it). */
export type DateWinners = Map<string, string>;

export interface ReportOutcome {
  report: ReportInfo;
  state: Exclude<State, 'requested'>;
  instances: FetchedInstance[];
  winners: DateWinners;
  downloaded: number;
  fromCache: number;
  /** Written file, rows written, columns (union, in order), columns the summary needed but did not find. */
  path?: string;
  rows: number;
  columns: string[];
  missingColumns: string[];
}
