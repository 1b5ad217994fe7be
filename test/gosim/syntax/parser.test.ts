import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../gosim/syntax/parser.ts';
import { walk, exprString } from '../../../gosim/syntax/walk.ts';
import type * as ast from '../../../gosim/syntax/ast.ts';

function parseOK(src: string): ast.File {
  const { file, errors } = parseFile(src);
  expect(errors).toEqual([]);
  return file;
}

function all<K extends ast.Node['kind']>(root: ast.Node, kind: K): Extract<ast.Node, { kind: K }>[] {
  const out: Extract<ast.Node, { kind: K }>[] = [];
  walk(root, (n) => {
    if (n.kind === kind) out.push(n as Extract<ast.Node, { kind: K }>);
  });
  return out;
}

function mainBody(f: ast.File): ast.Stmt[] {
  const main = f.decls.find((d): d is ast.FuncDecl => d.kind === 'FuncDecl' && d.name.name === 'main');
  return main!.body!.list;
}

/** Parse statements inside `func main() { ... }`. */
function stmts(body: string): ast.Stmt[] {
  return mainBody(parseOK(`package main\n\nfunc main() {\n${body}\n}\n`));
}

const workerPool = `package main

import (
	"fmt"
	"sync"
	"time"
)

type Result struct {
	ID    int
	Value string
}

func worker(id int, jobs <-chan int, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Millisecond)
		results <- Result{ID: j, Value: fmt.Sprintf("w%d:%d", id, j)}
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan Result, 5)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := range 5 {
		jobs <- i
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	var mu sync.Mutex
	total := 0
	for r := range results {
		mu.Lock()
		total += r.ID
		mu.Unlock()
	}
	fmt.Println("total:", total)
}
`;

describe('realistic programs', () => {
  it('parses a worker pool', () => {
    const f = parseOK(workerPool);
    expect(f.packageName.name).toBe('main');
    expect(f.imports.map((i) => i.path.raw)).toEqual(['"fmt"', '"sync"', '"time"']);
    const worker = f.decls[2] as ast.FuncDecl;
    const types = worker.type.params.list.map((p) => exprString(p.type));
    expect(types).toEqual(['int', '<-chan int', 'chan<- Result', '*sync.WaitGroup']);
    expect(all(f, 'GoStmt')).toHaveLength(2);
    expect(all(f, 'DeferStmt')).toHaveLength(1);
    expect(all(f, 'SendStmt').map((s) => exprString(s.chan))).toEqual(['results', 'jobs']);
    expect(all(f, 'RangeStmt').map((r) => exprString(r.x))).toEqual(['jobs', '5', 'results']);
  });

  it('gives every node a unique id and positions inside the file', () => {
    const f = parseOK(workerPool);
    const ids = new Set<number>();
    let count = 0;
    walk(f, (n) => {
      count++;
      ids.add(n.id);
      expect(n.pos.offset).toBeLessThanOrEqual(n.end.offset);
      expect(n.end.offset).toBeLessThanOrEqual(workerPool.length);
    });
    expect(ids.size).toBe(count);
  });

  it('records start and end of nodes', () => {
    const [s] = stmts('\tx := compute(1, 2)');
    const a = s as ast.AssignStmt;
    expect(a.pos).toEqual({ line: 4, col: 2, offset: 29 });
    expect(a.end.col).toBe(20);
    expect(a.opPos.col).toBe(4);
    const call = a.rhs[0] as ast.CallExpr;
    expect(call.lparen.col).toBe(14);
  });

  it('a function type starts at its func keyword, as in go/ast', () => {
    const f = parseOK('package main\n\nfunc f(a int) {\n\tg := func() {}\n\t_ = g\n}\n');
    const d = f.decls[0] as ast.FuncDecl;
    expect(d.type.pos.col).toBe(1);
    expect(d.type.params.pos.col).toBe(7);
    const lit = all(f, 'FuncLit')[0]!;
    expect(lit.pos.col).toBe(7);
    expect(lit.type.pos.col).toBe(7);
    expect(lit.end.col).toBe(16);
  });
});

