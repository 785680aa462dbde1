/**
 * Reads one JSON or YAML metadata file:
 *
 *   copyright: 2026 Example Inc.
 *   primary_category: PRODUCTIVITY
 *   review_information: { first_name: Dana, email_address: review@example.com }
 *   locales:
 *     default: { support_url: https://example.com/help }
 *     en-US: { name: Example, description: "…", release_notes: null }   # null clears
 *
 * Field names are fastlane's file names or Apple's attribute names. Every problem names the
 * file and line. JSON is checked as JSON first (YAML would accept more than JSON does).
 */
import { existsSync, statSync } from 'node:fs';
import { InputError, didYouMean, readRepoText, isAppStoreLocale, suggestLocale } from '@asc-actions/core';
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { CATEGORY_FIELDS, COPYRIGHT, REVIEW_FIELDS } from '../../model/app-wide-fields.js';
import { LOCALIZED_FIELDS, resolveFieldName } from '../../model/fields.js';
import type { Finding } from '../../model/findings.js';
import { emptySource, type LocalizedValues, type MetadataSource, type SourceValue } from '../../model/source.js';
import { readFieldText } from './text.js';
import { readAgeRatingMap } from './age-rating-file.js';
import { jsonSyntaxError } from './json-syntax.js';

interface FileContext {
  file: string;
  lines: LineCounter;
  findings: Finding[];
  /** The `locales` input: only these locales are read and checked (empty: all). */
  locales: readonly string[];
}

const TOP_LEVEL = ['locales', 'review_information', 'age_rating', COPYRIGHT.key, ...CATEGORY_FIELDS.map((f) => f.key)];

function lineOf(ctx: FileContext, node: Node | null | undefined): number {
  return node?.range ? ctx.lines.linePos(node.range[0]).line : 1;
}

function problem(
  ctx: FileContext,
  node: Node | null | undefined,
  code: string,
  message: string,
  extra: Partial<Finding> = {},
): void {
  const line = lineOf(ctx, node);
  ctx.findings.push({
    level: 'error',
    code,
    message: `${ctx.file}:${line}: ${message}`,
    file: ctx.file,
    line,
    ...extra,
  });
}

/** A scalar's text as a field value: null clears, numbers and booleans become text. */
function value(
  ctx: FileContext,
  node: Node | null | undefined,
  where: { locale?: string; field?: string },
): SourceValue | undefined {
  const line = lineOf(ctx, node);
  if (node === null || node === undefined || (isScalar(node) && node.value === null))
    return { value: null, file: ctx.file, line };
  if (!isScalar(node)) {
    problem(ctx, node, 'bad-value', `${where.field ?? 'this field'} must be text, not a list or a mapping.`, where);
    return undefined;
  }
  const label = `${ctx.file}:${line} (${[where.locale, where.field].filter(Boolean).join(' ')})`;
  const text = readFieldText(String(node.value), ctx.file, where, label);
  ctx.findings.push(...text.findings.map((f) => ({ ...f, line })));
  return text.value === undefined ? undefined : { value: text.value, file: ctx.file, line };
}

function pairs(ctx: FileContext, node: Node | null | undefined, what: string): Array<Pair<Node, Node>> {
  if (isMap(node)) return (node as YAMLMap<Node, Node>).items;
  problem(ctx, node, 'bad-value', `${what} must be a mapping of names to values.`);
  return [];
}

const keyText = (pair: Pair<Node, Node>): string => String(isScalar(pair.key) ? pair.key.value : pair.key);

function readLocale(ctx: FileContext, node: Node | null | undefined, locale: string): LocalizedValues {
  const values: LocalizedValues = {};
  for (const pair of pairs(ctx, node, `locale ${locale}`)) {
    const name = keyText(pair);
    const field = resolveFieldName(LOCALIZED_FIELDS, name);
    if (!field) {
      const hint = didYouMean(
        name,
        LOCALIZED_FIELDS.map((f) => f.key),
      );
      problem(
        ctx,
        pair.key,
        'unknown-field',
        `"${name}" (locale ${locale}) is not a field upload-metadata knows.${hint}`,
        { locale },
      );
      continue;
    }
    const v = value(ctx, pair.value, { locale, field: field.key });
    if (v) values[field.key] = v;
  }
  return values;
}

