// Exact constant arithmetic (go/constant): integers are bigint and never overflow while
// untyped; floats are float64 (gosim does not model big floats). String constants hold the
// Go string's bytes, one char per byte, as values.ts does.
import type { BasicKind, ConstValue } from './types.ts';
import { floatLitValue, intLitValue, runeLitValue, stringLitValue } from '../literals.ts';

export const intVal = (v: bigint): ConstValue => ({ kind: 'int', value: v });
export const floatVal = (v: number): ConstValue => ({ kind: 'float', value: v });
export const boolVal = (v: boolean): ConstValue => ({ kind: 'bool', value: v });
export const stringVal = (v: string): ConstValue => ({ kind: 'string', value: v });

/** Parse a literal as written (`0x1F`, `1_000`, `'a'`, `"hi\n"`, `` `raw` ``, `1e3`, `2i`); null if malformed. */
export function literalValue(kind: 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING', raw: string): ConstValue | null {
  try {
    switch (kind) {
      case 'INT': return intVal(intLitValue(raw));
      case 'FLOAT': return floatVal(floatLitValue(raw));
      case 'IMAG': {
        const body = raw.slice(0, -1);
        const im = /^[0-9_]+$/.test(body) ? Number(body.replace(/_/g, '')) : floatLitValue(body);
        return { kind: 'complex', re: 0, im };
      }
      case 'CHAR': return intVal(BigInt(runeLitValue(raw)));
      case 'STRING': return stringVal(stringLitValue(raw));
    }
  } catch {
    return null;
  }
}

export function toFloat(v: ConstValue): number {
  switch (v.kind) {
    case 'int': return Number(v.value);
    case 'float': return v.value;
    case 'complex': return v.re;
    default: return NaN;
  }
}

/** The integer value of v if it is exactly integral, else null. */
export function toInt(v: ConstValue): bigint | null {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'float' && Number.isInteger(v.value)) return BigInt(v.value);
  if (v.kind === 'complex' && v.im === 0 && Number.isInteger(v.re)) return BigInt(v.re);
  return null;
}

const ranges: Partial<Record<BasicKind, [bigint, bigint]>> = {
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], int: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n], uint: [0n, 2n ** 64n - 1n], uintptr: [0n, 2n ** 64n - 1n],
};

/**
 * v converted to a constant of basic kind k, or why it cannot be: 'overflows' (an integer out
 * of range, a float too large), 'truncated' (a non-integral value for an integer type) or
 * 'mismatch' (a string for a number, ...).
 */
export function representable(v: ConstValue, k: BasicKind): ConstValue | 'overflows' | 'truncated' | 'mismatch' {
  const r = ranges[k];
  if (r || k === 'untyped int' || k === 'untyped rune') {
    if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'complex') return 'mismatch';
    if (v.kind === 'complex' && v.im !== 0) return 'truncated';
    const i = toInt(v);
    if (i === null) return 'truncated';
    if (r && (i < r[0] || i > r[1])) return 'overflows';
    return intVal(i);
  }
  switch (k) {
    case 'float32': case 'float64': case 'untyped float': {
      if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'complex') return 'mismatch';
      if (v.kind === 'complex' && v.im !== 0) return 'truncated';
      const f = toFloat(v);
      if (!Number.isFinite(f)) return 'overflows';
      if (k === 'float32') {
        const g = Math.fround(f);
        if (!Number.isFinite(g)) return 'overflows';
        return floatVal(g);
      }
      return floatVal(f);
    }
    case 'complex64': case 'complex128': case 'untyped complex':
      if (v.kind === 'complex') return v;
      if (v.kind !== 'int' && v.kind !== 'float') return 'mismatch';
      return { kind: 'complex', re: toFloat(v), im: 0 };
    case 'string': case 'untyped string': return v.kind === 'string' ? v : 'mismatch';
    case 'bool': case 'untyped bool': return v.kind === 'bool' ? v : 'mismatch';
    default: return 'mismatch';
  }
}

type Rank = 0 | 1 | 2;
const rank = (v: ConstValue): Rank => (v.kind === 'int' ? 0 : v.kind === 'float' ? 1 : 2);

