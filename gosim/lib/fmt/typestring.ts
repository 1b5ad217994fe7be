// A type's name as Go's reflect prints it (%T, %#v, the `%!d(string=...)` error forms), which
// differs from source syntax: byte is uint8, any is `interface {}`, struct fields use `; `.
import type { Type, Tuple } from '../../types/types.ts';

function tupleList(t: Tuple, variadic: boolean, full: boolean): string {
  return t.vars.map((v, i) => {
    if (variadic && i === t.vars.length - 1 && v.type.tag === 'Slice') return '...' + typeString(v.type.elem, full);
    return typeString(v.type, full);
  }).join(', ');
}

/**
 * `full` is set inside an instance's type arguments, where Go's runtime names packages by their
 * whole import path (`atomic.Pointer[math/rand.Rand]`).
 */
export function typeString(t: Type, full = false): string {
  switch (t.tag) {
    case 'Basic':
      switch (t.kind) {
        case 'untyped nil': return 'nil';
        case 'untyped int': return 'int';
        case 'untyped rune': return 'int32';
        case 'untyped float': return 'float64';
        case 'untyped complex': return 'complex128';
        case 'untyped string': return 'string';
        case 'untyped bool': return 'bool';
        default: return t.kind;
      }
    case 'Named': {
      const name = t.pkg === '' ? t.name : (full ? t.pkg : t.pkg.slice(t.pkg.lastIndexOf('/') + 1)) + '.' + t.name;
      // The runtime's name of an instance lists its type arguments with no space after commas.
      return t.typeArgs.length === 0 ? name : name + '[' + t.typeArgs.map((a) => typeString(a, true)).join(',') + ']';
    }
    case 'Pointer': return '*' + typeString(t.elem, full);
    case 'Slice': return '[]' + typeString(t.elem, full);
    case 'Array': return '[' + t.len + ']' + typeString(t.elem, full);
    case 'Map': return 'map[' + typeString(t.key, full) + ']' + typeString(t.elem, full);
    case 'Chan': {
      if (t.dir === 'recv') return '<-chan ' + typeString(t.elem, full);
      if (t.dir === 'send') return 'chan<- ' + typeString(t.elem, full);
      const inner = typeString(t.elem, full);
      return t.elem.tag === 'Chan' && t.elem.dir === 'recv' ? 'chan (' + inner + ')' : 'chan ' + inner;
    }
    case 'Struct':
      if (t.fields.length === 0) return 'struct {}';
      return 'struct { ' + t.fields.map((f) => (f.embedded ? typeString(f.type, full) : f.name + ' ' + typeString(f.type, full))).join('; ') + ' }';
    case 'Signature': {
      let s = 'func(' + tupleList(t.params, t.variadic, full) + ')';
      const rs = t.results.vars;
      if (rs.length === 1) s += ' ' + typeString(rs[0].type, full);
      else if (rs.length > 1) s += ' (' + tupleList(t.results, false, full) + ')';
      return s;
    }
    case 'Interface': {
      const ms = t.allMethods.length > 0 ? t.allMethods : t.methods;
      if (ms.length === 0 && t.embeddeds.length === 0) return 'interface {}';
      return 'interface { ' + ms.map((m) => m.name + typeString(m.type, full).slice(4)).join('; ') + ' }';
    }
    case 'Tuple': return '(' + tupleList(t, false, full) + ')';
    case 'TypeParam': return t.name;
  }
}