function readLocales(ctx: FileContext, source: MetadataSource, node: Node | null | undefined): void {
  for (const pair of pairs(ctx, node, 'locales')) {
    const locale = keyText(pair);
    if (locale === 'default') source.defaults = readLocale(ctx, pair.value, 'default');
    else if (isAppStoreLocale(locale)) {
      source.hadLocales = true;
      if (!ctx.locales.length || ctx.locales.includes(locale))
        source.locales.set(locale, readLocale(ctx, pair.value, locale));
    } else if (!ctx.locales.length) {
      const guess = suggestLocale(locale);
      const line = lineOf(ctx, pair.key);
      const message = `${ctx.file}:${line}: "${locale}" is not an App Store locale; it was skipped.${guess ? ` Did you mean ${guess}?` : ''}`;
      ctx.findings.push({ level: 'warning', code: 'unknown-locale', message, file: ctx.file, line, locale });
    }
  }
}

function readTopLevel(ctx: FileContext, source: MetadataSource, pair: Pair<Node, Node>): void {
  const name = keyText(pair);
  if (name === 'locales') return readLocales(ctx, source, pair.value);
  if (name === 'age_rating') {
    source.ageRating = readAgeRatingMap(ctx, pair.value);
    return;
  }
  if (name === 'review_information' || name === 'review') {
    for (const p of pairs(ctx, pair.value, 'review_information')) {
      const field = resolveFieldName(REVIEW_FIELDS, keyText(p));
      if (!field)
        problem(
          ctx,
          p.key,
          'unknown-field',
          `"${keyText(p)}" is not an App Review field.${didYouMean(
            keyText(p),
            REVIEW_FIELDS.map((f) => f.key),
          )}`,
        );
      else {
        const v = value(ctx, p.value, { field: field.key });
        if (v) source.review[field.key] = v;
        else if (isScalar(p.value) && String(p.value.value ?? '').trim() === '' && p.value.value !== null)
          source.blankReview.push(field.key);
      }
    }
    return;
  }
  const field = resolveFieldName([COPYRIGHT, ...CATEGORY_FIELDS], name);
  if (!field)
    return problem(
      ctx,
      pair.key,
      'unknown-field',
      `"${name}" is not a field upload-metadata knows.${didYouMean(name, TOP_LEVEL)}`,
    );
  const v = value(ctx, pair.value, { field: field.key });
  if (v) source.global[field.key] = v;
}

export function readMetadataFile(path: string, file: string, locales: readonly string[] = []): MetadataSource {
  if (!existsSync(path))
    throw new InputError(`Input "metadata-file": ${file} does not exist.`, { input: 'metadata-file' });
  if (!statSync(path).isFile())
    throw new InputError(`Input "metadata-file": ${file} is not a file (use metadata-path for a folder).`, {
      input: 'metadata-file',
    });
  // Core's safe reader: inside the workspace, a regular file, at most 1 MB, UTF-8 text.
  const text = readRepoText(path, { input: 'metadata-file', kind: 'data' }).text;
  if (/\.json$/i.test(path)) {
    const error = jsonSyntaxError(text, file);
    if (error) throw error;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const line = first.linePos?.[0].line ?? 1;
    throw new InputError(
      `${file}:${line}: not valid YAML (${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}).`,
      { file, line },
    );
  }
  const source = emptySource('file', file);
  const ctx: FileContext = { file, lines, findings: source.findings, locales };
  if (doc.contents === null) throw new InputError(`${file} is empty: it holds no metadata.`, { file, line: 1 });
  for (const pair of pairs(ctx, doc.contents, 'The file')) readTopLevel(ctx, source, pair);
  return source;
}
