// Which methods fmt may call on a value: error's Error, Stringer's String and GoStringer's
// GoString, found in the value's method set (promoted through embedded fields too) with the
// exact `func() string` shape Go's interface checks require.
import type { Func, Type } from '../../types/types.ts';

export function isPtrRecv(m: Func): boolean {
  const r = m.type.recv;
  return r !== null && r.type.tag === 'Pointer';
}

function isStringMethod(m: Func): boolean {
  const sig = m.type;
  if (sig.params.vars.length !== 0 || sig.results.vars.length !== 1) return false;
  const r = sig.results.vars[0].type;
  return r.tag === 'Basic' && r.kind === 'string';
}

function lookup(t: Type, addressable: boolean, name: string, depth: number): Func | null {
  if (depth > 6) return null;
  let u = t;
  if (t.tag === 'Named') {
    for (const m of t.methods) if (m.name === name) return addressable || !isPtrRecv(m) ? m : null;
    u = t.underlying;
  }
  if (u.tag === 'Interface') {
    const ms = u.allMethods.length > 0 ? u.allMethods : u.methods;
    return ms.find((m) => m.name === name) ?? null;
  }
  if (u.tag === 'Struct') {
    for (const f of u.fields) {
      if (!f.embedded) continue;
      const ft = f.type;
      const m = ft.tag === 'Pointer' ? lookup(ft.elem, true, name, depth + 1) : lookup(ft, addressable, name, depth + 1);
      if (m) return m;
    }
  }
  return null;
}

/** The method `name() string` in t's method set, if any (how fmt spots error and Stringer). */
export function stringMethod(t: Type, name: string): Func | null {
  const m = t.tag === 'Pointer' ? lookup(t.elem, true, name, 0) : lookup(t, false, name, 0);
  return m && isStringMethod(m) ? m : null;
}

/** Types that can never have methods: fmt skips the method lookup for them. */
export function mayHaveMethods(t: Type): boolean {
  if (t.tag === 'Named') return true;
  if (t.tag === 'Pointer') return t.elem.tag === 'Named' || t.elem.tag === 'Struct';
  if (t.tag === 'Struct') return t.fields.some((f) => f.embedded);
  return false;
}
