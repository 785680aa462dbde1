/**
 * Rows of the reports the funnel does not drive directly: App Store Purchases, App Clip Usage, and
 * the `typed` reports (Framework Usage pages read, App Install Performance, AirPlay), whose
 * columns the catalog describes field by field (catalog.ts `Field`). Numbers follow the same
 * hidden funnel (rows.ts), so a bigger day is bigger everywhere.
 *
 * Values the pages document (glossaries): Purchase Type "App purchase", "In-app purchases"; App
 * Clip Event Type "Views", "Installations", "Sessions", "Crashes" (the glossary's "Event Type");
 * App Clip Source Type "App Clip code", "QR code", "NFC tags", "Web referrer", "Maps"; every list
 * field in the catalog. Values no page documents are the emulator's: Payment Method, the
 * in-app purchase's name and identifier, `text` fields (Release Type, Install Status, Build Type,
 * paths, hashes). Booleans are spelled "True"/"False", as the Call Services and Call Performance
 * page writes them ("A value of ‘True’ if call terminated; ‘False’ otherwise"); no page shows a file.
 * Framework Usage pages with the eight common fields (Release Type among them): "Individual rows
 * will only appear if they have a value of 5 or more": rows with fewer than 5 unique devices are
 * left out.
 */
import type { CatalogReport } from './catalog.js';
import type { Field } from './field.js';
import type { Cells, Funnel } from './row-types.js';
import { hash, unit } from './stable-random.js';

export interface RowContext {
  appId: string;
  appName: string;
  date: string;
  /** Index of the row's source type in rows.ts SOURCE_TYPES. */
  source: number;
}

const money = (n: number): string => n.toFixed(2);

export function purchaseRows(f: Funnel, key: string, ctx: RowContext): Cells[] {
  const iap = String(6_000_000_000 + (hash(`${ctx.appId}|iap`) % 999_999_999));
  const kinds = [
    { type: 'App purchase', name: ctx.appName, id: ctx.appId, n: Math.round(f.firstTime * 0.04), price: 2.99 },
    {
      type: 'In-app purchases',
      name: 'Pro Upgrade',
      id: iap,
      n: Math.round(f.firstTime * 0.1 + f.redownloads * 0.05),
      price: 4.99,
    },
  ];
  return kinds
    .filter((k) => k.n > 0)
    .map((k) => ({
      'Purchase Type': k.type,
      'Content Name': k.name,
      'Content Apple Identifier': k.id,
      'Payment Method': unit(`${key}|pay|${k.type}`) < 0.7 ? 'Credit card' : 'Apple Pay',
      'Page Type': 'Product page',
      'App Download Date': ctx.date,
      Purchases: k.n,
      'Proceeds in USD': money(k.n * k.price * 0.7),
      'Sales in USD': money(k.n * k.price),
      'Paying Users': Math.max(1, Math.round(k.n * 0.9)),
    }));
}

const CLIP_SOURCES = ['App Clip code', 'QR code', 'NFC tags', 'Web referrer', 'Maps'];

export function appClipRows(f: Funnel, key: string, ctx: RowContext): Cells[] {
  const views = Math.round(f.pageViews * 0.5);
  const installs = Math.round(views * (0.3 + unit(`${key}|clip-i`) * 0.3));
  const sessions = Math.round(installs * 1.4);
  const crashes = Math.round(sessions * 0.01);
  const perSession = Math.round(20 + unit(`${key}|clip-t`) * 100);
  const source = CLIP_SOURCES[ctx.source % CLIP_SOURCES.length]!;
  return [
    { event: 'Views', n: views, devices: Math.round(views * 0.8), duration: 0 },
    { event: 'Installations', n: installs, devices: installs, duration: 0 },
    { event: 'Sessions', n: sessions, devices: Math.round(installs * 0.9), duration: sessions * perSession },
    { event: 'Crashes', n: crashes, devices: crashes, duration: 0 },
  ]
    .filter((r) => r.n > 0)
    .map((r) => ({
      'App Clip Event Type': r.event,
      'Source Type': source,
      'Source Info': '',
      Counts: r.n,
      'Total Session Duration': r.duration,
      'Unique Devices': r.devices,
    }));
}

/** The emulator's values for `text` fields some reports share; other text fields get a hex token. */
const STAND_INS: Record<string, string> = {
  'Release Type': 'Public',
  Architecture: 'arm64',
  'Install Status': 'Succeeded',
  'Install Package Type': 'App',
  'Build Type': 'Release',
  'Bundle Version': '3.2',
  'Software Development Kit': '26.1',
};

/** At most this many values of a report's first list field make rows of their own. */
const ROWS_PER_KEY = 6;

function cell(field: Field, column: string, k: string, users: number, count: number): string | number {
  const u = unit(`${k}|${column}`);
  if (typeof field !== 'string') return field[Math.floor(u * field.length)]!;
  switch (field) {
    case 'count':
      if (column === 'Unique Devices') return users;
      return column === 'Count' || column === 'Counts' ? count : Math.max(1, Math.round(count * (0.5 + u * 1.5)));
    case 'bytes':
      return Math.round(20e6 + u * 480e6);
    case 'seconds':
      return Math.round(30 + u * 3570);
    case 'millis':
      return Math.round(1500 + u * 28_500);
    case 'measure':
      return (/percentage|rate/i.test(column) ? 0.1 + u * 20 : 100 + u * 2900).toFixed(2);
    case 'boolean':
      return u < 0.5 ? 'True' : 'False';
    case 'code':
      return Math.floor(u * 4);
    default:
      return (
        STAND_INS[column] ??
        hash(`${column}|${Math.floor(u * 8)}`)
          .toString(16)
          .padStart(8, '0')
      );
  }
}

export function typedRows(report: CatalogReport, f: Funnel, key: string): Cells[] {
  const fields = report.fields ?? {};
  const by = Object.keys(fields).find((c) => Array.isArray(fields[c]));
  const values: readonly string[] = by ? (fields[by] as readonly string[]).slice(0, ROWS_PER_KEY) : [''];
  const total = (f.firstTime * 6 + f.redownloads * 3) * (0.05 + unit(`${key}|${report.name}`) * 0.45);
  const rows: Cells[] = [];
  for (const value of values) {
    const k = `${key}|${report.name}|${value}`;
    const users = Math.round(total * (0.2 + unit(`${k}|share`) * 0.8));
    if ('Release Type' in fields && 'Unique Devices' in fields && users < 5) continue;
    const count = Math.round(users * (1 + unit(`${k}|n`) * 3));
    const row: Cells = {};
    for (const [column, field] of Object.entries(fields)) row[column] = cell(field, column, k, users, count);
    if (by) row[by] = value;
    rows.push(row);
  }
  return rows;
}
