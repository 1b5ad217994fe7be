// Relations between types (go/types' predicates.go, lookup.go, methodset): identity,
// assignability, convertibility, comparability, field and method lookup, and the method sets
// that decide interface satisfaction.
import { Func, Interface, Named, Pointer, Signature, Struct, type BasicKind, type Type } from './types.ts';
import { Typ, comparableType, runeType } from './universe.ts';

export function under(t: Type): Type {
  let u = t;
  for (let i = 0; u.tag === 'Named' && i < 100; i++) u = u.underlying;
  return u;
}

function basicKind(t: Type): BasicKind | null {
  const u = under(t);
  return u.tag === 'Basic' ? u.kind : null;
}

const intKinds = new Set<BasicKind>(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'untyped int', 'untyped rune']);
const unsignedKinds = new Set<BasicKind>(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);
const floatKinds = new Set<BasicKind>(['float32', 'float64', 'untyped float']);
const complexKinds = new Set<BasicKind>(['complex64', 'complex128', 'untyped complex']);

export const isInteger = (t: Type) => { const k = basicKind(t); return k !== null && intKinds.has(k); };
export const isUnsigned = (t: Type) => { const k = basicKind(t); return k !== null && unsignedKinds.has(k); };
export const isFloat = (t: Type) => { const k = basicKind(t); return k !== null && floatKinds.has(k); };
export const isComplex = (t: Type) => { const k = basicKind(t); return k !== null && complexKinds.has(k); };
export const isNumeric = (t: Type) => isInteger(t) || isFloat(t) || isComplex(t);
export const isString = (t: Type) => { const k = basicKind(t); return k === 'string' || k === 'untyped string'; };
export const isBoolean = (t: Type) => { const k = basicKind(t); return k === 'bool' || k === 'untyped bool'; };
export const isUntyped = (t: Type) => t.tag === 'Basic' && t.kind.startsWith('untyped');
export const isTyped = (t: Type) => !isUntyped(t);
export const isOrdered = (t: Type) => isInteger(t) || isFloat(t) || isString(t);
export const isConstType = (t: Type) => { const u = under(t); return u.tag === 'Basic' && u.kind !== 'unsafe.Pointer' && u.kind !== 'untyped nil' && u.kind !== 'invalid'; };
export const isInterface = (t: Type) => under(t).tag === 'Interface' && t.tag !== 'TypeParam';
export const isValid = (t: Type) => !(t.tag === 'Basic' && t.kind === 'invalid');
export const isPointer = (t: Type) => under(t).tag === 'Pointer';
export const hasNil = (t: Type) => {
  const u = under(t);
  return u.tag === 'Pointer' || u.tag === 'Slice' || u.tag === 'Map' || u.tag === 'Chan' || u.tag === 'Signature' || u.tag === 'Interface' || (u.tag === 'Basic' && u.kind === 'unsafe.Pointer');
};

/** Size in bits of a sized integer or float kind; int/uint/uintptr are 64-bit. */
export function bitSize(k: BasicKind): number {
  switch (k) {
    case 'int8': case 'uint8': return 8;
    case 'int16': case 'uint16': return 16;
    case 'int32': case 'uint32': case 'float32': return 32;
    default: return 64;
  }
}

export function identical(a: Type, b: Type): boolean {
  return ident(a, b, []);
}

