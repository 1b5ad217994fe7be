// A type's name as Go's reflect prints it (%T, %#v, the `%!d(string=...)` error forms), which
// differs from source syntax: byte is uint8, any is `interface {}`, struct fields use `; `.
import type { Type, Tuple } from '../../types/types.ts';

function tupleList(t: Tuple, variadic: boolean): string {
  return t.vars.map((v, i) => {
    if (variadic && i === t.vars.length - 1 && v.type.tag === 'Slice') return '...' + typeString(v.type.elem);
    return typeString(v.type);
  }).join(', ');
}

export function typeString(t: Type): string {
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
    case 'Named':
      return t.pkg === '' ? t.name : t.pkg.slice(t.pkg.lastIndexOf('/') + 1) + '.' + t.name;
    case 'Pointer': return '*' + typeString(t.elem);
    case 'Slice': return '[]' + typeString(t.elem);
    case 'Array': return '[' + t.len + ']' + typeString(t.elem);
    case 'Map': return 'map[' + typeString(t.key) + ']' + typeString(t.elem);
    case 'Chan': {
      if (t.dir === 'recv') return '<-chan ' + typeString(t.elem);
      if (t.dir === 'send') return 'chan<- ' + typeString(t.elem);
      const inner = typeString(t.elem);
      return t.elem.tag === 'Chan' && t.elem.dir === 'recv' ? 'chan (' + inner + ')' : 'chan ' + inner;
    }
    case 'Struct':
      if (t.fields.length === 0) return 'struct {}';
      return 'struct { ' + t.fields.map((f) => (f.embedded ? typeString(f.type) : f.name + ' ' + typeString(f.type))).join('; ') + ' }';
    case 'Signature': {
      let s = 'func(' + tupleList(t.params, t.variadic) + ')';
      const rs = t.results.vars;
      if (rs.length === 1) s += ' ' + typeString(rs[0].type);
      else if (rs.length > 1) s += ' (' + tupleList(t.results, false) + ')';
      return s;
    }
    case 'Interface': {
      const ms = t.allMethods.length > 0 ? t.allMethods : t.methods;
      if (ms.length === 0 && t.embeddeds.length === 0) return 'interface {}';
      return 'interface { ' + ms.map((m) => m.name + typeString(m.type).slice(4)).join('; ') + ' }';
    }
    case 'Tuple': return '(' + tupleList(t, false) + ')';
    case 'TypeParam': return t.name;
  }
}
