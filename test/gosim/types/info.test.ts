// What the compiler relies on: every expression typed, constants folded to the type they take
// in context, identifiers resolved, selections with their embedding paths and implicit
// &/*, type switch variables, generic instantiations and package initialization order.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ast from '../../../gosim/syntax/ast.ts';
import { walk } from '../../../gosim/syntax/walk.ts';
import { buildSource } from '../../../gosim/build/build.ts';
import { typeString } from '../../../gosim/types/typestring.ts';
import { under } from '../../../gosim/types/predicates.ts';
import type { Info, TypeAndValue } from '../../../gosim/types/types.ts';

const here = dirname(fileURLToPath(import.meta.url));

function check(src: string): { file: ast.File; info: Info } {
  const r = buildSource(src, 'prog.go');
  expect(r.lines).toEqual([]);
  return { file: r.file, info: r.result!.info };
}

/** The first (or last) expression of the program whose source text is `text`. */
function find(file: ast.File, src: string, text: string, kind?: ast.Node['kind'], last = false): ast.Expr {
  const found: ast.Expr[] = [];
  walk(file, (n) => {
    const slice = src.slice(n.pos.offset, n.end.offset);
    if (slice === text && (!kind || n.kind === kind) && n.kind !== 'ExprStmt') found.push(n as ast.Expr);
    return true;
  });
  if (!found.length) throw new Error(`no node ${text}`);
  return last ? found[found.length - 1]! : found[0]!;
}

function tv(info: Info, e: ast.Expr): TypeAndValue {
  const t = info.types.get(e.id);
  if (!t) throw new Error(`no type recorded for node ${e.kind} ${e.id}`);
  return t;
}

describe('Info is complete on realistic programs', () => {
  for (const name of ['valid-concurrency-tour.go', 'valid-workers.go', 'valid-lessons.go', 'valid-context.go']) {
    it(`every value expression of ${name} has a type, every identifier an object`, () => {
      const src = readFileSync(join(here, 'errors', name), 'utf8');
      const { file, info } = check(src);
      const missing: string[] = [];
      // Identifiers that name nothing by themselves: the package clause, selector names are
      // checked through their selector, struct literal keys, labels and the blank identifier.
      const skip = new Set<number>([file.packageName.id]);
      walk(file, (n) => {
        if (n.kind === 'SelectorExpr') skip.add(n.sel.id);
        if (n.kind === 'KeyValueExpr' && n.key.kind === 'Ident') skip.add(n.key.id);
        if (n.kind === 'LabeledStmt') skip.add(n.label.id);
        if (n.kind === 'BranchStmt' && n.label) skip.add(n.label.id);
        if (n.kind === 'ImportSpec') { if (n.name) skip.add(n.name.id); skip.add(n.path.id); }
        return true;
      });
      walk(file, (n) => {
        switch (n.kind) {
          case 'Ident':
            if (skip.has(n.id) || n.name === '_') break;
            if (!info.defs.has(n.id) && !info.uses.has(n.id)) missing.push(`ident ${n.name} at ${n.pos.line}:${n.pos.col}`);
            break;
          case 'BasicLit':
            if (!skip.has(n.id) && !info.types.has(n.id)) missing.push(`${n.kind} at ${n.pos.line}:${n.pos.col}`);
            break;
          case 'CompositeLit': case 'FuncLit': case 'ParenExpr': case 'IndexExpr': case 'SliceExpr':
          case 'CallExpr': case 'StarExpr': case 'UnaryExpr': case 'BinaryExpr':
            if (!info.types.has(n.id)) missing.push(`${n.kind} at ${n.pos.line}:${n.pos.col}`);
            break;
          case 'SelectorExpr':
            if (!info.types.has(n.id)) missing.push(`selector ${n.sel.name} at ${n.pos.line}:${n.pos.col}`);
            break;
          case 'TypeAssertExpr':
            if (n.type && !info.types.has(n.id)) missing.push(`assert at ${n.pos.line}:${n.pos.col}`);
            break;
          default: break;
        }
        return true;
      });
      expect(missing).toEqual([]);
      // Numbers never stay untyped where a value is computed at run time.
      const untyped: string[] = [];
      walk(file, (n) => {
        // Constant declarations are untyped by design.
        if (n.kind === 'GenDecl' && n.tok === 'const') return false;
        if (n.kind === 'BasicLit' && (n.litKind === 'INT' || n.litKind === 'FLOAT' || n.litKind === 'CHAR')) {
          const t = info.types.get(n.id);
          if (t && t.type.tag === 'Basic' && t.type.kind.startsWith('untyped')) untyped.push(`${n.raw} at ${n.pos.line}:${n.pos.col}`);
        }
        return true;
      });
      expect(untyped).toEqual([]);
    });
  }
});

