// Composite literals (`T{...}`): structs (keyed or positional), arrays (`[...]T`), slices and
// maps, with elided inner types taken from the enclosing literal.
import type * as ast from '../syntax/ast.ts';
import { GoArray, Pointer, type Type } from './types.ts';
import { Typ } from './universe.ts';
import type { Checker } from './check.ts';
import { under, isValid, isExported } from './predicates.ts';
import { constString } from './constants.ts';
import { invalid, type Operand } from './operand.ts';
import { assignment } from './assign.ts';
import { expr } from './expr.ts';
import { typExpr } from './typexpr.ts';
import { exprString } from './typestring.ts';

export function compositeLit(c: Checker, e: ast.CompositeLit, hint: Type | null): Operand {
  let typ: Type;
  let base: Type;
  if (e.type) {
    if (e.type.kind === 'ArrayType' && e.type.len && e.type.len.kind === 'Ellipsis') {
      // [...]T: the length is the literal's.
      const elem = typExpr(c, e.type.elt);
      const n = elements(c, e.elts, elem, -1);
      typ = new GoArray(elem, n);
      c.record(e.type, { mode: 'typexpr', type: typ });
      return { mode: 'value', type: typ, expr: e };
    }
    typ = typExpr(c, e.type);
    base = typ;
  } else if (hint) {
    typ = hint;
    base = typ;
    // An elided &T: `[]*T{{...}}` builds a *T; the literal's recorded type is the pointer.
    const u = under(base);
    if (u.tag === 'Pointer') base = u.elem;
  } else {
    c.error(e.pos, 'invalid composite literal type: missing type');
    for (const el of e.elts) if (el.kind !== 'KeyValueExpr') expr(c, el);
    return invalid(e);
  }
  if (!isValid(typ)) {
    for (const el of e.elts) expr(c, el.kind === 'KeyValueExpr' ? el.value : el);
    return invalid(e);
  }
  const u = under(base);
  switch (u.tag) {
    case 'Struct': {
      if (e.elts.length === 0) break;
      const keyed = e.elts[0]!.kind === 'KeyValueExpr';
      const tname = c.typeStr(base);
      if (keyed) {
        const seen = new Set<string>();
        for (const el of e.elts) {
          if (el.kind !== 'KeyValueExpr') {
            c.error(el.pos, 'mixture of field:value and value elements in struct literal');
            expr(c, el);
            continue;
          }
          const key = el.key;
          if (key.kind !== 'Ident') {
            c.error(key.pos, `invalid field name ${exprString(key)} in struct literal`);
            expr(c, el.value);
            continue;
          }
          const i = u.fields.findIndex((f) => f.name === key.name);
          if (i < 0) {
            c.error(key.pos, `unknown field ${key.name} in struct literal of type ${tname}`);
            expr(c, el.value);
            continue;
          }
          const f = u.fields[i]!;
          if (f.pkg !== c.pkg && !isExported(f.name)) {
            c.error(key.pos, `cannot refer to unexported field ${key.name} in struct literal of type ${tname}`);
            expr(c, el.value);
            continue;
          }
          if (seen.has(key.name)) c.error(key.pos, `duplicate field name ${key.name} in struct literal`);
          seen.add(key.name);
          const x = expr(c, el.value, f.type);
          assignment(c, x, f.type, 'struct literal');
        }
      } else {
        let i = 0;
        for (const el of e.elts) {
          if (el.kind === 'KeyValueExpr') {
            c.error(el.pos, 'mixture of field:value and value elements in struct literal');
            expr(c, el.value);
            continue;
          }
          const f = u.fields[i];
          if (!f) {
            expr(c, el);
            c.error(el.pos, `too many values in struct literal of type ${tname}`);
            break;
          }
          const x = expr(c, el, f.type);
          if (f.pkg !== c.pkg && !isExported(f.name)) {
            c.error(el.pos, `implicit assignment to unexported field ${f.name} in struct literal of type ${tname}`);
          } else assignment(c, x, f.type, 'struct literal');
          i++;
        }
        if (i < u.fields.length && i === e.elts.length) {
          c.error({ ...e.end, col: e.end.col - 1, offset: e.end.offset - 1 }, `too few values in struct literal of type ${tname}`);
        }
      }
      break;
    }
    case 'Array': elements(c, e.elts, u.elem, u.len); break;
    case 'Slice': elements(c, e.elts, u.elem, -1); break;
    case 'Map': {
      const keys = new Set<string>();
      for (const el of e.elts) {
        if (el.kind !== 'KeyValueExpr') {
          c.error(el.pos, 'missing key in map literal');
          expr(c, el);
          continue;
        }
        const k = expr(c, el.key, u.key);
        if (assignment(c, k, u.key, 'map literal') && k.mode === 'constant' && k.value) {
          const s = constString(k.value) + '|' + c.typeStr(k.type);
          if (keys.has(s)) c.error(el.key.pos, `duplicate key ${exprString(el.key)} in map literal`);
          keys.add(s);
        }
        const v = expr(c, el.value, u.elem);
        assignment(c, v, u.elem, 'map literal');
      }
      break;
    }
    default:
      for (const el of e.elts) expr(c, el.kind === 'KeyValueExpr' ? el.value : el);
      c.error(e.pos, `invalid composite literal type ${c.typeStr(typ)}`);
      return invalid(e);
  }
  return { mode: 'value', type: typ, expr: e };
}

/** Array/slice elements (optionally `index: value`); returns the literal's length. */
function elements(c: Checker, elts: ast.Expr[], elem: Type, length: number): number {
  let idx = 0;
  let max = 0;
  const seen = new Set<number>();
  for (const el of elts) {
    let ve = el;
    if (el.kind === 'KeyValueExpr') {
      const k = expr(c, el.key);
      if (k.mode === 'constant' && k.value && k.value.kind === 'int') {
        idx = Number(k.value.value);
        if (idx < 0) c.error(el.key.pos, `index ${exprString(el.key)} must be non-negative integer constant`);
      } else if (k.mode !== 'invalid') c.error(el.key.pos, `index ${exprString(el.key)} must be integer constant`);
      if (k.mode !== 'invalid') c.record(el.key, { mode: 'constant', type: Typ.int, value: k.value! });
      ve = el.value;
    }
    if (length >= 0 && idx >= length) {
      c.error(ve.pos, `index ${idx} is out of bounds (>= ${length})`);
    } else if (seen.has(idx)) c.error(el.pos, `duplicate index ${idx} in array or slice literal`);
    seen.add(idx);
    const x = expr(c, ve, elem);
    assignment(c, x, elem, 'array or slice literal');
    idx++;
    if (idx > max) max = idx;
  }
  return max;
}

