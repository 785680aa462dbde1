/**
 * Reads age rating answers: deliver's `app_rating_config_path` JSON (the `age-rating-file`
 * input) or the `age_rating` mapping of a JSON/YAML metadata file. Keys are the API's question
 * names or deliver's old iTunes Connect keys; every value is checked against the spec's enums
 * here, so a wrong one is an error naming the file and line before anything is written.
 */
import { didYouMean, InputError, readRepoText } from '@asc-actions/core';
import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import {
  AGE_RATING_QUESTIONS,
  DEPRECATED_QUESTIONS,
  LEGACY_KEYS,
  LEGACY_LEVELS,
  type AgeRatingAnswer,
} from '../../model/age-rating.js';
import type { Finding } from '../../model/findings.js';
import { isWebUrl } from '../../plan/validate.js';
import type { AgeRatingSource } from '../../model/source.js';
import { jsonSyntaxError } from './json-syntax.js';

export interface AgeRatingContext {
  file: string;
  lines: LineCounter;
  findings: Finding[];
}

const lineOf = (ctx: AgeRatingContext, node: Node | null | undefined): number =>
  node?.range ? ctx.lines.linePos(node.range[0]).line : 1;

function fail(ctx: AgeRatingContext, node: Node | null | undefined, code: string, message: string): void {
  const line = lineOf(ctx, node);
  ctx.findings.push({
    level: 'error',
    code,
    message: `${ctx.file}:${line}: ${message}`,
    file: ctx.file,
    line,
    field: 'age_rating',
  });
}

const shown = (v: unknown): string => JSON.stringify(v)?.slice(0, 40) ?? String(v);

/** One answer, checked; undefined when refused (a finding says why). */
function answer(
  ctx: AgeRatingContext,
  key: string,
  node: Node | null | undefined,
  legacy: boolean,
): AgeRatingAnswer | undefined {
  const raw: unknown = isScalar(node) ? node.value : node === null || node === undefined ? null : node;
  if (raw === null) return null;
  const kind = AGE_RATING_QUESTIONS[key]!;
  if (legacy && typeof raw === 'number') {
    if (kind.type === 'boolean' && (raw === 0 || raw === 1)) return raw === 1;
    if (kind.type === 'enum' && LEGACY_LEVELS[raw] !== undefined) return LEGACY_LEVELS[raw];
  }
  if (kind.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    fail(ctx, node, 'age-rating-not-boolean', `age rating "${key}" must be true or false; got ${shown(raw)}.`);
    return undefined;
  }
  if (kind.type === 'url') {
    if (typeof raw === 'string' && isWebUrl(raw)) return raw;
    fail(ctx, node, 'age-rating-bad-url', `age rating "${key}" must be an http(s) URL; got ${shown(raw)}.`);
    return undefined;
  }
  if (typeof raw === 'string' && kind.values.includes(raw)) return raw;
  fail(
    ctx,
    node,
    'age-rating-bad-value',
    `age rating "${key}" must be one of ${kind.values.join(', ')}; got ${shown(raw)}.`,
  );
  return undefined;
}

/** The answers of a mapping node (`age_rating:` of a metadata file, or a whole age rating file). */
export function readAgeRatingMap(ctx: AgeRatingContext, node: Node | null | undefined): AgeRatingSource {
  const out: AgeRatingSource = { file: ctx.file, answers: {} };
  if (!isMap(node)) {
    fail(ctx, node, 'bad-value', 'the age rating must be a mapping of questions to answers.');
    return out;
  }
  for (const pair of (node as YAMLMap<Node, Node>).items) {
    const given = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const stripped = given.replace(/^MZGenre\./, '');
    const legacy = LEGACY_KEYS[stripped];
    const key = legacy ?? stripped;
    const line = lineOf(ctx, pair.key);
    if (key === 'gamblingAndContests') {
      // Split into two questions by Apple; spaceship's map_deprecation_if_possible maps `false` only.
      const v = answer(ctx, 'gambling', pair.value, true);
      if (v === true)
        fail(
          ctx,
          pair.key,
          'age-rating-deprecated',
          `age rating "${given}" was split by Apple into "gambling" (true/false) and "contests" (${LEGACY_LEVELS.join(', ')}); give both.`,
        );
      else if (v !== undefined) {
        out.answers.gambling = { value: v, line };
        out.answers.contests = { value: v === null ? null : 'NONE', line };
      }
      continue;
    }
    if (!(key in AGE_RATING_QUESTIONS)) {
      fail(
        ctx,
        pair.key,
        'age-rating-unknown-key',
        `"${given}" is not an age rating question.${didYouMean(given, Object.keys(AGE_RATING_QUESTIONS))}`,
      );
      continue;
    }
    const v = answer(ctx, key, pair.value, legacy !== undefined);
    if (v === undefined) continue;
    out.answers[key] = { value: v, line };
    if (legacy)
      ctx.findings.push({
        level: 'warning',
        code: 'age-rating-legacy-key',
        message: `${ctx.file}:${line}: "${given}" is deliver's old iTunes Connect key; use "${key}".`,
        file: ctx.file,
        line,
      });
    const instead = DEPRECATED_QUESTIONS[key];
    if (instead)
      ctx.findings.push({
        level: 'warning',
        code: 'age-rating-deprecated',
        message: `${ctx.file}:${line}: "${key}" is deprecated by Apple; use "${instead}".`,
        file: ctx.file,
        line,
      });
  }
  return out;
}

/** The `age-rating-file` input: deliver's JSON (YAML is accepted too). */
export function readAgeRatingFile(path: string, file: string, findings: Finding[]): AgeRatingSource {
  // Through core's workspace reader: inside GITHUB_WORKSPACE, a regular file, at most 1 MB, UTF-8 checked.
  const text = readRepoText(path, { input: 'age-rating-file', kind: 'data' }).text;
  if (/\.json$/i.test(path)) {
    const error = jsonSyntaxError(text, file);
    if (error) throw error;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const [first] = doc.errors;
  if (first)
    throw new InputError(
      `${file}:${first.linePos?.[0].line ?? 1}: not valid YAML or JSON (${first.message.split('\n')[0]}).`,
      { file, line: first.linePos?.[0].line ?? 1 },
    );
  return readAgeRatingMap({ file, lines, findings }, doc.contents);
}