describe('constants', () => {
  it('takes the type of its context and is folded', () => {
    const src = `package main

import "fmt"

const K = 1 << 10

func main() {
	var x int64 = 1 + 2
	var f float64 = 3
	fmt.Println(x, f, K, 'a', 2.5)
	var d = K * 2
	_ = d
}
`;
    const { file, info } = check(src);
    const sum = tv(info, find(file, src, '1 + 2'));
    expect(typeString(sum.type)).toBe('int64');
    expect(sum.value).toEqual({ kind: 'int', value: 3n });
    expect(typeString(tv(info, (find(file, src, '1 + 2') as ast.BinaryExpr).x).type)).toBe('int64');
    const three = tv(info, find(file, src, '3', 'BasicLit'));
    expect(typeString(three.type)).toBe('float64');
    expect(three.value).toEqual({ kind: 'float', value: 3, num: 3n, den: 1n });
    // Untyped arguments to ...any take their default types.
    expect(typeString(tv(info, find(file, src, "'a'")).type)).toBe('int32');
    expect(typeString(tv(info, find(file, src, '2.5')).type)).toBe('float64');
    const k = tv(info, find(file, src, 'K * 2'));
    expect(k.value).toEqual({ kind: 'int', value: 2048n });
    expect(typeString(k.type)).toBe('int');
  });

  it('keeps untyped float constants exact and rounds them only for a typed float', () => {
    const src = `package main

import "fmt"

const x = 1 << 62
const h float64 = 0.1

func main() {
	const exact = 0.1 + 0.2 == 0.3
	fmt.Println(exact, 0.1 + 0.2, float64(x), 1e1000 / 1e999, 1e-1000 * 1e1000, h + 0.2, 1 / 3.0)
}
`;
    const { file, info } = check(src);
    const val = (text: string) => tv(info, find(file, src, text)).value as { value: number; num: bigint; den: bigint };
    // Exact: 3/10, so it prints as 0.3 (float64 addition would give 0.30000000000000004).
    expect(val('0.1 + 0.2').value).toBe(0.3);
    expect(val('float64(x)')).toMatchObject({ num: 2n ** 62n, den: 1n });
    expect(val('1e1000 / 1e999')).toMatchObject({ num: 10n, den: 1n, value: 10 });
    expect(val('1e-1000 * 1e1000').value).toBe(1);
    // A typed constant is rounded to float64 first, so here Go does print 0.30000000000000004.
    expect(val('h + 0.2').value).toBe(0.30000000000000004);
    expect(val('1 / 3.0').value).toBe(1 / 3);
    expect(tv(info, find(file, src, '0.1 + 0.2 == 0.3')).value).toEqual({ kind: 'bool', value: true });
  });

  it('iota repeats with the implicit expression of the group', () => {
    const src = `package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
)

func main() {
	println(Tuesday, MB)
}
`;
    const { file, info } = check(src);
    const tue = info.uses.get((find(file, src, 'Tuesday', 'Ident', true) as ast.Ident).id);
    expect(tue?.tag).toBe('Const');
    const mbDef = [...info.defs.values()].find((o) => o.name === 'MB');
    expect(mbDef?.tag === 'Const' && mbDef.value).toEqual({ kind: 'int', value: 1048576n });
    const tueDef = [...info.defs.values()].find((o) => o.name === 'Tuesday');
    expect(tueDef?.tag === 'Const' && tueDef.value).toEqual({ kind: 'int', value: 2n });
    expect(tueDef?.tag === 'Const' && typeString(tueDef.type)).toBe('main.Weekday');
  });
});

describe('selections', () => {
  const src = `package main

type Inner struct{ N int }

func (i *Inner) Inc()     { i.N++ }
func (i Inner) Get() int  { return i.N }

type Outer struct {
	Name string
	Inner
}

type ViaPtr struct{ *Inner }

func main() {
	var o Outer
	o.Inc()
	_ = o.N
	_ = o.Get()
	p := &o
	_ = p.Get()
	v := ViaPtr{&Inner{}}
	v.Inc()
	f := o.Inner.Get
	_ = f
}
`;
  it('records field paths through embedded structs and implicit & and *', () => {
    const { file, info } = check(src);
    const sel = (text: string) => info.selections.get(find(file, src, text, 'SelectorExpr').id)!;
    expect(sel('o.N')).toMatchObject({ kind: 'field', path: [1, 0], indirect: false });
    expect(sel('o.Inc')).toMatchObject({ kind: 'method', path: [1], addressOf: true });
    expect(sel('o.Inc').method?.fullName).toBe('main.(*Inner).Inc');
    expect(sel('o.Get')).toMatchObject({ kind: 'method', path: [1], addressOf: false, indirect: false });
    expect(sel('p.Get')).toMatchObject({ kind: 'method', indirect: true });
    expect(sel('v.Inc')).toMatchObject({ kind: 'method', path: [0], indirect: true, addressOf: false });
    expect(typeString(tv(info, find(file, src, 'o.Inner.Get')).type)).toBe('func() int');
  });
});

