import { canonicalCategory } from '../src/model/categories.js';
import { APP_STORE_LOCALES, looksLikeLocale, suggestLocale, nearest } from '@asc-actions/core';
import { readMetadataFile } from '../src/read/source/metadata-file.js';
import { readFolder } from '../src/read/source/folder.js';
import { readFieldText } from '../src/read/source/text.js';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { tree } from '../../../test-support/action-harness.js';

// tree() makes its folders under the temp folder: files are read only inside the workspace.
beforeAll(() => void (process.env.GITHUB_WORKSPACE = realpathSync(tmpdir())));
afterAll(() => void delete process.env.GITHUB_WORKSPACE);

const ctx = (root: string) => ({ display: (p: string) => p.slice(root.length + 1) || '.', platform: 'IOS' });

describe('readFieldText: fastlane trims; what real trees hold is reported', () => {
  test.each([
    ['plain', 'Hello\n', 'Hello', []],
    ['no final newline', 'Hello', 'Hello', []],
    ['CRLF', 'Line one\r\nLine two\r\n', 'Line one\nLine two', ['crlf']],
    ['trailing spaces inside', 'Line one  \nLine two\n', 'Line one\nLine two', ['trailing-whitespace']],
    ['trailing space at the very end only', 'Hello   \n', 'Hello', []],
    ['byte-order mark', '\uFEFFHello', 'Hello', ['bom']],
    ['whitespace only', '\n  \n', undefined, ['blank-file']],
    ['empty', '', undefined, ['blank-file']],
    ['clear marker', ' <clear>\n', null, []],
    ['not NFC', 'Cafe\u0301', 'Cafe\u0301', ['non-nfc']],
  ] as const)('%s', (_name, raw, value, codes) => {
    const read = readFieldText(raw, 'en-US/description.txt');
    expect(read.value).toBe(value);
    expect(read.findings.map((f) => f.code)).toEqual(codes);
    expect(read.findings.every((f) => f.file === 'en-US/description.txt' && f.level === 'warning')).toBe(true);
  });

  test('the line of the first spaced line is reported', () => {
    expect(readFieldText('\n\nfirst\nsecond \nthird', 'x.txt').findings[0]).toMatchObject({
      code: 'trailing-whitespace',
      line: 4,
    });
  });
});

describe('locales', () => {
  test('the 50 App Store locales of 2026', () => {
    expect(APP_STORE_LOCALES).toHaveLength(50);
    expect(APP_STORE_LOCALES).toEqual(
      expect.arrayContaining([
        'bn-BD',
        'gu-IN',
        'kn-IN',
        'ml-IN',
        'mr-IN',
        'or-IN',
        'pa-IN',
        'sl-SI',
        'ta-IN',
        'te-IN',
        'ur-PK',
      ]),
    );
  });
  test.each([
    ['pt_BR', 'pt-BR'],
    ['en', 'en-US'],
    ['de', 'de-DE'],
    ['zh-hans', 'zh-Hans'],
    ['sr_Cyrl', undefined],
    ['es', 'es-ES'],
    ['xx', undefined],
  ])('%s → %s', (name, suggestion) => {
    expect(suggestLocale(name)).toBe(suggestion);
  });
  test('folders that look like locales', () => {
    expect(['en', 'sr_Cyrl', 'zh-Hans', 'pt_BR'].every(looksLikeLocale)).toBe(true);
    expect(['review_information', 'screenshots', 'default-old'].some(looksLikeLocale)).toBe(false);
  });
});

test.each([
  ['PRODUCTIVITY', false, { id: 'PRODUCTIVITY', legacy: false }],
  ['productivity', false, { id: 'PRODUCTIVITY', legacy: false }],
  ['MZGenre.Productivity', false, { id: 'PRODUCTIVITY', legacy: true }],
  ['MZGenre.Apps.Shopping', false, { id: 'SHOPPING', legacy: true }],
  ['MZGenre.Games.Puzzle', true, { id: 'GAMES_PUZZLE', legacy: true }],
  ['MZGenre.Arcade', true, { id: 'GAMES_CASUAL', legacy: true }],
  ['MZGenre.Nonsense', false, { id: undefined, legacy: true }],
  ['Photo & Video', false, { legacy: false }],
])('category %s', (value, sub, expected) => {
  expect(canonicalCategory(value, sub)).toEqual(expected);
});