function ident(a: Type, b: Type, seen: [Type, Type][]): boolean {
  if (a === b) return true;
  if (a.tag !== b.tag) return false;
  switch (a.tag) {
    case 'Basic': return a.kind === (b as typeof a).kind;
    case 'Pointer': case 'Slice': return ident(a.elem, (b as typeof a).elem, seen);
    case 'Array': { const y = b as typeof a; return a.len === y.len && ident(a.elem, y.elem, seen); }
    case 'Map': { const y = b as typeof a; return ident(a.key, y.key, seen) && ident(a.elem, y.elem, seen); }
    case 'Chan': { const y = b as typeof a; return a.dir === y.dir && ident(a.elem, y.elem, seen); }
    case 'Struct': {
      const y = b as typeof a;
      if (a.fields.length !== y.fields.length) return false;
      return a.fields.every((f, i) => {
        const g = y.fields[i]!;
        return f.name === g.name && f.embedded === g.embedded && (isExported(f.name) || f.pkg === g.pkg) && ident(f.type, g.type, seen);
      });
    }
    case 'Signature': {
      const y = b as typeof a;
      return a.variadic === y.variadic && tupleIdent(a.params.vars.map((v) => v.type), y.params.vars.map((v) => v.type), seen)
        && tupleIdent(a.results.vars.map((v) => v.type), y.results.vars.map((v) => v.type), seen);
    }
    case 'Tuple': {
      const y = b as typeof a;
      return tupleIdent(a.vars.map((v) => v.type), y.vars.map((v) => v.type), seen);
    }
    case 'Interface': {
      const y = b as typeof a;
      if (seen.some(([p, q]) => (p === a && q === y) || (p === y && q === a))) return true;
      const ma = a.allMethods, mb = y.allMethods;
      if (ma.length !== mb.length) return false;
      const s2: [Type, Type][] = [...seen, [a, y]];
      return ma.every((m, i) => m.name === mb[i]!.name && ident(m.type, mb[i]!.type, s2));
    }
    case 'Named': {
      // Instances of one generic type with identical arguments are identical.
      const y = b as typeof a;
      return a.orig !== null && a.orig === y.orig && tupleIdent([...a.typeArgs], [...y.typeArgs], seen);
    }
    case 'TypeParam': return false;
  }
}

function tupleIdent(a: Type[], b: Type[], seen: [Type, Type][]): boolean {
  return a.length === b.length && a.every((t, i) => ident(t, b[i]!, seen));
}

export function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Whether values of t can be compared with == (spec "Comparison operators"). */
export function comparable(t: Type, seen = new Set<Type>()): boolean {
  if (seen.has(t)) return true;
  seen.add(t);
  const u = under(t);
  switch (u.tag) {
    case 'Basic': return u.kind !== 'untyped nil';
    case 'Pointer': case 'Chan': case 'Interface': return true;
    case 'Struct': return u.fields.every((f) => comparable(f.type, seen));
    case 'Array': return comparable(u.elem, seen);
    default: return false;
  }
}

// ---------------------------------------------------------------- method sets and lookup

export interface LookupResult {
  kind: 'field' | 'method' | 'none' | 'ambiguous';
  /** Field indices walked through embedded fields (the selected field last for fields). */
  path: number[];
  field?: { name: string; type: Type };
  method?: Func;
  /** A pointer was followed on the way (the receiver base is reached through an embedded pointer or x is a pointer). */
  indirect: boolean;
}

interface Cand { t: Type; path: number[]; indirect: boolean }

/**
 * Find field or method `name` in t (a type, possibly a pointer to a named struct), searching
 * embedded fields breadth-first by depth as the spec's selector rules say.
 */
