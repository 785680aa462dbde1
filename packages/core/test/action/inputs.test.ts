import { InputError } from '../../src/errors.js';
import {
  boolean,
  booleanOr,
  duration,
  enumeration,
  integer,
  list,
  multiline,
  optional,
  required,
} from '../../src/action/inputs.js';
import { asRunner, inputEnvName } from '../../../../test-support/runner.js';

/** Runs `read` with one input set the way the runner sets it; returns the value or the InputError. */
async function withInput<T>(
  name: string,
  value: string | undefined,
  read: () => T,
): Promise<{ value?: T; error?: InputError }> {
  const result = await asRunner(value === undefined ? {} : { [name]: value }, {}, read);
  if (result.error !== undefined && !(result.error instanceof InputError)) throw result.error;
  return { value: result.value, error: result.error };
}

test('input env names follow the runner: upper-case, spaces to underscores, dashes kept', () => {
  expect(inputEnvName('key-id')).toBe('INPUT_KEY-ID');
  expect(inputEnvName('what to test')).toBe('INPUT_WHAT_TO_TEST');
});

describe('required / optional', () => {
  test('required returns the trimmed value', async () => {
    expect((await withInput('app-id', '  123  ', () => required('app-id'))).value).toBe('123');
  });

  test.each([undefined, '', '   '])('required refuses %p naming the input', async (value) => {
    const { error } = await withInput('app-id', value, () => required('app-id'));
    expect(error?.input).toBe('app-id');
    expect(error?.message).toBe('Input "app-id" is required and was empty.');
  });

  test('optional is undefined when empty', async () => {
    expect((await withInput('group', ' ', () => optional('group'))).value).toBeUndefined();
    expect((await withInput('group', 'QA', () => optional('group'))).value).toBe('QA');
  });
});

describe('boolean', () => {
  test.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['1', true],
    ['on', true],
    ['false', false],
    ['False', false],
    ['NO', false],
    ['0', false],
    ['off', false],
  ])('%s → %s', async (value, expected) => {
    expect((await withInput('dry-run', value, () => boolean('dry-run', !expected))).value).toBe(expected);
  });

  test('empty gives the default', async () => {
    expect((await withInput('dry-run', undefined, () => boolean('dry-run', true))).value).toBe(true);
  });

  test('anything else names the input and the accepted values', async () => {
    const { error } = await withInput('dry-run', 'maybe', () => boolean('dry-run', false));
    expect(error?.input).toBe('dry-run');
    expect(error?.message).toBe(
      'Input "dry-run" must be true or false (default false; also accepted: yes/no, 1/0, on/off); got "maybe".',
    );
  });
});

describe('enumeration', () => {
  const platforms = ['IOS', 'MAC_OS', 'TV_OS'] as const;

  test('matches case-insensitively and returns the canonical spelling', async () => {
    expect((await withInput('platform', 'mac_os', () => enumeration('platform', platforms, 'IOS'))).value).toBe(
      'MAC_OS',
    );
    expect((await withInput('platform', '', () => enumeration('platform', platforms, 'IOS'))).value).toBe('IOS');
  });

  test('refuses others, listing the allowed values', async () => {
    const { error } = await withInput('platform', 'android', () => enumeration('platform', platforms, 'IOS'));
    expect(error?.input).toBe('platform');
    expect(error?.message).toBe('Input "platform" must be one of IOS (default), MAC_OS, TV_OS; got "android".');
  });

  test('a near miss gets "did you mean"', async () => {
    const { error } = await withInput('platform', 'macos', () => enumeration('platform', platforms, 'IOS'));
    expect(error?.message).toBe(
      'Input "platform" must be one of IOS (default), MAC_OS, TV_OS; got "macos". Did you mean MAC_OS?',
    );
  });
});

describe('booleanOr', () => {
  test.each([
    ['auto', 'auto'],
    ['AUTO', 'auto'],
    ['yes', true],
    ['false', false],
    ['', 'auto'],
  ])('%p → %p', async (value, expected) => {
    expect((await withInput('submit', value, () => booleanOr('submit', ['auto'], 'auto'))).value).toBe(expected);
  });

  test('a typo lists every accepted value, the default included, and suggests the near one', async () => {
    const { error } = await withInput('submit', 'atuo', () => booleanOr('submit', ['auto'], 'auto'));
    expect(error?.input).toBe('submit');
    expect(error?.message).toBe(
      'Input "submit" must be one of true, false, auto (default) (also accepted for true/false: yes/no, 1/0, on/off); got "atuo". Did you mean auto?',
    );
  });
});

describe('list and multiline', () => {
  test('list splits on newlines and commas, trims, drops empties', async () => {
    expect((await withInput('groups', 'QA, Beta\n  External ,,\n\n', () => list('groups'))).value).toEqual([
      'QA',
      'Beta',
      'External',
    ]);
    expect((await withInput('groups', undefined, () => list('groups'))).value).toEqual([]);
  });

  test('multiline keeps inner lines and indentation, normalizes CRLF', async () => {
    const text = '\r\nWhat to test:\r\n  - login\r\n\r\n  - payments\r\n\r\n';
    expect((await withInput('what to test', text, () => multiline('what to test'))).value).toBe(
      'What to test:\n  - login\n\n  - payments',
    );
  });
});

describe('integer', () => {
  test.each([
    ['', 5],
    ['12', 12],
    ['+3', 3],
    ['0', 0],
  ])('%p → %p', async (value, expected) => {
    expect((await withInput('max-items', value, () => integer('max-items', 5, { min: 0, max: 100 }))).value).toBe(
      expected,
    );
  });

  test.each([
    ['101', 'Input "max-items" must be a whole number from 0 to 100; got "101".'],
    ['-1', 'Input "max-items" must be a whole number from 0 to 100; got "-1".'],
    ['1.5', 'Input "max-items" must be a whole number from 0 to 100; got "1.5".'],
    ['ten', 'Input "max-items" must be a whole number from 0 to 100; got "ten".'],
  ])('refuses %p', async (value, message) => {
    const { error } = await withInput('max-items', value, () => integer('max-items', 5, { min: 0, max: 100 }));
    expect(error?.input).toBe('max-items');
    expect(error?.message).toBe(message);
  });

  test('one-sided bounds are described', async () => {
    expect((await withInput('n', '0', () => integer('n', 1, { min: 1 }))).error?.message).toMatch(/whole number ≥ 1/);
    expect((await withInput('n', '9', () => integer('n', 1, { max: 5 }))).error?.message).toMatch(/whole number ≤ 5/);
  });
});

describe('duration (milliseconds)', () => {
  test.each([
    ['', 60_000],
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['300', 300_000],
    ['500ms', 500],
    ['2M', 120_000],
    ['1h 5s', 3_605_000],
    ['1d', 86_400_000],
  ])('%p → %p ms', async (value, expected) => {
    expect((await withInput('timeout', value, () => duration('timeout', 60_000))).value).toBe(expected);
  });

  test.each(['soon', '1w', '-5s', '1.5h', 'h'])('refuses %p naming the input', async (value) => {
    const { error } = await withInput('timeout', value, () => duration('timeout', 60_000));
    expect(error?.input).toBe('timeout');
    expect(error?.message).toMatch(
      /^Input "timeout" must be a duration such as 90s, 45m, 1h, 1h30m, 7d or a number of seconds; got /,
    );
  });
});
