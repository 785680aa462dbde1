/**
 * Counts what @asc-actions/core exports, with the TypeScript checker: for each entry (the root and
 * the subpaths in packages/core/package.json), the exported symbols, split into hand-written and
 * generated (api/generated/), and how many of the hand-written ones are imported anywhere outside
 * packages/core (actions, test-support, test, bench, scripts, the emulator).
 *
 *   npx tsx scripts/core-exports.ts           the counts
 *   npx tsx scripts/core-exports.ts --unused  also the names nothing outside core imports
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const coreSrc = path.join(root, 'packages/core/src');
const entries: Record<string, string> = {
  '@asc-actions/core': 'index.ts',
  '@asc-actions/core/action': 'action/index.ts',
  '@asc-actions/core/api': 'api/index.ts',
  '@asc-actions/core/http': 'http/index.ts',
};

const config = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
if (!config) throw new Error('tsconfig.json did not parse');
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();

/** Names imported from each core entry by files outside packages/core (`*` for a namespace import). */
const used = new Map<string, Set<string>>(Object.keys(entries).map((e) => [e, new Set<string>()]));
for (const file of program.getSourceFiles()) {
  if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) continue;
  if (file.fileName.startsWith(coreSrc) || file.fileName.includes('/packages/core/test/')) continue;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const from = (node.moduleSpecifier as ts.StringLiteral).text;
      const names = used.get(from);
      if (names) {
        if (ts.isImportDeclaration(node)) {
          const bindings = node.importClause?.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) names.add('*');
          else bindings?.elements.forEach((e) => names.add((e.propertyName ?? e.name).text));
        } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
          node.exportClause.elements.forEach((e) => names.add((e.propertyName ?? e.name).text));
        } else names.add('*');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}
const usedAnywhere = new Set([...used.values()].flatMap((s) => [...s]));

const generated = (symbol: ts.Symbol): boolean => {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (target.declarations ?? []).every((d) => d.getSourceFile().fileName.includes('/api/generated/'));
};
const isType = (symbol: ts.Symbol): boolean => {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return !(target.flags & ts.SymbolFlags.Value);
};

const showUnused = process.argv.includes('--unused');
for (const [entry, file] of Object.entries(entries)) {
  const source = program.getSourceFile(path.join(coreSrc, file));
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${file} is not a module`);
  const exported = checker.getExportsOfModule(moduleSymbol);
  const hand = exported.filter((s) => !generated(s));
  const values = hand.filter((s) => !isType(s)).length;
  const unused = hand.filter((s) => !usedAnywhere.has(s.name)).map((s) => s.name);
  console.log(
    `${entry}: ${exported.length} exports (${hand.length} hand-written: ${values} values + ${hand.length - values} types; ` +
      `${exported.length - hand.length} generated); hand-written imported nowhere outside core: ${unused.length}`,
  );
  if (showUnused && unused.length > 0) console.log(`  ${unused.sort().join(', ')}`);
}
