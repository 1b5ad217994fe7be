// Go strings as gosim holds them: a JS string of BYTES, each char code 0..255, the UTF-8
// encoding of the Go string (gosim/runtime/values.ts describes every value's form). It sits at the
// bottom of gosim, with the syntax, because string and rune literals are decoded into it; the
// type checker and the runtime build on it.

/** Bytes of a Go string, one char per byte. */
export type GoString = string;

/** Encode a JS (UTF-16) string to a GoString of UTF-8 bytes; lone surrogates become U+FFFD. */
export function goString(s: string): GoString {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) return s;
  let out = '';
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/**
 * Decode one UTF-8 sequence at byte i, as Go's utf8.DecodeRuneInString does:
 * an invalid or short sequence yields [0xFFFD, 1].
 */
export function decodeRune(s: GoString, i: number): [rune: number, size: number] {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1];
  const cont = (k: number) => {
    const b = s.charCodeAt(i + k);
    return b >= 0x80 && b <= 0xbf ? b & 63 : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    if (c1 >= 0) return [((b0 & 31) << 6) | c1, 2];
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      const r = ((b0 & 15) << 12) | (c1 << 6) | c2;
      if (r >= 0x800 && (r < 0xd800 || r > 0xdfff)) return [r, 3];
    }
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const r = ((b0 & 7) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (r >= 0x10000 && r <= 0x10ffff) return [r, 4];
    }
  }
  return [0xfffd, 1];
}

/** Decode a GoString's bytes as UTF-8 for display; invalid bytes become U+FFFD. */
export function jsString(s: GoString): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    out += String.fromCodePoint(r);
    i += n;
  }
  return out;
}