describe('type switches, generics and init order', () => {
  it('gives each clause its own variable', () => {
    const src = `package main

import "fmt"

func main() {
	var x any = 1
	switch v := x.(type) {
	case int:
		fmt.Println(v + 1)
	case string, error:
		fmt.Println(v)
	default:
		fmt.Println(v)
	}
}
`;
    const { file, info } = check(src);
    const clauses: ast.CaseClause[] = [];
    walk(file, (n) => { if (n.kind === 'CaseClause') clauses.push(n); return true; });
    expect(clauses.map((cl) => typeString(info.implicits.get(cl.id)!.type))).toEqual(['int', 'interface {}', 'interface {}']);
  });

  it('infers type arguments of generic library functions', () => {
    const src = `package main

import (
	"fmt"
	"slices"
)

type Scores []int

func main() {
	s := Scores{3, 1}
	slices.Sort(s)
	m := slices.Max(s)
	fmt.Println(m, slices.Contains([]string{"a"}, "a"))
}
`;
    const { file, info } = check(src);
    const call = find(file, src, 'slices.Max(s)');
    expect(info.instances.get(call.id)!.map(typeString)).toEqual(['main.Scores', 'int']);
    expect(typeString(tv(info, call).type)).toBe('int');
    const contains = find(file, src, 'slices.Contains([]string{"a"}, "a")');
    expect(info.instances.get(contains.id)!.map(typeString)).toEqual(['[]string', 'string']);
  });

  it('instantiates iter.Seq and infers through it, and types range over an iterator', () => {
    const src = `package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

type Ages map[string]int

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	m := Ages{"bo": 3}
	names := slices.Sorted(maps.Keys(m))
	for k, v := range maps.All(m) {
		fmt.Println(k, v)
	}
	for i := range evens(6) {
		fmt.Println(i)
	}
	fmt.Println(names, slices.Collect(evens(4)))
}
`;
    const { file, info } = check(src);
    const keys = find(file, src, 'maps.Keys(m)');
    expect(typeString(tv(info, keys).type)).toBe('iter.Seq[string]');
    expect(info.instances.get(keys.id)!.map(typeString)).toEqual(['main.Ages', 'string', 'int']);
    const sorted = find(file, src, 'slices.Sorted(maps.Keys(m))');
    expect(info.instances.get(sorted.id)!.map(typeString)).toEqual(['string']);
    expect(typeString(tv(info, sorted).type)).toBe('[]string');
    // Instances with identical arguments are one type, whoever wrote them.
    expect(tv(info, find(file, src, 'evens(4)')).type).toBe(tv(info, find(file, src, 'evens(6)')).type);
    expect(typeString(under(tv(info, find(file, src, 'maps.All(m)')).type))).toBe('func(func(string, int) bool)');
    expect(typeString(tv(info, find(file, src, 'k', 'Ident')).type)).toBe('string');
    expect(typeString(tv(info, find(file, src, 'v', 'Ident')).type)).toBe('int');
    expect(typeString(tv(info, find(file, src, 'i', 'Ident', true)).type)).toBe('int');
  });

  it('tells a generic type declaration by its parameter list, not by its spacing', () => {
    // Extra blanks between a type's name and its definition are not a type parameter list.
    const plain = buildSource('package main\n\ntype Celsius      float64\n\nfunc main() { var c Celsius = 1.5; _ = c }\n', 'prog.go');
    expect(plain.lines).toEqual([]);
    const generic = buildSource('package main\n\ntype Box[T any]struct{ v T }\n\nfunc main() {}\n', 'prog.go');
    expect(generic.lines).toEqual(["./prog.go:3:6: generic type Box is not supported by gosim (only the standard library's atomic.Pointer is)"]);
  });

  it('orders package variables by dependency', () => {
    const src = `package main

var a = b + 1
var b = f()
var c = 2

func f() int { return c * 10 }

func main() { println(a) }
`;
    const { info } = check(src);
    expect(info.initOrder.map((i) => i.lhs.map((v) => v.name).join(','))).toEqual(['c', 'b', 'a']);
  });

  it('reports a pointer-receiver method set miss as Go does', () => {
    const r = buildSource(`package main

import "fmt"

type T struct{}

func (t *T) String() string { return "T" }

func main() {
	var s fmt.Stringer = T{}
	var ok fmt.Stringer = &T{}
	fmt.Println(s, ok)
}
`, 'prog.go');
    expect(r.lines).toEqual([
      './prog.go:10:23: cannot use T{} (value of struct type T) as fmt.Stringer value in variable declaration: T does not implement fmt.Stringer (method String has pointer receiver)',
    ]);
  });
});
