import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../../gosim/syntax/parser.ts';
import { children, pathTo, walk } from '../../../gosim/syntax/walk.ts';
import type * as ast from '../../../gosim/syntax/ast.ts';

const dir = join(import.meta.dirname, 'testdata', 'valid');
const programs = readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);

describe('walk and positions', () => {
  for (const [name, src] of programs) {
    it(`${name}: every node lies inside its parent, siblings in source order`, () => {
      const { file, errors } = parseFile(src);
      expect(errors).toEqual([]);
      const bad: string[] = [];
      walk(file, (n) => {
        const cs = children(n);
        for (const c of cs) {
          if (c.pos.offset < n.pos.offset || c.end.offset > n.end.offset) bad.push(`${c.kind}@${c.pos.line}:${c.pos.col} outside ${n.kind}`);
        }
        // a function's type starts at `func`, before its receiver and name (as in go/ast)
        if (n.kind !== 'FuncDecl') {
          for (let i = 1; i < cs.length; i++) {
            if (cs[i]!.pos.offset < cs[i - 1]!.end.offset) bad.push(`${cs[i]!.kind}@${cs[i]!.pos.line}:${cs[i]!.pos.col} overlaps its sibling in ${n.kind}`);
          }
        }
      });
      expect(bad).toEqual([]);
    });
  }

  it('visits in source order and can skip subtrees', () => {
    const { file } = parseFile('package main\n\nfunc a() { x := 1; _ = x }\n\nfunc b() {}\n');
    const names: string[] = [];
    walk(file, (n) => {
      if (n.kind === 'Ident') names.push(n.name);
      return n.kind !== 'BlockStmt';
    });
    expect(names).toEqual(['main', 'a', 'b']);
  });

  it('pathTo finds the nodes around an offset, outermost first', () => {
    const src = 'package main\n\nfunc main() {\n\tprintln(1 + 2)\n}\n';
    const { file } = parseFile(src);
    const kinds = pathTo(file, src.indexOf('2')).map((n: ast.Node) => n.kind);
    expect(kinds).toEqual(['File', 'FuncDecl', 'BlockStmt', 'ExprStmt', 'CallExpr', 'BinaryExpr', 'BasicLit']);
  });
});