describe('channels', () => {
  it('tells <-chan, chan<-, chan (<-chan) and receive apart', () => {
    const s = stmts(`
	var a <-chan int
	var b chan<- int
	var c chan (<-chan int)
	var d chan<- chan int
	v := <-a
	_ = (<-chan int)(nil)
	_ = <-chan int(nil)
	_, _, _, _ = b, c, d, v`);
    const types = all({ kind: 'BlockStmt', list: s } as ast.BlockStmt, 'ValueSpec').map((v) => v.type as ast.ChanType);
    expect(types.map((t) => t.dir)).toEqual(['recv', 'send', 'both', 'send']);
    expect((types[2]!.value as ast.ChanType).dir).toBe('recv');
    expect((types[3]!.value as ast.ChanType).dir).toBe('both');
    const recv = (s[4] as ast.AssignStmt).rhs[0] as ast.UnaryExpr;
    expect(recv.kind).toBe('UnaryExpr');
    expect(recv.op).toBe('<-');
    const conv = (s[5] as ast.AssignStmt).rhs[0] as ast.CallExpr;
    expect(conv.fun.kind).toBe('ParenExpr');
    expect(((conv.fun as ast.ParenExpr).x as ast.ChanType).dir).toBe('recv');
    // without parentheses, as in Go, it is a receive from the conversion chan int(nil)
    const recv2 = (s[6] as ast.AssignStmt).rhs[0] as ast.UnaryExpr;
    expect(recv2.op).toBe('<-');
    expect((recv2.x as ast.CallExpr).fun.kind).toBe('ChanType');
  });

  it('parses select with send, receive, receive-assign and default clauses', () => {
    const [sel] = stmts(`
	select {
	case ch <- 1:
	case v := <-in:
		_ = v
	case v, ok = <-in:
	case <-done:
		return
	default:
	}`) as [ast.SelectStmt];
    expect(sel.kind).toBe('SelectStmt');
    const comms = sel.body.map((c) => c.comm?.kind ?? null);
    expect(comms).toEqual(['SendStmt', 'AssignStmt', 'AssignStmt', 'ExprStmt', null]);
    expect((sel.body[1]!.comm as ast.AssignStmt).op).toBe(':=');
    expect((sel.body[2]!.comm as ast.AssignStmt).lhs).toHaveLength(2);
    expect(sel.body[3]!.body[0]!.kind).toBe('ReturnStmt');
  });
});

describe('for and range', () => {
  it('parses every form of for', () => {
    const s = stmts(`
	for {
	}
	for x < 3 {
	}
	for i := 0; i < 3; i++ {
	}
	for ; ; {
	}
	for range 10 {
	}
	for i := range 10 {
	}
	for range ch {
	}
	for k, v := range m {
	}
	for k, v = range m {
	}
	for _, c := range "héllo" {
	}`);
    expect(s.map((x) => x.kind)).toEqual([
      'ForStmt', 'ForStmt', 'ForStmt', 'ForStmt', 'RangeStmt', 'RangeStmt', 'RangeStmt', 'RangeStmt', 'RangeStmt', 'RangeStmt',
    ]);
    const f3 = s[2] as ast.ForStmt;
    expect(f3.init?.kind).toBe('AssignStmt');
    expect(f3.cond?.kind).toBe('BinaryExpr');
    expect(f3.post?.kind).toBe('IncDecStmt');
    const r = s.slice(4) as ast.RangeStmt[];
    expect(r.map((x) => x.tok)).toEqual([null, ':=', null, ':=', '=', ':=']);
    expect(r.map((x) => (x.key ? exprString(x.key) : null))).toEqual([null, 'i', null, 'k', 'k', '_']);
    expect(r.map((x) => (x.value ? exprString(x.value) : null))).toEqual([null, null, null, 'v', 'v', 'c']);
  });

  it('labels loops and keeps break/continue labels', () => {
    const [l] = stmts(`
outer:
	for i := 0; i < 3; i++ {
		for j := range 3 {
			if j == i {
				continue outer
			}
			break outer
		}
	}`) as [ast.LabeledStmt];
    expect(l.kind).toBe('LabeledStmt');
    expect(l.label.name).toBe('outer');
    expect(l.stmt.kind).toBe('ForStmt');
    expect(all(l, 'BranchStmt').map((b) => `${b.tok} ${b.label?.name}`)).toEqual(['continue outer', 'break outer']);
  });
});

