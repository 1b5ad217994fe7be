// Which concurrency constructs a program uses, read from its checked syntax tree. Exercises
// ask for some ("use a select") and forbid others ("no time.Sleep to wait"); deciding that on
// the tree, with every identifier resolved, means a comment, a string or a variable that
// happens to be called `sync` never counts, and an aliased import still does.
import type * as ast from '../syntax/ast.ts';
import { walk } from '../syntax/walk.ts';
import type { Info } from '../types/types.ts';
import { under } from '../types/predicates.ts';

export const constructNames = [
  'go',
  'channel',
  'buffered-channel',
  'select',
  'close',
  'mutex',
  'waitgroup',
  'once',
  'atomic',
  'context',
  'sleep',
] as const;
export type Construct = (typeof constructNames)[number];

/** How a construct is named in a sentence a learner reads. */
export const constructPhrases: Record<Construct, string> = {
  go: 'a go statement',
  channel: 'a channel made with make(chan T)',
  'buffered-channel': 'a buffered channel, make(chan T, n) with n > 0',
  select: 'a select statement',
  close: 'close(ch)',
  mutex: 'sync.Mutex or sync.RWMutex',
  waitgroup: 'sync.WaitGroup',
  once: 'sync.Once',
  atomic: 'the sync/atomic package',
  context: 'the context package',
  sleep: 'time.Sleep',
};

/** Where each construct the program uses first appears. */
export type ConstructUses = Map<Construct, ast.Pos>;

export function isConstruct(name: string): name is Construct {
  return (constructNames as readonly string[]).includes(name);
}

/** The package path a selector like `sync.Mutex` goes through, or null when x is not a package. */
function packageOf(x: ast.Expr, info: Info): string | null {
  if (x.kind !== 'Ident') return null;
  const obj = info.uses.get(x.id);
  return obj?.tag === 'PkgName' ? obj.path : null;
}

function builtinCalled(call: ast.CallExpr, info: Info): string | null {
  let f: ast.Expr = call.fun;
  while (f.kind === 'ParenExpr') f = f.x;
  if (f.kind !== 'Ident') return null;
  const obj = info.uses.get(f.id);
  return obj?.tag === 'Builtin' ? obj.name : null;
}

/** make(chan T, n): buffered unless n is the constant 0. */
function madeChannel(call: ast.CallExpr, info: Info): 'channel' | 'buffered' | null {
  if (builtinCalled(call, info) !== 'make' || call.args.length === 0) return null;
  const t = info.types.get(call.args[0]!.id)?.type;
  if (t === undefined || under(t).tag !== 'Chan') return null;
  if (call.args.length < 2) return 'channel';
  const size = info.types.get(call.args[1]!.id)?.value;
  return size?.kind === 'int' && size.value === 0n ? 'channel' : 'buffered';
}

const syncTypes: Record<string, Construct> = { Mutex: 'mutex', RWMutex: 'mutex', WaitGroup: 'waitgroup', Once: 'once' };

export function findConstructs(file: ast.File, info: Info): ConstructUses {
  const found: ConstructUses = new Map();
  const note = (c: Construct, pos: ast.Pos): void => {
    if (!found.has(c)) found.set(c, pos);
  };
  walk(file, (n) => {
    switch (n.kind) {
      case 'GoStmt':
        note('go', n.pos);
        break;
      case 'SelectStmt':
        note('select', n.pos);
        break;
      case 'CallExpr': {
        if (builtinCalled(n, info) === 'close') note('close', n.pos);
        const made = madeChannel(n, info);
        if (made !== null) note('channel', n.pos);
        if (made === 'buffered') note('buffered-channel', n.pos);
        break;
      }
      case 'SelectorExpr': {
        const pkg = packageOf(n.x, info);
        if (pkg === 'sync') {
          const c = syncTypes[n.sel.name];
          if (c) note(c, n.pos);
        } else if (pkg === 'sync/atomic') note('atomic', n.pos);
        else if (pkg === 'context') note('context', n.pos);
        else if (pkg === 'time' && n.sel.name === 'Sleep') note('sleep', n.pos);
        break;
      }
    }
  });
  return found;
}
