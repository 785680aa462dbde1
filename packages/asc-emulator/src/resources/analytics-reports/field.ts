/**
 * How typed-rows.ts fills a column: an integer metric (`count`), bytes (`bytes`, a long), whole
 * seconds or milliseconds, a float (`measure`), `boolean`, a small integer code or mode (`code`),
 * a string the page documents no values for (`text`: the emulator's stand-in), or the values the
 * page's glossary lists.
 */
export type Field =
  'count' | 'bytes' | 'seconds' | 'millis' | 'measure' | 'boolean' | 'code' | 'text' | readonly string[];
