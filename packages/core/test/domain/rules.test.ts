import {
  APP_STORE_LOCALES,
  isAppStoreLocale,
  isLocaleCode,
  looksLikeLocale,
  suggestLocale,
} from '../../src/domain/locales.js';
import { PLATFORMS, isPlatform, platformName } from '../../src/domain/platforms.js';
import { TERRITORIES, checkTerritories, languageOf } from '../../src/domain/territories.js';
import { formatDuration, parseDuration } from '../../src/domain/durations.js';

test('platforms: the four of the spec, with the names people read', () => {
  expect(PLATFORMS).toEqual(['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS']);
  expect(isPlatform('MAC_OS')).toBe(true);
  expect(isPlatform('WATCH_OS')).toBe(false);
  expect(isPlatform('toString')).toBe(false);
  expect(platformName('VISION_OS')).toBe('visionOS');
});

test('App Store locales: the 50 of 2026, and near misses suggested', () => {
  expect(APP_STORE_LOCALES).toHaveLength(50);
  expect(new Set(APP_STORE_LOCALES).size).toBe(50);
  expect(isAppStoreLocale('ur-PK')).toBe(true);
  expect(isAppStoreLocale('en')).toBe(false);
  expect(suggestLocale('pt_BR')).toBe('pt-BR');
  expect(suggestLocale('en')).toBe('en-US');
  expect(suggestLocale('de')).toBe('de-DE');
  expect(suggestLocale('xx')).toBeUndefined();
  expect(looksLikeLocale('sr-Latn')).toBe(true);
  expect(looksLikeLocale('screenshots')).toBe(false);
});

test.each([
  ['en-US', true],
  ['zh-Hans', true],
  ['es-419', true],
  ['de', true],
  ['en_US', false],
  ['EN-us', false],
])('isLocaleCode(%p) is %p', (code, expected) => {
  expect(isLocaleCode(code)).toBe(expected);
});

test('territories: ISO 3166 alpha-3 codes of the spec, each with a language', () => {
  expect(TERRITORIES.has('USA')).toBe(true);
  expect(TERRITORIES.size).toBeGreaterThan(170);
  expect(languageOf('DEU')).toBe('de');
  expect(languageOf('XXX')).toBeUndefined();
  expect(checkTerritories(['usa', ' gbr ', 'US', 'Narnia'])).toEqual({
    codes: ['USA', 'GBR'],
    unknown: ['US', 'Narnia'],
  });
});

test.each([
  ['90s', 90_000],
  ['45m', 2_700_000],
  ['1h30m', 5_400_000],
  ['500ms', 500],
  ['7d', 604_800_000],
  ['12H', 43_200_000],
  ['1h 5s', 3_605_000],
  ['300', 300_000],
])('parseDuration(%p) is %p ms', (text, ms) => {
  expect(parseDuration(text)).toBe(ms);
});

test.each(['', 'soon', '1w', '-5s', '1.5h', 'h', '99999999999999999999d'])(
  'parseDuration(%p) is not a duration',
  (text) => {
    expect(parseDuration(text)).toBeUndefined();
  },
);

test.each([
  [850, '850 ms'],
  [42_000, '42 s'],
  [185_000, '3 min 5 s'],
  [1_800_000, '30 min'],
  [3_600_000, '1 h'],
  [7_800_000, '2 h 10 min'],
])('formatDuration(%p) is %p', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
