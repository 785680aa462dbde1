/**
 * Where rules come from (the `rules` input or a `rules-file`) and how problems in them are
 * reported: every problem of the document in one run (each annotated on its line), then one
 * InputError naming the input or file, the line and how many more there are.
 * YAML and JSON are both read with the `yaml` parser, which keeps every node's position; a
 * `.json` file must also be strict JSON.
 */
import { annotate, describeJsonError, InputError } from '@asc-actions/core';
import { LineCounter, parseDocument, type Node } from 'yaml';

export type RulesOrigin = { input: 'rules' } | { input: 'rules-file'; file: string };

export class RulesSource {
  private readonly lines = new LineCounter();
  private readonly problems: InputError[] = [];
  constructor(
    readonly text: string,
    readonly origin: RulesOrigin,
  ) {}

  /** The parsed document's root node (after syntax checks). */
  root(): Node | null {
    if (this.origin.input === 'rules-file' && /\.json$/i.test(this.origin.file)) this.strictJson();
    const doc = parseDocument(this.text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const tab = /^( *)\t/m.exec(this.text);
    if (tab && this.language() === 'YAML')
      this.failAt(tab.index + tab[1]!.length, 'a tab in the indentation; YAML indents with spaces only', true);
    const [error] = doc.errors;
    if (error)
      this.failAt(error.pos[0], `not valid ${this.language()}: ${explainSyntax(error.code, error.message)}`, true);
    return doc.contents;
  }

  /** The 1-based line a node starts on. */
  lineOf(node: Node): number | undefined {
    return node.range ? this.lines.linePos(node.range[0]).line : undefined;
  }

  /** Throws the InputError for a problem at `node` (or at the top when there is no node). */
  fail(node: Node | null | undefined, problem: string): never {
    this.failAt(node?.range?.[0], problem);
  }

  /** Records a problem and goes on reading, so one run reports them all. */
  report(node: Node | null | undefined, problem: string): void {
    this.problems.push(this.error(node?.range?.[0], problem));
  }

  /** Runs `read`; a problem it throws is recorded instead (the caller goes on with the next rule). */
  collect<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.problems.push(error);
      return undefined;
    }
  }

  /** After reading everything: annotates every problem but the first, and throws the first with the count. */
  finish(): void {
    const [first, ...rest] = this.problems;
    if (first === undefined) return;
    for (const p of rest) annotate('error', p.message, { file: p.file, line: p.line });
    if (rest.length === 0) throw first;
    const more = ` ${rest.length} more problem${rest.length > 1 ? 's' : ''} in the rules, each annotated above.`;
    throw new InputError(`${first.message}${more}`, { input: first.input, file: first.file, line: first.line });
  }

  private failAt(offset: number | undefined, problem: string, column = false): never {
    throw this.error(offset, problem, column);
  }

  private error(offset: number | undefined, problem: string, column = false): InputError {
    const pos = offset === undefined ? undefined : this.lines.linePos(offset);
    const at = pos === undefined ? '' : column ? `, line ${pos.line}, column ${pos.col}` : `, line ${pos.line}`;
    const line = pos?.line;
    const text = /[.?!]$/.test(problem) ? problem : `${problem}.`;
    if (this.origin.input === 'rules') return new InputError(`Input "rules"${at}: ${text}`, { input: 'rules', line });
    return new InputError(`rules-file ${this.origin.file}${at}: ${text}`, {
      input: 'rules-file',
      file: this.origin.file,
      line,
    });
  }

  private language(): string {
    return this.origin.input === 'rules-file' && /\.json$/i.test(this.origin.file) ? 'JSON' : 'YAML';
  }

  private strictJson(): void {
    try {
      JSON.parse(this.text);
    } catch (error) {
      const { line, column, reason } = describeJsonError(error, this.text);
      parseDocument(this.text, { lineCounter: this.lines }); // fills the line table for failAt
      this.failAt(offsetOfLine(this.text, line) + column - 1, `not valid JSON: ${reason}`);
    }
  }
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

/** What YAML expected, in words, for the syntax errors people make by hand. */
function explainSyntax(code: string, message: string): string {
  const first = message.split('\n')[0]!;
  if (code === 'DUPLICATE_KEY') return 'a key appears twice in one mapping';
  if (code === 'MISSING_CHAR' && /quote/i.test(first))
    return 'a quoted text is not closed (YAML expected the closing quote)';
  if (code === 'MISSING_CHAR' && /without - indicator/.test(first))
    return 'this line is indented like a new list item but has no "- " (YAML expected the same indentation as the keys above, or "- ")';
  if (code === 'BAD_INDENT') return `the indentation does not line up (YAML: ${first})`;
  if (code === 'BLOCK_AS_IMPLICIT_KEY')
    return 'a second "key: value" on one line (YAML expected one key per line, or the value in quotes)';
  return `YAML expected something else here (${first})`;
}