describe('switches', () => {
  it('type switch with binding', () => {
    const [s] = stmts(`
	switch v := x.(type) {
	case int, string:
		_ = v
	case nil:
	default:
	}`) as [ast.TypeSwitchStmt];
    expect(s.kind).toBe('TypeSwitchStmt');
    const a = s.assign as ast.AssignStmt;
    expect(a.kind).toBe('AssignStmt');
    expect(a.op).toBe(':=');
    expect((a.rhs[0] as ast.TypeAssertExpr).type).toBeNull();
    expect(s.body.map((c) => c.list.map(exprString))).toEqual([['int', 'string'], ['nil'], []]);
  });

  it('type switch without binding, with init', () => {
    const [s] = stmts(`
	switch y := f(); y.(type) {
	case error:
	}`) as [ast.TypeSwitchStmt];
    expect(s.kind).toBe('TypeSwitchStmt');
    expect(s.init?.kind).toBe('AssignStmt');
    expect(s.assign.kind).toBe('ExprStmt');
  });

  it('expression and tagless switches, fallthrough', () => {
    const [a, b] = stmts(`
	switch x := 3; x {
	case 1, 2:
		fallthrough
	case 3:
	}
	switch {
	case x > 1:
	}`) as [ast.SwitchStmt, ast.SwitchStmt];
    expect(a.kind).toBe('SwitchStmt');
    expect(exprString(a.tag!)).toBe('x');
    expect(a.init?.kind).toBe('AssignStmt');
    expect(a.body[0]!.body[0]).toMatchObject({ kind: 'BranchStmt', tok: 'fallthrough' });
    expect(b.tag).toBeNull();
  });

  it('x.(T) assertions with comma-ok', () => {
    const [s] = stmts('\tv, ok := x.(fmt.Stringer)') as [ast.AssignStmt];
    const ta = s.rhs[0] as ast.TypeAssertExpr;
    expect(ta.kind).toBe('TypeAssertExpr');
    expect(exprString(ta.type!)).toBe('fmt.Stringer');
  });
});

describe('composite literals and blocks', () => {
  it('a bare type name before { in an if header starts the block, not a literal', () => {
    const f = parseFile('package main\n\nfunc main() {\n\tif x == T{} {\n\t}\n}\n');
    expect(f.errors.map((e) => `${e.pos.line}:${e.pos.col}: ${e.message}`)).toEqual([
      '4:14: syntax error: unexpected { at end of statement',
      '6:1: syntax error: non-declaration statement outside function body',
    ]);
  });

  it('a parenthesized literal is fine in a header', () => {
    const [s] = stmts('\tif x == (T{}) {\n\t}') as [ast.IfStmt];
    const cond = s.cond as ast.BinaryExpr;
    expect(cond.y.kind).toBe('ParenExpr');
    expect((cond.y as ast.ParenExpr).x.kind).toBe('CompositeLit');
  });

  it('literals of explicit composite types are fine in headers', () => {
    const [s] = stmts('\tfor _, v := range []int{1, 2} {\n\t\t_ = v\n\t}') as [ast.RangeStmt];
    expect(s.x.kind).toBe('CompositeLit');
  });

  it('elided element types and keys', () => {
    const [s] = stmts('\tm := map[string][]Point{"a": {{1, 2}, {X: 3}}}') as [ast.AssignStmt];
    const lit = s.rhs[0] as ast.CompositeLit;
    const kv = lit.elts[0] as ast.KeyValueExpr;
    const inner = kv.value as ast.CompositeLit;
    expect(inner.type).toBeNull();
    expect(inner.elts.map((e) => (e as ast.CompositeLit).type)).toEqual([null, null]);
    expect((inner.elts[1] as ast.CompositeLit).elts[0]!.kind).toBe('KeyValueExpr');
  });

  it('slices with two and three indices, arrays with [...]', () => {
    const [a, b] = stmts('\tx := [...]int{1, 2, 3}\n\ty := x[1:2:3][:1]') as [ast.AssignStmt, ast.AssignStmt];
    expect(((a.rhs[0] as ast.CompositeLit).type as ast.ArrayType).len!.kind).toBe('Ellipsis');
    const outer = b.rhs[0] as ast.SliceExpr;
    expect(outer.low).toBeNull();
    expect(outer.slice3).toBe(false);
    expect((outer.x as ast.SliceExpr).slice3).toBe(true);
  });

  it('func literals called immediately, variadic calls', () => {
    const [g, c] = stmts('\tgo func(n int) {\n\t\tfmt.Println(n)\n\t}(i)\n\tf(xs...)') as [ast.GoStmt, ast.ExprStmt];
    expect(g.call.fun.kind).toBe('FuncLit');
    expect((c.x as ast.CallExpr).ellipsis).not.toBeNull();
  });
});

