// The print/println builtins (to stderr, in the runtime's own number format) and the text of
// a panic value as Go's runtime prints it in a crash (`panic: ...`).
import type { Type } from '../types/types.ts';
import type { Iface } from '../values.ts';
import { under } from '../types/predicates.ts';
import { typeString } from '../types/typestring.ts';
import type { Program } from './program.ts';

/** print's float format: +1.500000e+000. */
export function printFloat(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const s = x.toExponential(6);
  const [m, ex] = s.split('e') as [string, string];
  const sign = ex[0] === '-' ? '-' : '+';
  const digits = ex.replace(/^[+-]/, '').padStart(3, '0');
  return (x < 0 || Object.is(x, -0) ? '' : '+') + m + 'e' + sign + digits;
}

function printValue(t: Type, v: unknown): string {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      switch (u.kind) {
        case 'bool': case 'untyped bool': return v ? 'true' : 'false';
        case 'string': case 'untyped string': return v as string;
        case 'float32': case 'float64': case 'untyped float': return shortFloat(v as number);
        case 'complex64': case 'complex128': { const c = v as { re: number; im: number }; const im = shortFloat(c.im); return `(${shortFloat(c.re)}${im.startsWith('-') || im.startsWith('+') ? '' : '+'}${im}i)`; }
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
      case 'float32': case 'float64': s = shortFloat(v.v as number); break;
      case 'complex64': case 'complex128': { const c = v.v as { re: number; im: number }; const im = shortFloat(c.im); s = `(${shortFloat(c.re)}${im.startsWith('-') || im.startsWith('+') ? '' : '+'}${im}i)`; break; }
      case 'bool': s = v.v ? 'true' : 'false'; break;
      default: s = String(v.v);
    }
    if (u.kind === 'string') s = s.replace(/\n/g, '\n\t');
    if (t.tag === 'Named') return u.kind === 'string' ? `${typeString(t)}("${s}")` : `${typeString(t)}(${s})`;
    return s;
  }
  return `(${typeString(t)}) 0xc000012000`;
}

/** Go's %v for a float64: shortest representation, exponent with at least two digits. */
export function shortFloat(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e21)) {
    const [m, e] = x.toExponential().split('e') as [string, string];
    const sign = e[0] === '-' ? '-' : '+';
    return `${m}e${sign}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return Object.is(x, -0) ? '-0' : String(x);
}
