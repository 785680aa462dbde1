/**
 * Segments as Apple might send them: columns in another order and case, an unknown column, a
 * missing one; a checksum that does not match; a URL that is not https. And the newest instance
 * winning for a date, checked against the emulator's own bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { analyticsControl, stopForInactivity } from '@asc-actions/asc-emulator';
import { checkSegmentUrl } from '../src/apply/download-segment.js';
import { pickWinners } from '../src/plan/winners.js';
import { bindHeader, SegmentError } from '../src/read/segment-file.js';
import type { FetchedInstance } from '../src/model.js';
import { analyticsHarness, withRequest, type Harness } from './fixtures.js';

const instance = (id: string, processingDate: string, dates: string[]): FetchedInstance => ({
  id,
  processingDate,
  granularity: 'DAILY',
  segments: [{ id: `${id}-s1`, checksum: '', sizeInBytes: 0, file: 'x', columns: [], dates, rows: 1 }],
});

test('pickWinners: each Date from the newest instance that has it', () => {
  const winners = pickWinners([
    instance('a', '2026-11-21', ['2026-11-18', '2026-11-19', '2026-11-20']),
    instance('c', '2026-11-23', ['2026-11-20', '2026-11-21', '2026-11-22']),
    instance('b', '2026-11-22', ['2026-11-19', '2026-11-20', '2026-11-21']),
  ]);
  expect([...winners]).toEqual([
    ['2026-11-18', 'a'],
    ['2026-11-19', 'b'],
    ['2026-11-20', 'c'],
    ['2026-11-21', 'c'],
    ['2026-11-22', 'c'],
  ]);
});

test('headers are read by name, case-insensitively; no Date column, a duplicate or an empty name is refused', () => {
  const h = bindHeader('\uFEFFdate\tTERRITORY\tNew Column\tcounts', 'seg');
  expect([h.date, h.at('Territory'), h.at('Counts'), h.at('Event')]).toEqual([0, 1, 3, -1]);
  expect(() => bindHeader('Day\tCounts', 'seg')).toThrow(/no Date column/);
  expect(() => bindHeader('Date\tdate', 'seg')).toThrow(SegmentError);
  expect(() => bindHeader('Date\t\tCounts', 'seg')).toThrow(/not a tab-separated header/);
});

test('segment URLs: https only, plain http only to loopback, no credentials in the URL', () => {
  expect(checkSegmentUrl('https://storage.example.com/a.csv.gz?sig=1', 'seg').host).toBe('storage.example.com');
  expect(checkSegmentUrl('http://127.0.0.1:9/a', 'seg').hostname).toBe('127.0.0.1');
  expect(() => checkSegmentUrl('http://storage.example.com/a.csv.gz?sig=secret', 'seg')).toThrow(/must be https/);
  expect(() => checkSegmentUrl('http://storage.example.com/a.csv.gz?sig=secret', 'seg')).not.toThrow(/secret/);
  expect(() => checkSegmentUrl('https://u:p@storage.example.com/a', 'seg')).toThrow(/credentials/);
});

describe('against the emulator', () => {
  let h: Harness;
  beforeAll(async () => (h = await analyticsHarness(withRequest())));
  afterAll(() => h.close());
  afterEach(() => expect(h.emulator.violations).toEqual([]));

  /** The emulator's segment bytes of the engagement report's instance of a processing date. */
  const segmentOf = (processingDate: string): [string, Buffer] => {
    const entry = [...analyticsControl(h.emulator.state).segments].find(([id]) =>
      id.includes(`-r001-D${processingDate.replace(/-/g, '')}`),
    );
    return [entry![0], entry![1].bytes];
  };

  test("the newest instance wins: a date's rows are exactly those of the newest instance holding it", async () => {
    const r = await h.run({ report: 'App Store Discovery and Engagement Standard', 'output-path': 'winner.jsonl' });
    expect(r.errors).toEqual([]);
    const written = readFileSync(join(h.workspace, 'winner.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    // The 20th is in the instances of the 21st (90 %), 22nd (97 %) and 23rd (complete): the 23rd wins.
    const [, bytes] = segmentOf('2026-11-23');
    const apple = gunzipSync(bytes)
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l.startsWith('2026-11-20\t'))
      .map((l) => l.split('\t')[10]); // Counts
    expect(written.filter((w) => w.Date === '2026-11-20').map((w) => w.Counts)).toEqual(apple);
    const [, older] = segmentOf('2026-11-21');
    const olderCounts = gunzipSync(older)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.startsWith('2026-11-20\t'))
      .map((l) => l.split('\t')[10]); // Counts
    expect(olderCounts).not.toEqual(apple);
  });

  test('columns moved, renamed in case, added and missing: read by name, unknown kept, missing named', async () => {
    const control = analyticsControl(h.emulator.state);
    const [id, bytes] = segmentOf('2026-11-26');
    const lines = gunzipSync(bytes)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    // Apple's order reversed, names upper-cased, "Page Type" dropped, a new column added.
    const drop = lines[0]!.indexOf('Page Type');
    const reshaped = lines.map((cells, i) => [
      ...cells
        .filter((_, k) => k !== drop)
        .reverse()
        .map((c) => (i === 0 ? c.toUpperCase() : c)),
      i === 0 ? 'Campaign' : 'spring',
    ]);
    const body = gzipSync(Buffer.from(`${reshaped.map((c) => c.join('\t')).join('\n')}\n`));
    control.segments.set(id, {
      ...control.segments.get(id)!,
      bytes: body,
      checksum: createHash('md5').update(body).digest('hex'),
    });
    const r = await h.run({ report: 'App Store Discovery and Engagement Standard', 'output-path': 'moved.csv' });
    expect(r.errors).toEqual([]);
    const csv = readFileSync(join(h.workspace, 'moved.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'Date,App Name,App Apple Identifier,Event,Page Type,Source Type,Engagement Type,Device,Platform Version,Territory,Counts,Unique Counts,Campaign',
    );
    expect(csv.filter((l) => l.startsWith('2026-11-25,')).every((l) => l.endsWith(',spring'))).toBe(true);
    expect(JSON.parse(r.outputs.summary!).reports[0].missingColumns).toEqual(['Page Type']);
    expect(r.summary).toContain('columns missing for the summary: Page Type');
    control.segments.set(id, {
      ...control.segments.get(id)!,
      bytes,
      checksum: createHash('md5').update(bytes).digest('hex'),
    });
  });

  test("a segment whose bytes do not match Apple's checksum fails after three tries and writes nothing", async () => {
    const control = analyticsControl(h.emulator.state);
    const [id] = segmentOf('2026-11-24');
    const saved = control.segments.get(id)!;
    control.segments.set(id, { ...saved, checksum: '0'.repeat(32) });
    const before = control.downloads.length;
    const r = await h.run({ 'output-path': 'mismatch' });
    control.segments.set(id, saved);
    expect(r.exitCode).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /instance of 2026-11-24.*does not match Apple's checksum and size.*gave up after 3 attempts\. Nothing was written\./,
      ),
    ]);
    expect(r.errors[0]).not.toMatch(/signature=/);
    expect(control.downloads.slice(before).filter((d) => d.segmentId === id)).toHaveLength(3);
    expect(existsSync(join(h.workspace, 'mismatch')) ? readdirSync(join(h.workspace, 'mismatch')) : []).toEqual([]);
  });

  test('a request Apple stopped for inactivity is replaced by a new one, said plainly', async () => {
    const [request] = h.emulator.state.all('analyticsReportRequests');
    stopForInactivity(h.emulator.state, request!.id, h.clock.now());
    const r = await h.run({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs.state).toBe('requested');
    expect(r.stdout).toMatch(/stopped the previous ONGOING request for inactivity/);
    expect(r.summary).toContain('stoppedDueToInactivity');
    expect(
      h.emulator.state.all('analyticsReportRequests').filter((x) => x.attributes.stoppedDueToInactivity === false),
    ).toHaveLength(1);
  });

  test('snapshot: true finds or creates the ONE_TIME_SNAPSHOT request, once', async () => {
    const r = await h.run({ snapshot: 'true' });
    expect(r.outputs.state).toBe('requested');
    const again = await h.run({ snapshot: 'true' });
    expect(again.outputs.state).toBe('not-available-yet');
    expect(
      h.emulator.state.all('analyticsReportRequests').filter((x) => x.attributes.accessType === 'ONE_TIME_SNAPSHOT'),
    ).toHaveLength(1);
  });
});