describe('declarations', () => {
  it('records iota on each const spec and leaves repetition to the checker', () => {
    const f = parseOK(`package main

const (
	A = iota
	B
	_
	C, D = iota * 10, iota
	E
)
const F = 1
`);
    const specs = (f.decls[0] as ast.GenDecl).specs as ast.ValueSpec[];
    expect(specs.map((s) => s.iota)).toEqual([0, 1, 2, 3, 4]);
    expect(specs.map((s) => s.values.length)).toEqual([1, 0, 0, 2, 0]);
    expect(((f.decls[1] as ast.GenDecl).specs[0] as ast.ValueSpec).iota).toBe(0);
  });

  it('type declarations, aliases, structs with embedded fields and tags, interfaces', () => {
    const f = parseOK(`package main

type (
	ID = int
	Counter struct {
		sync.Mutex
		*Inner
		n, m int \`json:"n"\`
	}
	Shape interface {
		Area() float64
		fmt.Stringer
	}
)
`);
    const specs = (f.decls[0] as ast.GenDecl).specs as ast.TypeSpec[];
    expect(specs.map((s) => s.assign)).toEqual([true, false, false]);
    const fields = (specs[1]!.type as ast.StructType).fields.list;
    expect(fields.map((x) => x.names.map((n) => n.name))).toEqual([[], [], ['n', 'm']]);
    expect(fields[1]!.type.kind).toBe('StarExpr');
    expect(fields[2]!.tag!.raw).toBe('`json:"n"`');
    const methods = (specs[2]!.type as ast.InterfaceType).methods.list;
    expect(methods[0]!.names[0]!.name).toBe('Area');
    expect(methods[0]!.type.kind).toBe('FuncType');
    expect(methods[1]!.names).toEqual([]);
  });

  it('methods, grouped parameters and named results', () => {
    const f = parseOK('package main\n\nfunc (c *Counter) Add(a, b int, s ...string) (n int, err error) { return }\n');
    const d = f.decls[0] as ast.FuncDecl;
    expect(exprString(d.recv!.list[0]!.type)).toBe('*Counter');
    expect(d.type.params.list.map((p) => p.names.map((n) => n.name))).toEqual([['a', 'b'], ['s']]);
    expect(d.type.params.list[1]!.type.kind).toBe('Ellipsis');
    expect(d.type.results!.list.map((p) => p.names[0]!.name)).toEqual(['n', 'err']);
  });

  it('library-style generic declarations without bodies', () => {
    const f = parseOK(`package slices

func Contains[S ~[]E, E comparable](s S, v E) bool
func Max[S ~[]E, E cmp.Ordered](x S) E
func Sum[T int | float64 | ~string](xs ...T) T
func (m *Mutex) Lock()
`);
    const c = f.decls[0] as ast.FuncDecl;
    expect(c.body).toBeNull();
    const tps = c.type.typeParams!.list;
    expect(tps.map((t) => t.names.map((n) => n.name))).toEqual([['S'], ['E']]);
    expect(tps[0]!.type).toMatchObject({ kind: 'UnaryExpr', op: '~' });
    expect(exprString(tps[1]!.type)).toBe('comparable');
    const sum = f.decls[2] as ast.FuncDecl;
    expect(exprString(sum.type.typeParams!.list[0]!.type)).toBe('int | float64 | ~string');
    expect((f.decls[3] as ast.FuncDecl).recv).not.toBeNull();
  });

  it('generic type declarations keep their type parameters; [N]T stays an array', () => {
    const f = parseOK(`package main

type Pair[K comparable, V any] struct{ Key K; Val V }
type List[T any] []T
type Num interface{ ~int | ~float64 }
type A [N]int
type B [N * 2]int
type P[T *int] struct{}
`);
    const specs = f.decls.map((d) => (d as ast.GenDecl).specs[0] as ast.TypeSpec);
    expect(specs[0]!.typeParams!.list.map((p) => [p.names.map((n) => n.name), exprString(p.type)])).toEqual([
      [['K'], 'comparable'],
      [['V'], 'any'],
    ]);
    expect(specs[1]!.typeParams!.list[0]!.names[0]!.name).toBe('T');
    expect(specs[1]!.type.kind).toBe('ArrayType');
    expect(specs[2]!.typeParams).toBeNull();
    expect(specs.slice(3).map((s) => [s.typeParams, exprString((s.type as ast.ArrayType).len!)])).toEqual([
      [null, 'N'],
      [null, 'N * 2'],
      // as in Go, [T *int] is an array length T*int unless written [T interface{*int}]
      [null, 'T * int'],
    ]);
  });

  it('explicit instantiation is an IndexExpr or IndexListExpr', () => {
    const [a, b] = stmts('\tf := slices.Max[[]int]\n\tg := Map[int, string]') as [ast.AssignStmt, ast.AssignStmt];
    expect(a.rhs[0]!.kind).toBe('IndexExpr');
    expect(b.rhs[0]!.kind).toBe('IndexListExpr');
    expect((b.rhs[0] as ast.IndexListExpr).indices.map(exprString)).toEqual(['int', 'string']);
  });
});

describe('robustness', () => {
  it('deep nesting is reported, not a stack overflow', () => {
    const src = 'package main\n\nvar x = ' + '('.repeat(100000) + '1' + ')'.repeat(100000) + '\n';
    const { errors } = parseFile(src);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('an empty file and binary garbage do not throw', () => {
    expect(parseFile('').errors.length).toBe(1);
    expect(() => parseFile('\u0000\uffff\ud800 package')).not.toThrow();
  });
});