test('did-you-mean finds near misses only', () => {
  expect(nearest('relase_notes.txt', ['release_notes.txt', 'name.txt'])).toBe('release_notes.txt');
  expect(nearest('screenshots.txt', ['release_notes.txt', 'name.txt'])).toBeUndefined();
});

describe('readFolder', () => {
  test('locales, default/, review information, root files; other things are reported', () => {
    const root = tree({
      'en-US/name.txt': 'Notes',
      'en-US/.DS_Store': 'x',
      'en-US/notes.md': 'x',
      'default/support_url.txt': 'https://example.com',
      'review_information/notes.txt': 'Use the demo account',
      'trade_representative_contact_information/city_name.txt': 'Seoul',
      'en/name.txt': 'Notes',
      'screenshots/en-US/1.png': 'x',
      'copyright.txt': '2026',
    });
    const source = readFolder(root, ctx(root));
    expect([...source.locales.keys()]).toEqual(['en-US']);
    expect(source.locales.get('en-US')!.name).toEqual({ value: 'Notes', file: 'en-US/name.txt', line: 1 });
    expect(source.defaults.support_url?.value).toBe('https://example.com');
    expect(source.review.notes?.value).toBe('Use the demo account');
    expect(source.global.copyright?.value).toBe('2026');
    expect(source.findings.map((f) => `${f.level} ${f.code} ${f.file}`)).toEqual([
      'warning unknown-locale en',
      'warning ignored-file en-US/notes.md',
      'warning ignored-folder screenshots',
      'warning unmanaged trade_representative_contact_information',
    ]);
  });

  test('metadata/ios is used for IOS, metadata/macos for MAC_OS', () => {
    const root = tree({ 'ios/en-US/name.txt': 'iOS name', 'macos/en-US/name.txt': 'Mac name' });
    expect(readFolder(root, ctx(root)).locales.get('en-US')!.name!.value).toBe('iOS name');
    expect(readFolder(root, { ...ctx(root), platform: 'MAC_OS' }).locales.get('en-US')!.name!.value).toBe('Mac name');
  });
});

describe('readMetadataFile', () => {
  test('YAML: fastlane and Apple field names, null clears, numbers become text, lines are kept', () => {
    const root = tree({
      'm.yml':
        'copyright: 2026\nprimaryCategory: GAMES\nreview:\n  notes: hi\nlocales:\n  en-US:\n    name: Notes\n    whatsNew: Fixes\n    subtitle: null\n  xx: { name: X }\n',
    });
    const source = readMetadataFile(`${root}/m.yml`, 'm.yml');
    expect(source.global).toEqual({
      copyright: { value: '2026', file: 'm.yml', line: 1 },
      primary_category: { value: 'GAMES', file: 'm.yml', line: 2 },
    });
    expect(source.review.notes).toEqual({ value: 'hi', file: 'm.yml', line: 4 });
    expect(source.locales.get('en-US')).toEqual({
      name: { value: 'Notes', file: 'm.yml', line: 7 },
      release_notes: { value: 'Fixes', file: 'm.yml', line: 8 },
      subtitle: { value: null, file: 'm.yml', line: 9 },
    });
    expect(source.findings).toEqual([expect.objectContaining({ level: 'warning', code: 'unknown-locale', line: 10 })]);
  });

  test('JSON errors carry the line; duplicate keys are refused', () => {
    const root = tree({
      'a.json': '{\n "locales": {\n  "en-US": { "name": "A" }\n }\n "copyright": "x"\n}',
      'b.yml': 'copyright: a\ncopyright: b\n',
    });
    expect(() => readMetadataFile(`${root}/a.json`, 'a.json')).toThrow(/a\.json:5: not valid JSON/);
    expect(() => readMetadataFile(`${root}/b.yml`, 'b.yml')).toThrow(/b\.yml:2: not valid YAML/);
  });
});
