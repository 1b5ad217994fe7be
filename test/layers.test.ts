// The layer test: reads every import in the source folders and fails on any import against
// the order docs/architecture.md draws (after ../shared/DESIGN.md), naming the file and line.
// There is no list of exceptions: an import that breaks a rule is fixed where it is.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

interface Import {
  /** The importing file, relative to the repository. */
  from: string;
  line: number;
  spec: string;
  /** Erased at compile time (`import type`, `export type`, `import('…').T`): no code is loaded. */
  typeOnly: boolean;
  /** The imported file relative to the repository, for a relative import; null otherwise. */
  target: string | null;
  kind: 'file' | 'node' | 'package';
}

const sourceFolders = ['api', 'gosim', 'electron', 'renderer'];

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...sourceFolders], { cwd: root, encoding: 'utf8' });
  return listed.split('\n').filter((f) => /\.(ts|tsx|mts)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('/dist/'));
}

const nodeBuiltins = new Set(builtinModules);

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (spec: string, node: ts.Node, typeOnly: boolean) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    if (spec.startsWith('.')) {
      out.push({ from: file, line, spec, typeOnly, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)), kind: 'file' });
    } else {
      const bare = spec.replace(/^node:/, '');
      const kind = spec.startsWith('node:') || nodeBuiltins.has(bare) || nodeBuiltins.has(bare.split('/')[0]!) ? 'node' : 'package';
      out.push({ from: file, line, spec, typeOnly, target: null, kind });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined
        && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, node, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause)
        && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, node, typeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, node, true);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      add(node.arguments[0].text, node, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const files = sourceFiles();
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const folderOf = (f: string): string => f.split('/')[0]!;

/** gosim's layers, lowest first: a file may import its own layer and those below. */
const gosimLayers: [name: string, owns: (rel: string) => boolean][] = [
  ['syntax/', (r) => r.startsWith('syntax/')],
  ['types/', (r) => r.startsWith('types/')],
  ['runtime/', (r) => r.startsWith('runtime/')],
  ['lib/', (r) => r.startsWith('lib/')],
  ['build/, compile/, execute.ts', (r) => r.startsWith('build/') || r.startsWith('compile/') || r === 'execute.ts'],
  ['explore/, trace, explain, drill/, index.ts', (r) => r.startsWith('explore/') || r.startsWith('drill/') || ['trace.ts', 'explain.ts', 'index.ts'].includes(r)],
  ['cli/', (r) => r.startsWith('cli/')],
];

function gosimLayer(file: string): number {
  const rel = file.slice('gosim/'.length);
  const i = gosimLayers.findIndex(([, owns]) => owns(rel));
  if (i < 0) throw new Error(`${file} belongs to none of gosim's layers: add it to one in test/layers.test.ts and docs/architecture.md`);
  return i;
}

/** The files `start` loads when it runs, following imports that are not erased. */
function loadedFrom(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const imp of graph.get(f) ?? []) if (!imp.typeOnly && imp.target !== null) todo.push(imp.target);
  }
  return seen;
}

const workerFiles = loadedFrom('renderer/gosim/worker.ts');

/** Why the import breaks a rule, or null when it keeps them all. */
function broken(imp: Import): string | null {
  const here = folderOf(imp.from);
  const there = imp.target === null ? null : folderOf(imp.target);
  if (imp.target !== null && !graph.has(imp.target) && !sourceFolders.includes(there!)) {
    if (here !== 'electron' || there !== 'dist') return `reaches outside the source folders (${imp.target})`;
  }
  if (imp.target !== null && there !== here) {
    const allowed: Record<string, string[]> = { api: [], gosim: [], electron: ['api', 'gosim'], renderer: ['api', 'gosim'] };
    if (!allowed[here]!.includes(there!)) return `${here}/ may not import ${there}/ (it may import ${[here, ...allowed[here]!].map((f) => `${f}/`).join(', ')})`;
    if (here === 'renderer' && there === 'api' && !imp.typeOnly) return 'the page takes only types from api/ (import type)';
    if (here === 'renderer' && there === 'gosim' && !imp.typeOnly && !workerFiles.has(imp.from)) {
      return 'gosim runs in the page only inside its Web Worker (renderer/gosim/worker.ts and what it loads); elsewhere import its types only';
    }
  }
  if (imp.kind === 'node') {
    if (here === 'gosim' && !imp.from.startsWith('gosim/cli/')) return 'gosim runs anywhere (Web Worker, Node): only its cli/ may use Node';
    if (here === 'api' || here === 'renderer') return `${here}/ runs in the page: no Node modules`;
  }
  if (imp.kind === 'package') {
    if (here === 'gosim') return 'gosim imports nothing but itself';
    if (here === 'api' && imp.spec !== 'zod') return 'api/ imports nothing but itself and the schema library (zod)';
  }
  if (here === 'gosim' && there === 'gosim') {
    const a = gosimLayer(imp.from);
    const b = gosimLayer(imp.target!);
    if (b > a) return `gosim's ${gosimLayers[a]![0]} may not import the higher layer ${gosimLayers[b]![0]}`;
  }
  return null;
}

