/**
 * Where rules come from (the `rules` input or a `rules-file`) and how a problem in them is
 * reported: one InputError naming the input or file and the line, nothing else.
 * YAML and JSON are both read with the `yaml` parser, which keeps every node's position; a
 * `.json` file must also be strict JSON.
 */
import { InputError } from '@asc-actions/core';
import { LineCounter, parseDocument, type Node } from 'yaml';

export type RulesOrigin = { input: 'rules' } | { input: 'rules-file'; file: string };

export class RulesSource {
  private readonly lines = new LineCounter();
  constructor(
    readonly text: string,
    readonly origin: RulesOrigin,
  ) {}

  /** The parsed document's root node (after syntax checks). */
  root(): Node | null {
    if (this.origin.input === 'rules-file' && /\.json$/i.test(this.origin.file)) this.strictJson();
    const doc = parseDocument(this.text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const [error] = doc.errors;
    if (error) {
      const what = error.code === 'DUPLICATE_KEY' ? 'a key appears twice in one mapping' : error.message.split('\n')[0];
      this.failAt(error.pos[0], `not valid ${this.language()}: ${what}`);
    }
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

  private failAt(offset: number | undefined, problem: string): never {
    const line = offset === undefined ? undefined : this.lines.linePos(offset).line;
    const at = line === undefined ? '' : `, line ${line}`;
    if (this.origin.input === 'rules') throw new InputError(`Input "rules"${at}: ${problem}.`, { input: 'rules', line });
    throw new InputError(`rules-file ${this.origin.file}${at}: ${problem}.`, { input: 'rules-file', file: this.origin.file, line });
  }

  private language(): string {
    return this.origin.input === 'rules-file' && /\.json$/i.test(this.origin.file) ? 'JSON' : 'YAML';
  }

  private strictJson(): void {
    try {
      JSON.parse(this.text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      const line = /line (\d+)/.exec(message);
      const offset = position ? Number(position[1]) : line ? offsetOfLine(this.text, Number(line[1])) : undefined;
      parseDocument(this.text, { lineCounter: this.lines }); // fills the line table for failAt
      this.failAt(offset, `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`);
    }
  }
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}
