/**
 * The reports this action can ask for: Apple's Sales and Trends matrix (type / subtype /
 * frequency / versions, from Apple's "Download sales and trends reports" page, see
 * docs/evidence/sales-reports.md §1) and the two finance report types.
 *
 * Versions are the newest this action knows of; Apple moves on without notice, so with
 * `version: auto` the version Apple names in its error wins (fetch/versions.ts).
 */

export const SALES_TYPES = [
  'SALES',
  'PRE_ORDER',
  'NEWSSTAND',
  'SUBSCRIPTION',
  'SUBSCRIPTION_EVENT',
  'SUBSCRIBER',
  'SUBSCRIPTION_OFFER_CODE_REDEMPTION',
  'INSTALLS',
  'FIRST_ANNUAL',
  'WIN_BACK_ELIGIBILITY',
] as const;
export const FINANCE_TYPES = ['FINANCIAL', 'FINANCE_DETAIL'] as const;
export const REPORT_TYPES = [...SALES_TYPES, ...FINANCE_TYPES] as const;
export const SUBTYPES = [
  'SUMMARY',
  'DETAILED',
  'SUMMARY_INSTALL_TYPE',
  'SUMMARY_TERRITORY',
  'SUMMARY_CHANNEL',
] as const;
export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

export type ReportType = (typeof REPORT_TYPES)[number];
export type SalesType = (typeof SALES_TYPES)[number];
export type FinanceType = (typeof FINANCE_TYPES)[number];
export type SubType = (typeof SUBTYPES)[number];
export type Frequency = (typeof FREQUENCIES)[number];

interface Row {
  type: SalesType;
  subtype: SubType;
  frequencies: readonly Frequency[];
  /** Oldest first. */
  versions: readonly string[];
}

const MATRIX: readonly Row[] = [
  { type: 'SALES', subtype: 'SUMMARY', frequencies: ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'], versions: ['1_0'] },
  { type: 'PRE_ORDER', subtype: 'SUMMARY', frequencies: ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'], versions: ['1_0'] },
  { type: 'NEWSSTAND', subtype: 'DETAILED', frequencies: ['DAILY', 'WEEKLY'], versions: ['1_0'] },
  { type: 'SUBSCRIPTION', subtype: 'SUMMARY', frequencies: ['DAILY'], versions: ['1_3'] },
  { type: 'SUBSCRIPTION_EVENT', subtype: 'SUMMARY', frequencies: ['DAILY'], versions: ['1_3'] },
  { type: 'SUBSCRIBER', subtype: 'DETAILED', frequencies: ['DAILY'], versions: ['1_3'] },
  { type: 'SUBSCRIPTION_OFFER_CODE_REDEMPTION', subtype: 'SUMMARY', frequencies: ['DAILY'], versions: ['1_0'] },
  { type: 'INSTALLS', subtype: 'SUMMARY', frequencies: ['MONTHLY'], versions: ['1_2'] },
  { type: 'INSTALLS', subtype: 'DETAILED', frequencies: ['MONTHLY'], versions: ['1_2'] },
  { type: 'INSTALLS', subtype: 'DETAILED', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { type: 'INSTALLS', subtype: 'SUMMARY_INSTALL_TYPE', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { type: 'INSTALLS', subtype: 'SUMMARY_TERRITORY', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { type: 'INSTALLS', subtype: 'SUMMARY_CHANNEL', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { type: 'FIRST_ANNUAL', subtype: 'DETAILED', frequencies: ['DAILY'], versions: ['1_0'] },
  { type: 'FIRST_ANNUAL', subtype: 'SUMMARY', frequencies: ['YEARLY'], versions: ['1_0'] },
  { type: 'WIN_BACK_ELIGIBILITY', subtype: 'SUMMARY', frequencies: ['DAILY'], versions: ['1_0'] },
];

export const isFinance = (type: ReportType): type is FinanceType => (FINANCE_TYPES as readonly string[]).includes(type);

const rowsOf = (type: ReportType): Row[] => MATRIX.filter((r) => r.type === type);

/** Subtypes Apple offers for a type. */
export function subtypesOf(type: ReportType): SubType[] {
  return [...new Set(rowsOf(type).map((r) => r.subtype))];
}

/** Frequencies Apple offers for a type and subtype. */
export function frequenciesOf(type: ReportType, subtype: SubType): Frequency[] {
  return [
    ...new Set(
      rowsOf(type)
        .filter((r) => r.subtype === subtype)
        .flatMap((r) => r.frequencies),
    ),
  ];
}

/** The newest version this action knows for the combination (undefined: no such report). */
export function newestKnownVersion(type: ReportType, subtype: SubType, frequency: Frequency): string | undefined {
  return rowsOf(type)
    .find((r) => r.subtype === subtype && r.frequencies.includes(frequency))
    ?.versions.at(-1);
}

/** Every combination, one line each, for messages: "INSTALLS DETAILED: MONTHLY, YEARLY". */
export function combinationsOf(type: ReportType): string {
  return subtypesOf(type)
    .map((s) => `${s} (${frequenciesOf(type, s).join(', ')})`)
    .join('; ');
}
