// The print/println builtins (to stderr, numbers as Go 1.26's runtime prints them) and the text of
// a panic value as Go's runtime prints it in a crash (`panic: ...`).
import type { Type } from '../types/types.ts';
import type { Iface } from './values.ts';
import { under } from '../types/predicates.ts';
import { typeString } from '../types/typestring.ts';
import type { Program } from './program.ts';
import { formatFloat } from './floats.ts';

function printValue(t: Type, v: unknown): string {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      switch (u.kind) {
        case 'bool': case 'untyped bool': return v ? 'true' : 'false';
        case 'string': case 'untyped string': return v as string;
        case 'float32': return floatV(v as number, 32);
        case 'float64': case 'untyped float': return floatV(v as number, 64);
        case 'complex64': return `(${complexV(v as Complex, 32)})`;
        case 'complex128': case 'untyped complex': return `(${complexV(v as Complex, 64)})`;
        case 'untyped nil': return 'nil';
        default: return String(v);
      }
    case 'Interface': return v === null ? '(0x0,0x0)' : '(0x4a0000,0xc000012000)';
    case 'Pointer': case 'Chan': case 'Map': case 'Signature': return v === null ? '0x0' : '0xc000012000';
    case 'Slice': return v === null ? '[0/0]0x0' : `[${(v as { len: number }).len}/${(v as { cap: number }).cap}]0xc000012000`;
    default: return '?';
  }
}

export function writePrint(prog: Program, types: Type[], vals: unknown[], ln: boolean): void {
  let out = '';
  for (let i = 0; i < vals.length; i++) {
    if (ln && i > 0) out += ' ';
    out += printValue(types[i]!, vals[i]);
  }
  if (ln) out += '\n';
  prog.write(2, out);
}

/**
 * The panic value as `panic: X` shows it, when it has no Error/String method: plain for basic
 * kinds, `main.T(5)` for named basic types, an address otherwise.
 */
export function panicValueText(v: Iface): string {
  const t = v.t;
  const u = under(t);
  if (u.tag === 'Basic') {
    let s: string;
    switch (u.kind) {
      case 'string': s = v.v as string; break;
      case 'float32': s = floatV(v.v as number, 32); break;
      case 'float64': s = floatV(v.v as number, 64); break;
      // Go prints a named complex without the inner parentheses: main.C(1+2i).
      case 'complex64': s = complexV(v.v as Complex, 32); if (t.tag !== 'Named') s = `(${s})`; break;
      case 'complex128': s = complexV(v.v as Complex, 64); if (t.tag !== 'Named') s = `(${s})`; break;
      case 'bool': s = v.v ? 'true' : 'false'; break;
      default: s = String(v.v);
    }
    if (u.kind === 'string') s = s.replace(/\n/g, '\n\t');
    if (t.tag === 'Named') return u.kind === 'string' ? `${typeString(t)}("${s}")` : `${typeString(t)}(${s})`;
    return s;
  }
  return `(${typeString(t)}) 0xc000012000`;
}

type Complex = { re: number; im: number };

/**
 * A float as Go 1.26 prints it in println and in a panic value: fmt's %v (shortest digits, an
 * exponent from 1e+06 on or below 1e-04), at the value's own precision.
 */
function floatV(x: number, bits: 32 | 64): string {
  return formatFloat(x, 'g', -1, bits);
}

/** A complex without its parentheses: `1.5-2i`, `NaN+Infi`; the imaginary part always signed. */
function complexV(c: Complex, bits: 32 | 64): string {
  const im = floatV(c.im, bits);
  return `${floatV(c.re, bits)}${im.startsWith('-') || im.startsWith('+') ? '' : '+'}${im}i`;
}
