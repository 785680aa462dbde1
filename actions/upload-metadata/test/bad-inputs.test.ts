/**
 * Every bad input: one clear message naming the input or the file (and line), and zero writes.
 */
import { demoSeed } from '@asc-actions/asc-emulator';
import { harness, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness(demoSeed(Date.parse('2026-11-26T12:00:00Z')));
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.writes()).toEqual([]);
  // Refused requests are fine; requests outside Apple's contract are not.
  expect(h.emulator.violations).toEqual([]);
});

interface Case {
  name: string;
  files?: Record<string, string>;
  /** Inputs; `$dir` is replaced by the folder the files were written to. */
  inputs: Record<string, string>;
  message: RegExp;
  /** The annotation's file (end of the path) and line, when the problem is in a file. */
  at?: { file: string; line: number };
}

const long = (n: number, unit = 'x') => unit.repeat(n);
const folder = (files: Record<string, string>) => ({ files, inputs: { 'metadata-path': '$dir' } });

const CASES: Case[] = [
  {
    name: 'name over 30 code points (app info)',
    ...folder({ 'en-US/name.txt': long(31, '🎉') }),
    message: /the name \(en-US\) is 31 characters; App Store Connect allows 30/,
    at: { file: 'en-US/name.txt', line: 1 },
  },
  {
    name: 'subtitle over 30',
    ...folder({ 'de-DE/subtitle.txt': long(31) }),
    message: /subtitle \(de-DE\) is 31 characters; .* allows 30/,
    at: { file: 'de-DE/subtitle.txt', line: 1 },
  },
  {
    name: 'keywords over 100 code points (version)',
    ...folder({ 'en-US/keywords.txt': long(101, 'k') }),
    message: /keywords \(en-US\) is 101 characters; .* allows 100/,
    at: { file: 'en-US/keywords.txt', line: 1 },
  },
  {
    name: 'promotional text over 170',
    ...folder({ 'en-US/promotional_text.txt': long(171) }),
    message: /promotional text \(en-US\) is 171 characters/,
    at: { file: 'en-US/promotional_text.txt', line: 1 },
  },
  {
    name: 'description over 4000: the line where the limit is crossed',
    ...folder({ 'en-US/description.txt': `${long(1999)}\n${long(1999)}\n${long(100)}\n` }),
    message: /description \(en-US\) is 4100 characters; .* allows 4000/,
    at: { file: 'en-US/description.txt', line: 3 },
  },
  {
    name: "what's new over 4000",
    ...folder({ 'de-DE/release_notes.txt': long(4001) }),
    message: /what's new \(de-DE\) is 4001 characters/,
    at: { file: 'de-DE/release_notes.txt', line: 1 },
  },
  {
    name: 'bad support URL',
    ...folder({ 'en-US/support_url.txt': 'example.com/help' }),
    message: /support URL \(en-US\) "example\.com\/help" is not an http\(s\) URL/,
    at: { file: 'en-US/support_url.txt', line: 1 },
  },
  {
    name: 'bad privacy URL',
    ...folder({ 'en-US/privacy_url.txt': 'https://exa mple.com' }),
    message: /privacy policy URL \(en-US\)/,
    at: { file: 'en-US/privacy_url.txt', line: 1 },
  },
  {
    name: 'a folder that is not an App Store locale, with fail-on-warnings',
    files: { 'en-US/name.txt': 'Demo Notes', 'sr_Cyrl/name.txt': 'Демо' },
    inputs: { 'metadata-path': '$dir', 'fail-on-warnings': 'true' },
    message:
      /"fail-on-warnings" is true and the plan has warnings: .*sr_Cyrl.*"sr_Cyrl" is not an App Store locale.* Nothing was written\./,
  },
  {
    name: 'malformed JSON: the line',
    files: { 'm.json': '{\n  "copyright": "2026",\n  "locales": {,\n}\n' },
    inputs: { 'metadata-file': '$dir/m.json' },
    message: /m\.json:3: not valid JSON/,
    at: { file: 'm.json', line: 3 },
  },
  {
    name: 'malformed YAML: the line',
    files: { 'm.yml': 'copyright: 2026\nlocales:\n  en-US:\n    name: [Demo\n' },
    inputs: { 'metadata-file': '$dir/m.yml' },
    message: /m\.yml:\d: not valid YAML/,
  },
  {
    name: 'an empty folder',
    files: { 'sub/.gitkeep': '' },
    inputs: { 'metadata-path': '$dir/sub' },
    message: /Input "metadata-path": .* holds no metadata/,
  },
  {
    name: 'both metadata-path and metadata-file',
    inputs: { 'metadata-path': 'a', 'metadata-file': 'b.yml' },
    message: /"metadata-path" and "metadata-file" are both set/,
  },
  {
    name: 'neither metadata-path nor metadata-file',
    inputs: {},
    message: /Input "metadata-path" or "metadata-file" is required/,
  },
  {
    name: 'an unknown field file (a warning, as deliver ignores it), with a suggestion, and fail-on-warnings',
    files: { 'en-US/relase_notes.txt': 'Hi' },
    inputs: { 'metadata-path': '$dir', 'fail-on-warnings': 'true' },
    message:
      /"fail-on-warnings" is true and the plan has warnings: .*"relase_notes\.txt" is not a field upload-metadata knows; it was ignored\. Did you mean release_notes\.txt\?/,
  },
  {
    name: 'an unknown key in a YAML file: the line',
    files: { 'm.yml': 'locales:\n  en-US:\n    name: Demo Notes\n    descripton: Hello\n' },
    inputs: { 'metadata-file': '$dir/m.yml' },
    message: /m\.yml:4: "descripton" \(locale en-US\) is not a field .* Did you mean description\?/,
    at: { file: 'm.yml', line: 4 },
  },
  {
    name: 'a version that is not editable',
    ...folder({ 'en-US/description.txt': 'x' }),
    inputs: { 'metadata-path': '$dir', version: '1.4' },
    message:
      /Input "version": IOS version 1\.4 is READY_FOR_DISTRIBUTION, which App Store Connect does not let you edit/,
  },
  {
    name: 'an app the key cannot see',
    ...folder({ 'en-US/description.txt': 'x' }),
    inputs: { 'metadata-path': '$dir', app: 'com.example.missing' },
    message: /Input "app": no app with bundle id "com\.example\.missing" is visible/,
  },
  {
    name: 'a new locale without a name',
    ...folder({ 'ja/description.txt': 'こんにちは' }),
    message: /ja is a new locale on App Store Connect and needs a name: add .*ja\/name\.txt/,
  },
  {
    name: 'an unknown category',
    ...folder({ 'primary_category.txt': 'PRODUCTIVTY' }),
    message: /"PRODUCTIVTY" is not an App Store category/,
    at: { file: 'primary_category.txt', line: 1 },
  },
  {
    name: 'a subcategory under the wrong category',
    ...folder({ 'primary_first_sub_category.txt': 'GAMES_PUZZLE' }),
    message: /"GAMES_PUZZLE" is not a subcategory of PRODUCTIVITY/,
    at: { file: 'primary_first_sub_category.txt', line: 1 },
  },
  {
    name: 'clearing the name',
    ...folder({ 'en-US/name.txt': '<clear>' }),
    message: /the name cannot be cleared/,
    at: { file: 'en-US/name.txt', line: 1 },
  },
  {
    name: 'a subcategory set while its category is cleared',
    ...folder({ 'secondary_category.txt': '<clear>', 'secondary_first_sub_category.txt': 'GAMES_PUZZLE' }),
    message:
      /secondary_first_sub_category\.txt: the secondary subcategory 1 cannot be set while .*secondary_category\.txt clears the secondary category/,
    at: { file: 'secondary_first_sub_category.txt', line: 1 },
  },
  {
    name: 'a review email that is not an address (not quoted)',
    ...folder({ 'review_information/email_address.txt': 'review at example' }),
    message: /App Review contact email is not an email address/,
  },
  {
    name: 'a version input that is not a version',
    ...folder({ 'en-US/name.txt': 'x' }),
    inputs: { 'metadata-path': '$dir', version: 'v1.5' },
    message: /Input "version" must be a version number such as 1\.4/,
  },
  {
    name: 'an unknown platform',
    ...folder({ 'en-US/name.txt': 'x' }),
    inputs: { 'metadata-path': '$dir', platform: 'ANDROID' },
    message: /Input "platform" must be one of IOS \(default\), MAC_OS, TV_OS, VISION_OS/,
  },
  {
    name: 'an unknown locale in the locales filter',
    ...folder({ 'en-US/name.txt': 'x' }),
    inputs: { 'metadata-path': '$dir', locales: 'en-US, pt_BR' },
    message: /Input "locales": "pt_BR" is not an App Store locale \(did you mean pt-BR\?\)/,
  },
  {
    name: 'a metadata path that does not exist',
    inputs: { 'metadata-path': '/nonexistent/metadata' },
    message: /Input "metadata-path": \/nonexistent\/metadata does not exist/,
  },
  {
    name: 'edit-live together with create-version',
    ...folder({ 'en-US/name.txt': 'x' }),
    inputs: { 'metadata-path': '$dir', 'edit-live': 'true', 'create-version': 'true', version: '2.0' },
    message: /"edit-live" and "create-version" cannot both be true/,
  },
  {
    name: 'an age rating file with an unknown key: the key and line',
    files: {
      'en-US/name.txt': 'Demo Notes',
      'rating.json': '{\n  "violenceCartoonOrFantasy": "NONE",\n  "violenceCartonOrFantasy": "NONE"\n}\n',
    },
    inputs: { 'metadata-path': '$dir', 'age-rating-file': '$dir/rating.json' },
    message:
      /rating\.json:3: "violenceCartonOrFantasy" is not an age rating question\. Did you mean violenceCartoonOrFantasy\?/,
    at: { file: 'rating.json', line: 3 },
  },
  {
    name: "an age rating answer outside the spec's enum",
    files: { 'en-US/name.txt': 'Demo Notes', 'rating.json': '{ "gunsOrOtherWeapons": "SOMETIMES" }' },
    inputs: { 'metadata-path': '$dir', 'age-rating-file': '$dir/rating.json' },
    message:
      /rating\.json:1: age rating "gunsOrOtherWeapons" must be one of NONE, INFREQUENT_OR_MILD, FREQUENT_OR_INTENSE, INFREQUENT, FREQUENT; got "SOMETIMES"/,
    at: { file: 'rating.json', line: 1 },
  },
  {
    name: 'an age rating yes/no question answered with a string',
    files: {
      'm.yml':
        'locales:\n  en-US:\n    name: Demo Notes\nage_rating:\n  violenceRealistic: NONE\n  messagingAndChat: "no"\n',
    },
    inputs: { 'metadata-file': '$dir/m.yml' },
    message: /m\.yml:6: age rating "messagingAndChat" must be true or false; got "no"/,
    at: { file: 'm.yml', line: 6 },
  },
  {
    name: 'a list where text belongs',
    files: { 'm.yml': 'copyright: [2026]\n' },
    inputs: { 'metadata-file': '$dir/m.yml' },
    message: /m\.yml:1: copyright must be text/,
  },
];