/** An import as the graph would hold it, for checking the rules themselves. */
function synthetic(from: string, spec: string, typeOnly = false): Import {
  const rel = spec.startsWith('.');
  const kind = rel ? 'file' : spec.startsWith('node:') ? 'node' : 'package';
  return { from, line: 1, spec, typeOnly, target: rel ? path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)) : null, kind };
}

describe('the rules themselves', () => {
  it.each([
    ['gosim/syntax/parser.ts', '../types/check.ts', "gosim's syntax/ may not import the higher layer types/"],
    ['gosim/types/check.ts', '../lib/decls.ts', "gosim's types/ may not import the higher layer lib/"],
    ['gosim/runtime/scheduler.ts', '../compile/compiler.ts', "gosim's runtime/ may not import the higher layer build/, compile/, execute.ts"],
    ['gosim/runtime/program.ts', '../lib/sync.ts', "gosim's runtime/ may not import the higher layer lib/"],
    ['gosim/runtime/program.ts', '../build/library.ts', "gosim's runtime/ may not import the higher layer build/, compile/, execute.ts"],
    ['gosim/runtime/traceback.ts', '../execute.ts', "gosim's runtime/ may not import the higher layer build/, compile/, execute.ts"],
    ['gosim/execute.ts', './trace.ts', "gosim's build/, compile/, execute.ts may not import the higher layer explore/, trace, explain, drill/, index.ts"],
    ['gosim/runtime/memory.ts', 'node:fs', 'only its cli/ may use Node'],
    ['gosim/lib/fmt.ts', 'zod', 'gosim imports nothing but itself'],
    ['renderer/App.tsx', '../electron/backend.ts', 'renderer/ may not import electron/'],
    ['renderer/App.tsx', '../api/contract.ts', 'only types from api/'],
    ['renderer/review/Review.tsx', '../../gosim/index.ts', 'only inside its Web Worker'],
    ['renderer/main.tsx', 'node:path', 'no Node modules'],
    ['electron/backend.ts', '../renderer/App.tsx', 'electron/ may not import renderer/'],
    ['api/contract.ts', '../electron/backend.ts', 'api/ may not import electron/'],
    ['api/contract.ts', 'yaml', 'api/ imports nothing but itself and the schema library'],
  ])('refuses %s importing %s', (from, spec, why) => {
    expect(broken(synthetic(from, spec))).toContain(why);
  });

  it.each([
    ['gosim/types/check.ts', '../syntax/ast.ts', false],
    ['gosim/cli/main.ts', 'node:fs', false],
    ['gosim/build/library.ts', '../lib/decls.ts', false],
    ['gosim/lib/footprints.ts', '../runtime/footprint.ts', false],
    ['gosim/explore/search.ts', '../runtime/footprint.ts', false],
    ['renderer/App.tsx', '../api/contract.ts', true],
    ['renderer/gosim/protocol.ts', '../../gosim/index.ts', true],
    ['renderer/gosim/jobs.ts', '../../gosim/index.ts', false],
    ['electron/backend.ts', '../api/contract.ts', false],
    ['electron/backend.ts', '../gosim/index.ts', false],
    ['api/contract.ts', 'zod', false],
  ] as const)('allows %s importing %s', (from, spec, typeOnly) => {
    expect(broken(synthetic(from, spec, typeOnly))).toBeNull();
  });
});

describe('layers', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(graph.get('gosim/index.ts')!.some((i) => i.target === 'gosim/execute.ts')).toBe(true);
  });

  it('has no import against the order', () => {
    const problems: string[] = [];
    for (const imps of graph.values()) {
      for (const imp of imps) {
        const why = broken(imp);
        if (why !== null) problems.push(`${imp.from}:${imp.line}: imports '${imp.spec}': ${why}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
