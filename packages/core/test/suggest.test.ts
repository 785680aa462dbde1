import { acceptedValues, didYouMean, editDistance, nearest } from '../src/suggest.js';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['auto', 'auto', 0],
    ['atuo', 'auto', 2],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['é', 'e', 1],
    ['😀a', '😀b', 1],
  ])('%p ↔ %p = %p', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('nearest / didYouMean', () => {
  const fields = ['name', 'subtitle', 'description', 'keywords', 'release_notes'];
  test.each([
    ['descripton', 'description'],
    ['relase_notes', 'release_notes'],
    ['Release-Notes', 'release_notes'],
    ['keywrods', 'keywords'],
    ['nmae', 'name'],
  ])('%p → %p', (typo, meant) => {
    expect(nearest(typo, fields)).toBe(meant);
    expect(didYouMean(typo, fields)).toBe(` Did you mean ${meant}?`);
  });

  test('nothing close: no guess and an empty hint', () => {
    expect(nearest('screenshots', fields)).toBeUndefined();
    expect(didYouMean('screenshots', fields)).toBe('');
  });

  test('ties go to the first candidate; an exact name is not suggested to itself', () => {
    expect(nearest('ab', ['ac', 'ad'])).toBe('ac');
    expect(nearest('name', ['name'])).toBeUndefined();
  });

  test('a very long value is not compared at all', () => {
    expect(nearest('a'.repeat(10_000), ['a'.repeat(10)])).toBeUndefined();
  });
});

describe('acceptedValues', () => {
  test('lists every value in order, the default marked', () => {
    expect(acceptedValues(['true', 'false', 'auto'], 'auto')).toBe('true, false, auto (default)');
    expect(acceptedValues(['IOS', 'MAC_OS'])).toBe('IOS, MAC_OS');
  });

  test('a long list is cut with a count', () => {
    expect(acceptedValues(['a', 'b', 'c', 'd'], 'a', 2)).toBe('a (default), b and 2 more');
  });
});