test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const dir = c.files ? tree(c.files) : '';
  const inputs = Object.fromEntries(
    Object.entries({ app: 'com.example.demo', ...c.inputs }).map(([k, v]) => [k, v.replace('$dir', dir)]),
  );
  const result = await h.run(inputs);
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(c.message);
  if (c.at) {
    const line = result.stdout.split('\n').find((l) => l.startsWith('::error'))!;
    expect(line).toMatch(new RegExp(`^::error file=[^,]*${c.at.file.replace(/\./g, '\\.')},line=${c.at.line}::`));
  }
});

test('several problems: every one annotated, one failure line counting the rest, zero writes', async () => {
  const dir = tree({ 'en-US/name.txt': long(40), 'en-US/support_url.txt': 'nope', 'de-DE/subtitle.txt': long(31) });
  const result = await h.run({ app: 'com.example.demo', 'metadata-path': dir });
  expect(result.exitCode).toBe(1);
  const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(3);
  expect(errors.at(-1)).toMatch(/\(and 2 more problems above\) Nothing was written\./);
  expect(result.summary).toContain('Errors (3)');
});

test('a folder that is not an App Store locale is reported and skipped; the rest is applied', async () => {
  const dir = tree({ 'en/name.txt': 'Demo', 'pseudo-LOCALE/name.txt': 'x', 'en-US/promotional_text.txt': 'Hello' });
  const result = await h.run({ app: 'com.example.demo', 'metadata-path': dir, 'dry-run': 'true' });
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(
    /::warning file=[^:]*\/en::.*"en" is not an App Store locale; the folder was skipped\. Did you mean en-US\?/,
  );
  expect(result.stdout).toMatch(/::warning file=[^:]*\/pseudo-LOCALE::/);
  expect(result.outputs.changes).toBe('1');
});
