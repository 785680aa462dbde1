import {
  compareVersions,
  isBuildNumber,
  isMarketingVersion,
  sameVersion,
  versionKey,
} from '../../src/domain/versions.js';

test.each([
  ['1.4', '1.4.0', true],
  ['1.2', '1.02', true],
  ['042', '42', true],
  ['1.2.0.0', '1.2', true],
  ['1.2', '1.20', false],
  ['1.2.1', '1.2', false],
  ['10', '1', false],
  // A fourth integer is never cut off: Apple refuses it in a marketing version, and in a build
  // number it tells two builds apart.
  ['1.2.3.4', '1.2.3', false],
])('sameVersion(%s, %s) is %s', (a, b, expected) => {
  expect(sameVersion(a, b)).toBe(expected);
  expect(sameVersion(b, a)).toBe(expected);
});

test('versionKey keeps a lone 0 and trims', () => {
  expect(versionKey('0')).toBe('0');
  expect(versionKey('0.0')).toBe('0');
  expect(versionKey(' 1.04.0 ')).toBe('1.4');
});

test.each([
  ['2', true],
  ['1.4', true],
  ['1.4.2', true],
  ['1.2.3.4', false],
  ['1.4-beta', false],
  ['', false],
  ['v1.4', false],
  ['1..4', false],
])('isMarketingVersion(%p) is %p', (text, expected) => {
  expect(isMarketingVersion(text)).toBe(expected);
});

test('a build number may have more integers, but only integers', () => {
  expect(isBuildNumber('202611251200')).toBe(true);
  expect(isBuildNumber('2.0.1.10')).toBe(true);
  expect(isBuildNumber('3.4.2b6')).toBe(false);
});

test('compareVersions orders numerically, missing integers as zeros', () => {
  expect(['1.10', '1.9', '1.4.0', '2', '1.4.1'].sort(compareVersions)).toEqual(['1.4.0', '1.4.1', '1.9', '1.10', '2']);
  expect(compareVersions('1.4', '1.4.0')).toBe(0);
  expect(compareVersions('1.2.3.4', '1.2.3')).toBe(1);
});
