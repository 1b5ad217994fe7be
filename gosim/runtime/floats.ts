// Floating-point to text exactly as Go's strconv.FormatFloat does it, shared by fmt and strconv.
// Digits come from the exact binary value (BigInt arithmetic), rounded half to even like Go's
// decimal type; the shortest form reuses JS's shortest round-trip digits, which agree with Go's.

/** A decimal 0.d1d2d3... x 10^dp with no trailing zeros; zero has d === ''. */
interface Digits { d: string; dp: number }

const view = new DataView(new ArrayBuffer(8));

interface Bits { neg: boolean; mant: bigint; exp: number; mantbits: number }

/** Split a float into sign, integer mantissa and binary exponent (value = mant * 2^(exp-mantbits)). */
function floatBits(x: number, bitSize: 32 | 64): Bits {
  if (bitSize === 32) {
    view.setFloat32(0, x);
    const b = view.getUint32(0);
    let exp = (b >>> 23) & 0xff;
    let mant = BigInt(b & 0x7fffff);
    if (exp === 0) exp++;
    else mant |= 1n << 23n;
    return { neg: b >>> 31 === 1, mant, exp: exp - 127, mantbits: 23 };
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  let exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { neg: hi >>> 31 === 1, mant, exp: exp - 1023, mantbits: 52 };
}

function trimZeros(d: string): string {
  let n = d.length;
  while (n > 0 && d.charCodeAt(n - 1) === 48) n--;
  return d.slice(0, n);
}

/** The exact decimal expansion of |x| (finite). */
function exactDigits(x: number): Digits {
  const { mant, exp, mantbits } = floatBits(x, 64);
  if (mant === 0n) return { d: '', dp: 0 };
  const e2 = exp - mantbits;
  let d: string, dp: number;
  if (e2 >= 0) {
    d = (mant << BigInt(e2)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-e2)).toString();
    dp = d.length + e2;
  }
  return { d: trimZeros(d), dp };
}

/** Round to nd significant digits, half to even on exact ties (Go's decimal.Round). */
function roundDigits(a: Digits, nd: number): Digits {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up = c > 53;
  if (c === 53) {
    up = nd + 1 < a.d.length || (nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1);
  }
  if (!up) return { d: trimZeros(a.d.slice(0, nd)), dp: a.dp };
  let i = nd - 1;
  while (i >= 0 && a.d.charCodeAt(i) === 57) i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

/** Shortest digits that read back as x at the given size. */
function shortestDigits(x: number, bitSize: 32 | 64): Digits {
  if (x === 0) return { d: '', dp: 0 };
  let s: string;
  if (bitSize === 64) s = x.toExponential();
  else {
    s = '';
    for (let p = 1; p <= 9; p++) {
      s = x.toExponential(p - 1);
      if (Math.fround(Number(s)) === x) break;
    }
  }
  const e = s.indexOf('e');
  const d = trimZeros(s.slice(0, e).replace('.', '').replace('-', ''));
  return { d, dp: Number(s.slice(e + 1)) + 1 };
}

function fmtE(neg: boolean, a: Digits, prec: number, ch: string): string {
  let out = neg ? '-' : '';
  out += a.d.length === 0 ? '0' : a.d[0];
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(a.d.length, prec + 1);
    if (i < m) { out += a.d.slice(i, m); i = m; }
    for (; i <= prec; i++) out += '0';
  }
  out += ch;
  let exp = a.d.length === 0 ? 0 : a.dp - 1;
  if (exp < 0) { out += '-'; exp = -exp; } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, a: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (a.dp > 0) {
    const m = Math.min(a.d.length, a.dp);
    out += a.d.slice(0, m);
    for (let i = m; i < a.dp; i++) out += '0';
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = a.dp + i - 1;
      out += j >= 0 && j < a.d.length ? a.d[j] : '0';
    }
  }
  return out;
}

function fmtB(b: Bits): string {
  const exp = b.exp - b.mantbits;
  return (b.neg ? '-' : '') + b.mant.toString() + 'p' + (exp >= 0 ? '+' : '') + exp;
}

function fmtX(b: Bits, prec: number, ch: 'x' | 'X'): string {
  let mant = b.mant, exp = b.exp;
  if (mant === 0n) exp = 0;
  mant <<= BigInt(60 - b.mantbits);
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) { mant <<= 1n; exp--; }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) { mant >>= 1n; exp++; }
  }
  const hex = ch === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = (b.neg ? '-' : '') + '0' + ch + String(Number((mant >> 60n) & 1n));
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digit = () => { const h = hex[Number((mant >> 60n) & 15n)]; mant = (mant << 4n) & ((1n << 64n) - 1n); return h; };
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) out += digit();
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digit();
  }
  out += ch === 'X' ? 'P' : 'p';
  if (exp < 0) { out += '-'; exp = -exp; } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

/**
 * strconv.FormatFloat(x, fmt, prec, bitSize). fmt is one of b e E f g G x X; prec -1 asks for
 * the fewest digits that read back exactly.
 */
export function formatFloat(x: number, fmt: string, prec: number, bitSize: 32 | 64): string {
  if (bitSize === 32) x = Math.fround(x);
  if (x !== x) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (fmt === 'b') return fmtB(floatBits(x, bitSize));
  if (fmt === 'x' || fmt === 'X') return fmtX(floatBits(x, bitSize), prec, fmt);
  if (fmt === 'f' && prec >= 0 && prec <= 20 && Math.abs(x) < 1e15) {
    // toFixed rounds exact halves away from zero where Go rounds them to even; an exact half
    // makes x * 10^prec * 2 an integer (computed exactly at this size), so those take the slow path.
    const scaled = x * 10 ** prec * 2;
    if (!Number.isInteger(scaled)) {
      const s = x.toFixed(prec);
      return Object.is(x, -0) || (x < 0 && s[0] !== '-') ? '-' + s : s;
    }
  }
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(ax, bitSize);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(digs.d.length - 1, 0); break;
      case 'f': prec = Math.max(digs.d.length - digs.dp, 0); break;
      case 'g': case 'G': prec = digs.d.length; break;
    }
  } else {
    digs = exactDigits(ax);
    switch (fmt) {
      case 'e': case 'E': digs = roundDigits(digs, prec + 1); break;
      case 'f': digs = roundDigits(digs, digs.dp + prec); break;
      case 'g': case 'G': if (prec === 0) prec = 1; digs = roundDigits(digs, prec); break;
      default: break;
    }
    if (digs.dp + prec < 0 && fmt === 'f') digs = { d: '', dp: 0 };
  }
  switch (fmt) {
    case 'e': case 'E': return fmtE(neg, digs, prec, fmt);
    case 'f': return fmtF(neg, digs, prec);
    case 'g': case 'G': {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
  return '%' + fmt;
}