/** Binary arithmetic on two numeric (or string for +) constants; integer division if `intDiv`. Null on division by zero. */
export function binaryOp(op: string, x: ConstValue, y: ConstValue, intDiv: boolean): ConstValue | null {
  if (x.kind === 'string' && y.kind === 'string') return op === '+' ? stringVal(x.value + y.value) : null;
  if (x.kind === 'bool' && y.kind === 'bool') {
    if (op === '&&') return boolVal(x.value && y.value);
    if (op === '||') return boolVal(x.value || y.value);
    return null;
  }
  const r = Math.max(rank(x), rank(y));
  if (r === 0 || (intDiv && toInt(x) !== null && toInt(y) !== null && (op === '/' || op === '%'))) {
    const a = toInt(x), b = toInt(y);
    if (a === null || b === null) return null;
    switch (op) {
      case '+': return intVal(a + b);
      case '-': return intVal(a - b);
      case '*': return intVal(a * b);
      case '/': if (b === 0n) return null; return r === 0 || intDiv ? intVal(a / b) : floatVal(Number(a) / Number(b));
      case '%': if (b === 0n) return null; return intVal(a % b);
      case '&': return intVal(a & b);
      case '|': return intVal(a | b);
      case '^': return intVal(a ^ b);
      case '&^': return intVal(a & ~b);
      default: return null;
    }
  }
  if (r === 1) {
    const a = toFloat(x), b = toFloat(y);
    switch (op) {
      case '+': return floatVal(a + b);
      case '-': return floatVal(a - b);
      case '*': return floatVal(a * b);
      case '/': if (b === 0) return null; return floatVal(a / b);
      default: return null;
    }
  }
  const [ar, ai] = x.kind === 'complex' ? [x.re, x.im] : [toFloat(x), 0];
  const [br, bi] = y.kind === 'complex' ? [y.re, y.im] : [toFloat(y), 0];
  switch (op) {
    case '+': return { kind: 'complex', re: ar + br, im: ai + bi };
    case '-': return { kind: 'complex', re: ar - br, im: ai - bi };
    case '*': return { kind: 'complex', re: ar * br - ai * bi, im: ar * bi + ai * br };
    case '/': {
      const d = br * br + bi * bi;
      if (d === 0) return null;
      return { kind: 'complex', re: (ar * br + ai * bi) / d, im: (ai * br - ar * bi) / d };
    }
    default: return null;
  }
}

export function compareConst(op: string, x: ConstValue, y: ConstValue): boolean {
  let c: number;
  if (x.kind === 'string' && y.kind === 'string') c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  else if (x.kind === 'bool' && y.kind === 'bool') c = x.value === y.value ? 0 : 1;
  else if (x.kind === 'int' && y.kind === 'int') c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  else if (x.kind === 'complex' || y.kind === 'complex') {
    const [ar, ai] = x.kind === 'complex' ? [x.re, x.im] : [toFloat(x), 0];
    const [br, bi] = y.kind === 'complex' ? [y.re, y.im] : [toFloat(y), 0];
    c = ar === br && ai === bi ? 0 : 1;
  } else { const a = toFloat(x), b = toFloat(y); c = a < b ? -1 : a > b ? 1 : 0; }
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}

export function unaryOp(op: string, x: ConstValue, unsignedBits: number | null): ConstValue | null {
  switch (op) {
    case '+': return x;
    case '-':
      if (x.kind === 'int') return intVal(-x.value);
      if (x.kind === 'float') return floatVal(-x.value);
      if (x.kind === 'complex') return { kind: 'complex', re: -x.re, im: -x.im };
      return null;
    case '^':
      if (x.kind !== 'int') return null;
      // ^x of an unsigned typed constant flips only the type's bits.
      if (unsignedBits !== null) return intVal(x.value ^ ((1n << BigInt(unsignedBits)) - 1n));
      return intVal(~x.value);
    case '!': return x.kind === 'bool' ? boolVal(!x.value) : null;
    default: return null;
  }
}

export function shift(op: '<<' | '>>', x: bigint, s: bigint): bigint {
  return op === '<<' ? x << s : x >> s;
}

/** The value as go/constant's String prints it in messages (strings quoted, shortened). */
export function constString(v: ConstValue): string {
  switch (v.kind) {
    case 'bool': return String(v.value);
    case 'int': return v.value.toString();
    case 'float': return floatString(v.value);
    case 'complex': return `(${floatString(v.re)} + ${floatString(v.im)}i)`;
    case 'string': {
      let q = quoteGo(v.value);
      if (q.length > 72) q = q.slice(0, 70) + '...' ;
      return q;
    }
  }
}

function floatString(f: number): string {
  // go/constant prints floats with %.6g, falling back to %g when that hides a fraction.
  const s = formatG(f, 6);
  if (!Number.isInteger(f) && !s.includes('.') && Number.isFinite(f)) return formatG(f, -1);
  return s;
}

/** Go's %.<prec>g (prec -1: shortest), e.g. 1e+10, 0.333333, 300. */
function formatG(f: number, prec: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : Number.isNaN(f) ? 'NaN' : '-Inf';
  const digits = prec < 0 ? f.toExponential() : f.toExponential(prec - 1);
  const [mant, expStr] = digits.split('e') as [string, string];
  const exp = Number(expStr);
  const eprec = prec < 0 ? 21 : prec;
  const trim = (m: string) => (m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m);
  if (exp < -4 || exp >= eprec) {
    return `${trim(mant)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const sig = prec < 0 ? mant.replace('-', '').replace('.', '').length : prec;
  return trim(f.toFixed(Math.max(0, sig - 1 - exp)));
}

/** strconv.Quote of a byte string. */
export function quoteGo(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c === 9) out += '\\t';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 128) out += bytes[i];
    else {
      // Multi-byte UTF-8 sequences print as the character itself when valid.
      let n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      const seq = bytes.slice(i, i + n);
      try {
        const u = decodeURIComponent(Array.from(seq, (ch) => '%' + ch.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
        out += u;
        i += n - 1;
      } catch {
        out += '\\x' + c.toString(16).padStart(2, '0');
        n = 1;
      }
    }
  }
  return out + '"';
}
