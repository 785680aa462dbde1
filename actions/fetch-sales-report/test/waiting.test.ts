/** Reports that are not out yet: a state, and with `wait-until-available` a poll on the (virtual) clock. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { salesHarness, VENDOR, type Harness } from './fixtures.js';

// 07:00 Pacific on 26 November: the 25th's daily report comes out at 08:00.
const SEVEN_AM = Date.parse('2026-11-26T15:00:00Z');

let h: Harness;
beforeEach(async () => {
  h = await salesHarness({ reportVendors: [{ vendorNumber: VENDOR, rows: 4 }] }, SEVEN_AM);
});
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

test('not published yet: status not-available-yet, a notice, success, no file; the default date is the 24th', async () => {
  const r = await h.run({ 'report-date': '2026-11-25', 'output-path': join(h.workspace, 'x.tsv') });
  expect(r.exitCode).toBe(0);
  expect(r.outputs).toMatchObject({ status: 'not-available-yet', rows: '0', 'report-path': '' });
  expect(r.stdout).toMatch(/::notice[^:]*::SALES SUMMARY DAILY report for 2026-11-25: not published yet/);
  expect(existsSync(join(h.workspace, 'x.tsv'))).toBe(false);
  const byDefault = await h.run({ 'output-path': join(h.workspace, 'y.tsv') });
  expect(byDefault.outputs.status).toBe('available');
  expect(h.emulator.requests.at(-1)!.query).toContain('filter[reportDate]=2026-11-24');
});

test('wait-until-available asks every 10 minutes until the report is out', async () => {
  const r = await h.run({
    'report-date': '2026-11-25',
    'wait-until-available': '2h',
    'output-path': join(h.workspace, 'x.tsv'),
  });
  expect(r.errors).toEqual([]);
  expect(r.outputs.status).toBe('available');
  expect(h.emulator.requests.map((q) => q.status)).toEqual([404, 404, 404, 404, 404, 404, 200]);
  expect(h.clock.sleeps.filter((ms) => ms === 600_000)).toHaveLength(6);
  expect(h.emulator.requests.every((q) => q.authorized)).toBe(true); // tokens were re-signed as virtual time passed
});

test('wait-until-available gives up at its deadline and reports the state', async () => {
  const r = await h.run({
    'report-date': '2026-11-25',
    'wait-until-available': '30m',
    'output-path': join(h.workspace, 'x.tsv'),
  });
  expect(r.exitCode).toBe(0);
  expect(r.outputs.status).toBe('not-available-yet');
  expect(h.emulator.requests.map((q) => q.status)).toEqual([404, 404, 404, 404]);
  expect(h.clock.now() - SEVEN_AM).toBe(30 * 60_000);
});
