/**
 * No circular imports anywhere in the repository's TypeScript (type-only imports count: a cycle
 * of types is still a knot a reader must untie). Each cycle is listed with its files.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCycles, importGraph, typeScriptFiles } from '../../test-support/import-graph.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('no file imports itself through other files', () => {
  const files = typeScriptFiles(root, ['packages', 'actions', 'test-support', 'scripts', 'bench', 'test']);
  expect(files.length).toBeGreaterThan(100);
  expect(importCycles(importGraph(files), root)).toEqual([]);
});

test('the cycle finder finds a cycle, a self-import, and nothing in a chain', () => {
  const graph = new Map([
    ['/r/a.ts', ['/r/b.ts']],
    ['/r/b.ts', ['/r/c.ts']],
    ['/r/c.ts', ['/r/a.ts', '/r/d.ts']],
    ['/r/d.ts', []],
    ['/r/e.ts', ['/r/e.ts']],
    ['/r/f.ts', ['/r/d.ts']],
  ]);
  expect(importCycles(graph, '/r')).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
});
