/**
 * Bad inputs: each is one clear error naming the input or file (and line), and no write. Most
 * are refused before any request; the two that need the API (an unknown app, a reply that only
 * grows too long once a review's title is filled in) read but never write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ID, review, world, type World } from './fixtures.js';

let w: World;
beforeAll(async () => {
  w = await world([review('r1', 2, { title: 'x'.repeat(40) })]);
});
afterAll(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const OK = '- rating: 5\n  reply: "Thanks!"';
const LONG = 'y'.repeat(5950);

interface Case {
  inputs: Record<string, string>;
  files?: Record<string, string>;
  error: RegExp;
  /** The annotation's file and line, for errors in a rules file. */
  at?: string;
  /** Requests the action may make before refusing (reads only). */
  reads?: number;
}

const cases: Record<string, Case> = {
  'no rules at all': { inputs: {}, error: /Input "rules" \(YAML or JSON\) or "rules-file" .* is required/ },
  'both rules and rules-file': {
    inputs: { rules: OK, 'rules-file': 'r.yml' },
    error: /either "rules" or "rules-file", not both/,
  },
  'YAML that does not parse, with its line': {
    inputs: { 'rules-file': 'bad.yml' },
    files: { 'bad.yml': '- rating: 5\n  reply: "Thanks!"\n- rating: [1, 2\n  reply: nope\n' },
    error: /rules-file bad\.yml, line \d, column \d+: not valid YAML/,
    at: 'file=bad.yml,line=',
  },
  'JSON that does not parse, with its line': {
    inputs: { 'rules-file': 'rules.json' },
    files: { 'rules.json': '[\n  {"rating": 5,\n   "reply": "Hi",}\n]\n' },
    error: /rules-file rules\.json, line 3: not valid JSON/,
    at: 'file=rules.json,line=3',
  },
  'a key twice in one rule': {
    inputs: { rules: '- rating: 5\n  rating: 4\n  reply: "Hi"' },
    error: /Input "rules", line 2, column 3: not valid YAML: a key appears twice/,
  },
  'an unknown placeholder': {
    inputs: { 'rules-file': 'r.yml' },
    files: { 'r.yml': '- rating: 5\n  reply:\n    en: "Thanks {nick}!"\n' },
    error:
      /line 3: rule 1 \(en\): unknown placeholder "\{nick\}" \(known: \{nickname\}, \{rating\}, \{title\}, \{territory\}, \{app_name\}\)/,
    at: 'file=r.yml,line=3',
  },
  'an unclosed brace': {
    inputs: { rules: '- rating: 5\n  reply: "Thanks {nickname"' },
    error: /line 2: rule 1: a "\{" is not closed/,
  },
  'an empty template': {
    inputs: { rules: '- name: happy\n  rating: 5\n  reply: ""' },
    error: /Input "rules", line 3: rule "happy": the reply is empty/,
  },
  'a template over 5,970 characters': {
    inputs: { rules: `- rating: 5\n  reply: "${'z'.repeat(5971)}"` },
    error: /line 2: rule 1: the reply is 5971 characters long .* at most 5970/,
  },
  'a reply over 5,970 characters once the title is filled in': {
    inputs: { rules: `- rating: 5\n  reply: "${LONG} {title}"` },
    error:
      /the reply of rule 1 \(default\) to review r1 is 5991 characters once its placeholders are filled in; App Store Connect takes at most 5970\. Nothing was sent\./,
    reads: 2,
  },
  'a regular expression that does not compile': {
    inputs: { rules: '- rating: 1-2\n  regex: ["crash", "fr(eeze"]\n  reply: "Sorry"' },
    error:
      /line 2: rule 1: the regular expression "fr\(eeze" is not valid: missing closing \) \(RE2 syntax: no backreferences or lookarounds\)\.$/,
  },
  'a rating range that goes down': {
    inputs: { rules: '- rating: 5-1\n  reply: "Hi"' },
    error: /line 1: rule 1: the range "5-1" goes down; write "1-5"/,
  },
  'a rating out of 1..5': {
    inputs: { rules: '- rating: [0, 3]\n  reply: "Hi"' },
    error: /ratings go from 1 to 5 stars; "0" does not/,
  },
  'an unknown territory in a rule': {
    inputs: { rules: '- territories: [USA, UK]\n  reply: "Hi"' },
    error: /line 1: rule 1: unknown territory code "UK" \(App Store territory codes are ISO 3166 alpha-3/,
  },
  'an unknown language key': {
    inputs: { rules: '- rating: 5\n  reply:\n    en: "Hi"\n    english: "Hi"' },
    error: /line 4: rule 1: "english" is not a language \(en, de, ja …\), a territory \(USA, CAN …\) or default/,
  },
  'an unknown rule key': {
    inputs: { rules: '- ratings: 5\n  reply: "Hi"' },
    error: /line 1: rule 1 has an unknown key "ratings" \(known: name, rating,/,
  },
  'a rule that both replies and skips': {
    inputs: { rules: '- rating: 5\n  reply: "Hi"\n  skip: true' },
    error: /line 2: rule 1 has both reply and skip/,
  },
  'a rule that neither replies nor skips': {
    inputs: { rules: '- rating: 5' },
    error: /line 1: rule 1 has neither reply nor skip: true/,
  },
  'an empty list of rules': { inputs: { rules: '[]' }, error: /Input "rules", line 1: the list of rules is empty/ },
  'a missing rules file': {
    inputs: { 'rules-file': 'nope.yml' },
    error: /Input "rules-file": nope\.yml does not exist\./,
  },
  'an unknown territory in the territories input': {
    inputs: { rules: OK, territories: 'USA, XXX' },
    error: /Input "territories": unknown territory code "XXX"/,
  },
  'a rating filter out of range': {
    inputs: { rules: OK, ratings: '4-6' },
    error: /Input "ratings": ratings go from 1 to 5 stars; "4-6" does not/,
  },
  'a since that is not a date': {
    inputs: { rules: OK, since: 'yesterday' },
    error: /Input "since" must be last-run, a date/,
  },
  'a since in the future': {
    inputs: { rules: OK, since: '2030-01-01' },
    error: /Input "since" \(2030-01-01\) is in the future/,
  },
  'max-replies that is not a number': {
    inputs: { rules: OK, 'max-replies': 'lots' },
    error: /Input "max-replies" must be a whole number from 0 to 10000; got "lots"/,
  },
  'an export path that is neither .json nor .csv': {
    inputs: { rules: OK, 'export-path': 'out.txt' },
    error: /Input "export-path" must end in \.json or \.csv/,
  },
  'overwrite-existing with only-unanswered': {
    inputs: { rules: OK, 'overwrite-existing': 'true' },
    error: /"overwrite-existing" is true but "only-unanswered" is true too/,
  },
  'since last-run without the cache': {
    inputs: { rules: OK, since: 'last-run', 'cache-state': 'false' },
    error: /"since" is last-run, which is kept in the Actions cache, but "cache-state" is false/,
  },
  'an app the key does not see': {
    inputs: { rules: OK, app: 'com.example.nope' },
    error: /Input "app": the key sees no app with bundle id "com\.example\.nope"/,
    reads: 1,
  },
};

test.each(Object.entries(cases))('%s: one clear error, no write', async (_name, c) => {
  for (const [file, text] of Object.entries(c.files ?? {})) writeFileSync(join(w.workspace, file), text);
  const before = w.emulator.requests.length;
  const result = await w.run({ app: APP_ID, ...c.inputs });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(c.error);
  if (c.at) expect(result.stdout).toContain(`::error ${c.at}`);
  const made = w.emulator.requests.slice(before);
  expect(made.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(made).toHaveLength(c.reads ?? 0);
  expect(w.emulator.state.all('customerReviewResponses')).toEqual([]);
});