export function lookupFieldOrMethod(t: Type, addressable: boolean, pkg: string | null, name: string): LookupResult {
  void addressable;
  const none: LookupResult = { kind: 'none', path: [], indirect: false };
  if (name === '_') return none;
  let start = t;
  let indirect0 = false;
  if (t.tag === 'Pointer') {
    const e = t.elem;
    // A pointer to a named type: fields and all methods of the named type. A pointer to an
    // interface has no methods.
    if (e.tag === 'Named' && under(e).tag === 'Interface') return none;
    start = e;
    indirect0 = true;
  } else if (t.tag === 'Named' && under(t).tag === 'Pointer') {
    // A named pointer type has no methods but its base's fields are reachable.
    const base = (under(t) as Pointer).elem;
    const r = lookupFieldOrMethod(base, true, pkg, name);
    return r.kind === 'field' ? { ...r, indirect: true } : none;
  }
  let level: Cand[] = [{ t: start, path: [], indirect: indirect0 }];
  const seenNamed = new Set<Named>();
  while (level.length) {
    const next: Cand[] = [];
    const found: LookupResult[] = [];
    for (const c of level) {
      let typ = c.t;
      if (typ.tag === 'Named') {
        if (seenNamed.has(typ)) continue;
        seenNamed.add(typ);
        const m = typ.methods.find((f) => f.name === name && sameName(f.pkg, pkg, name));
        if (m) { found.push({ kind: 'method', path: c.path, method: m, indirect: c.indirect }); continue; }
        typ = typ.underlying;
      }
      if (typ.tag === 'Struct') {
        typ.fields.forEach((f, i) => {
          if (f.name === name && sameName(f.pkg, pkg, name)) {
            found.push({ kind: 'field', path: [...c.path, i], field: { name: f.name, type: f.type }, indirect: c.indirect });
          }
          if (f.embedded) {
            let ft = f.type, ind = c.indirect;
            if (ft.tag === 'Pointer') { ft = ft.elem; ind = true; }
            next.push({ t: ft, path: [...c.path, i], indirect: ind });
          }
        });
      } else if (typ.tag === 'Interface') {
        const m = typ.allMethods.find((f) => f.name === name && sameName(f.pkg, pkg, name));
        if (m) found.push({ kind: 'method', path: c.path, method: m, indirect: c.indirect });
      }
    }
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return { kind: 'ambiguous', path: [], indirect: false };
    level = next;
  }
  return none;
}

function sameName(objPkg: string | null, pkg: string | null, name: string): boolean {
  // pkg '*' looks through export rules, to tell "unexported" from "missing" in messages.
  return isExported(name) || objPkg === pkg || objPkg === null || pkg === '*';
}

/** Whether method m, found through lookup on a value of type t, needs a pointer receiver that t cannot supply. */
export function pointerRecv(m: Func): boolean {
  const r = m.type.recv;
  return !!r && r.type.tag === 'Pointer';
}

/**
 * The first method of interface `iface` that t lacks, and whether it exists with a pointer
 * receiver (t's method set lacks it only because t is not a pointer), or with a wrong type.
 */
export function missingMethod(t: Type, iface: Interface): { method: Func; pointerOnly: boolean; wrongType: Func | null } | null {
  const isPtr = t.tag === 'Pointer';
  for (const m of iface.allMethods) {
    if (isInterface(t)) {
      const ti = under(t) as Interface;
      const have = ti.allMethods.find((x) => x.name === m.name);
      if (!have) return { method: m, pointerOnly: false, wrongType: null };
      if (!identical(stripRecv(have.type), stripRecv(m.type))) return { method: m, pointerOnly: false, wrongType: have };
      continue;
    }
    const r = lookupFieldOrMethod(t, false, m.pkg, m.name);
    if (r.kind !== 'method' || !r.method) return { method: m, pointerOnly: false, wrongType: null };
    if (!identical(stripRecv(r.method.type), stripRecv(m.type))) return { method: m, pointerOnly: false, wrongType: r.method };
    // Pointer-receiver methods belong to the value's method set only when reached through an
    // embedded pointer.
    if (!isPtr && pointerRecv(r.method) && !r.indirect) return { method: m, pointerOnly: true, wrongType: null };
  }
  return null;
}

export function stripRecv(s: Signature): Signature {
  return s.recv ? new Signature(s.params, s.results, s.variadic, null, s.typeParams) : s;
}

export function implementsIface(t: Type, iface: Interface): boolean {
  return missingMethod(t, iface) === null;
}

export function isComparableConstraint(t: Type): boolean { return t === comparableType; }

export function defaultType(t: Type): Type {
  if (t.tag !== 'Basic') return t;
  switch (t.kind) {
    case 'untyped bool': return Typ.bool;
    case 'untyped int': return Typ.int;
    case 'untyped rune': return runeType;
    case 'untyped float': return Typ.float64;
    case 'untyped complex': return Typ.complex128;
    case 'untyped string': return Typ.string;
    default: return t;
  }
}

