// Turns Go source text into tokens, inserting semicolons at line ends as the Go spec says.
// Positions are counted like Go's compiler: 1-based lines, 1-based columns in UTF-8 BYTES,
// so a learner's error at `fmt.Println("héllo", x)` points where `go build` points.
// Lexical errors use the compiler's wording (they carry no "syntax error:" prefix).
import { KEYWORDS, Tok, PREC_ADD, PREC_ANDAND, PREC_CMP, PREC_MUL, PREC_OROR } from './token.ts';
import type { LitKind, Op } from './token.ts';

export type ErrorHandler = (line: number, col: number, offset: number, msg: string) => void;

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const CONTROL = /[\p{C}\p{Z}]/u;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isDecimal(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDecimal(c) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** Go's `%#U` formatting of a rune: `U+0040 '@'`. */
export function formatU(c: number): string {
  const hex = 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
  const s = String.fromCodePoint(c);
  return c !== 32 && CONTROL.test(s) ? hex : `${hex} '${s}'`;
}

/** Go's `%q` formatting of a rune: `'x'`, `'\n'`, `'\x00'`. */
export function quoteRune(c: number): string {
  const esc: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 39: "\\'", 92: '\\\\' };
  if (esc[c] !== undefined) return `'${esc[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  const s = String.fromCodePoint(c);
  if (c !== 32 && CONTROL.test(s)) {
    return c < 0x10000 ? `'\\u${c.toString(16).padStart(4, '0')}'` : `'\\U${c.toString(16).padStart(8, '0')}'`;
  }
  return `'${s}'`;
}

function baseName(base: number): string {
  return base === 2 ? 'binary' : base === 8 ? 'octal' : base === 10 ? 'decimal' : 'hexadecimal';
}

export class Scanner {
  // current token
  tok: Tok = Tok.EOF;
  /** Name text, literal source text, or for Semi: "semicolon", "newline" or "EOF". */
  lit = '';
  kind: LitKind = 'INT';
  /** The literal had a lexical error (already reported). */
  bad = false;
  op: Op = '+';
  prec = 0;
  line = 1;
  col = 1;
  offset = 0;
  /** Where the previous token ended (set before scanning the next one). */
  prevEndLine = 1;
  prevEndCol = 1;
  prevEndOffset = 0;

  private readonly src: string;
  private readonly errh: ErrorHandler;
  // the current character and where it is
  private ch = -1;
  private i = 0; // UTF-16 index of ch
  private w = 0; // UTF-16 units of ch
  private b = 0; // byte offset of ch
  private bw = 0; // UTF-8 bytes of ch
  private chLine = 1;
  private lineStart = 0; // byte offset where chLine starts
  private nlsemi = false;
  private start = 0; // UTF-16 index where the current token starts

  constructor(src: string, errh: ErrorHandler) {
    this.src = src;
    this.errh = errh;
    this.read();
  }

  /** Load the character at index i into ch; like Go's reader, drop (after reporting) NULs and BOMs. */
  private read(): void {
    for (;;) {
      const i = this.i;
      if (i >= this.src.length) {
        this.ch = -1;
        this.w = 0;
        this.bw = 0;
        return;
      }
      const c = this.src.charCodeAt(i);
      if (c < 0x80) {
        if (c === 0) {
          this.errorHere('invalid NUL character');
          this.i++;
          this.b++;
          continue;
        }
        this.ch = c;
        this.w = 1;
        this.bw = 1;
        return;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < this.src.length) {
        const d = this.src.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.ch = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          this.w = 2;
          this.bw = 4;
          return;
        }
      }
      if (c === 0xfeff) {
        // allowed (and skipped) only as the very first character
        if (this.b > 0) this.errorHere('invalid BOM in the middle of the file');
        this.i++;
        this.b += 3;
        continue;
      }
      this.w = 1;
      // A lone surrogate cannot be encoded: goString turns it into U+FFFD, and so do we.
      this.ch = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
      this.bw = c < 0x800 ? 2 : 3;
      return;
    }
  }

  /** The current character, read afresh (TypeScript would otherwise keep a stale narrowing). */
  private cur(): number {
    return this.ch;
  }

  private nextch(): void {
    if (this.ch === 10) {
      this.chLine++;
      this.lineStart = this.b + 1;
    }
    this.i += this.w;
    this.b += this.bw;
    this.read();
  }

  private errorHere(msg: string): void {
    this.errh(this.chLine, this.b - this.lineStart + 1, this.b, msg);
  }

  /** Report at a byte distance from the current token's start (on the token's line). */
  private errorAtTok(delta: number, msg: string): void {
    this.errh(this.line, this.col + delta, this.offset + delta, msg);
  }

  next(): void {
    const nlsemi = this.nlsemi;
    this.nlsemi = false;
    this.prevEndLine = this.chLine;
    this.prevEndCol = this.b - this.lineStart + 1;
    this.prevEndOffset = this.b;
    for (;;) {
      let c = this.ch;
      while (c === 32 || c === 9 || c === 13 || (c === 10 && !nlsemi)) {
        this.nextch();
        c = this.ch;
      }
      this.line = this.chLine;
      this.col = this.b - this.lineStart + 1;
      this.offset = this.b;
      this.start = this.i;
      if (isLetter(c) || (c >= 0x80 && this.atIdentChar(true))) {
        this.nextch();
        this.ident();
        return;
      }
      switch (c) {
        case -1:
          if (nlsemi) {
            this.lit = 'EOF';
            this.tok = Tok.Semi;
          } else this.tok = Tok.EOF;
          return;
        case 10:
          this.nextch();
          this.lit = 'newline';
          this.tok = Tok.Semi;
          return;
        case 34: this.stdString(); return;
        case 96: this.rawString(); return;
        case 39: this.rune(); return;
        case 40: this.nextch(); this.tok = Tok.Lparen; return;
        case 91: this.nextch(); this.tok = Tok.Lbrack; return;
        case 123: this.nextch(); this.tok = Tok.Lbrace; return;
        case 44: this.nextch(); this.tok = Tok.Comma; return;
        case 59: this.nextch(); this.lit = 'semicolon'; this.tok = Tok.Semi; return;
        case 41: this.nextch(); this.nlsemi = true; this.tok = Tok.Rparen; return;
        case 93: this.nextch(); this.nlsemi = true; this.tok = Tok.Rbrack; return;
        case 125: this.nextch(); this.nlsemi = true; this.tok = Tok.Rbrace; return;
        case 58:
          this.nextch();
          if (this.ch === 61) {
            this.nextch();
            this.tok = Tok.Define;
          } else this.tok = Tok.Colon;
          return;
        case 46:
          this.nextch();
          if (isDecimal(this.ch)) {
            this.number(true);
            return;
          }
          if (this.ch === 46) {
            const after = this.src.charCodeAt(this.i + 1);
            if (after === 46) {
              this.nextch();
              this.nextch();
              this.tok = Tok.DotDotDot;
              return;
            }
            if (after === 10) {
              // Go's scanner backs up over ".." and, when a newline follows, counts that
              // newline twice: from the second '.' on it reports one line more, and the
              // second '.' at column 2. Reproduce it so later errors name go's lines.
              this.chLine++;
              this.lineStart = this.b - 1;
            }
          }
          this.tok = Tok.Dot;
          return;
        case 43: case 45:
          this.nextch();
          this.setOp(c === 43 ? '+' : '-', PREC_ADD);
          if (this.ch === c) {
            this.nextch();
            this.nlsemi = true;
            this.tok = Tok.IncOp;
            return;
          }
          this.assignOp();
          return;
        case 42:
          this.nextch();
          this.setOp('*', PREC_MUL);
          if (this.ch === 61) {
            this.nextch();
            this.tok = Tok.AssignOp;
          } else this.tok = Tok.Star;
          return;
        case 47:
          this.nextch();
          if (this.ch === 47) {
            while (this.cur() >= 0 && this.cur() !== 10) this.nextch();
            continue;
          }
          if (this.ch === 42) {
            this.nextch();
            const startLine = this.line;
            this.skipComment();
            if (this.chLine > startLine && nlsemi) {
              // a comment spanning lines ends the line like a newline does
              this.lit = 'newline';
              this.tok = Tok.Semi;
              return;
            }
            continue;
          }
          this.setOp('/', PREC_MUL);
          this.assignOp();
          return;
        case 37:
          this.nextch();
          this.setOp('%', PREC_MUL);
          this.assignOp();
          return;
        case 38:
          this.nextch();
          if (this.ch === 38) {
            this.nextch();
            this.setOp('&&', PREC_ANDAND);
            this.tok = Tok.Operator;
            return;
          }
          this.setOp('&', PREC_MUL);
          if (this.ch === 94) {
            this.nextch();
            this.op = '&^';
          }
          this.assignOp();
          return;
        case 124:
          this.nextch();
          if (this.ch === 124) {
            this.nextch();
            this.setOp('||', PREC_OROR);
            this.tok = Tok.Operator;
            return;
          }
          this.setOp('|', PREC_ADD);
          this.assignOp();
          return;
        case 94:
          this.nextch();
          this.setOp('^', PREC_ADD);
          this.assignOp();
          return;
        case 60:
          this.nextch();
          if (this.ch === 61) {
            this.nextch();
            this.setOp('<=', PREC_CMP);
            this.tok = Tok.Operator;
          } else if (this.ch === 60) {
            this.nextch();
            this.setOp('<<', PREC_MUL);
            this.assignOp();
          } else if (this.ch === 45) {
            this.nextch();
            this.setOp('<-', 0);
            this.tok = Tok.Arrow;
          } else {
            this.setOp('<', PREC_CMP);
            this.tok = Tok.Operator;
          }
          return;
        case 62:
          this.nextch();
          if (this.ch === 61) {
            this.nextch();
            this.setOp('>=', PREC_CMP);
            this.tok = Tok.Operator;
          } else if (this.ch === 62) {
            this.nextch();
            this.setOp('>>', PREC_MUL);
            this.assignOp();
          } else {
            this.setOp('>', PREC_CMP);
            this.tok = Tok.Operator;
          }
          return;
        case 61:
          this.nextch();
          if (this.ch === 61) {
            this.nextch();
            this.setOp('==', PREC_CMP);
            this.tok = Tok.Operator;
          } else this.tok = Tok.Assign;
          return;
        case 33:
          this.nextch();
          if (this.ch === 61) {
            this.nextch();
            this.setOp('!=', PREC_CMP);
          } else this.setOp('!', 0);
          this.tok = Tok.Operator;
          return;
        case 126:
          this.nextch();
          this.setOp('~', 0);
          this.tok = Tok.Operator;
          return;
        default:
          if (isDecimal(c)) {
            this.number(false);
            return;
          }
          this.errorHere('invalid character ' + formatU(c));
          this.nextch();
          continue;
      }
    }
  }

  private setOp(op: Op, prec: number): void {
    this.op = op;
    this.prec = prec;
  }

  private assignOp(): void {
    if (this.ch === 61) {
      this.nextch();
      this.tok = Tok.AssignOp;
    } else this.tok = Tok.Operator;
  }

  private atIdentChar(first: boolean): boolean {
    const c = this.ch;
    if (c < 0) return false;
    const s = String.fromCodePoint(c);
    if (c === 95 || LETTER.test(s)) return true;
    if (DIGIT.test(s)) {
      if (first) this.errorHere('identifier cannot begin with digit ' + formatU(c));
      return true;
    }
    if (c >= 0x80) {
      this.errorHere(`invalid character ${formatU(c)} in identifier`);
      return true;
    }
    return false;
  }

  private ident(): void {
    while (isLetter(this.ch) || isDecimal(this.ch)) this.nextch();
    if (this.ch >= 0x80) while (this.atIdentChar(false)) this.nextch();
    const lit = this.src.slice(this.start, this.i);
    if (lit.length >= 2) {
      const kw = KEYWORDS.get(lit);
      if (kw !== undefined) {
        this.nlsemi = kw === Tok.Break || kw === Tok.Continue || kw === Tok.Fallthrough || kw === Tok.Return;
        this.tok = kw;
        this.lit = lit;
        return;
      }
    }
    this.nlsemi = true;
    this.lit = lit;
    this.tok = Tok.Name;
  }

  private setLit(kind: LitKind, ok: boolean): void {
    this.nlsemi = true;
    this.tok = Tok.Literal;
    this.lit = this.src.slice(this.start, this.i);
    this.bad = !ok;
    this.kind = kind;
  }

  private digits(base: number, invalid: { at: number } | null): number {
    let digsep = 0;
    if (base <= 10) {
      const max = 48 + base;
      while (isDecimal(this.ch) || this.ch === 95) {
        let ds = 1;
        if (this.ch === 95) ds = 2;
        else if (this.ch >= max && invalid && invalid.at < 0) invalid.at = this.b - this.offset;
        digsep |= ds;
        this.nextch();
      }
    } else {
      while (isHex(this.ch) || this.ch === 95) {
        digsep |= this.ch === 95 ? 2 : 1;
        this.nextch();
      }
    }
    return digsep;
  }

  private number(seenPoint: boolean): void {
    let ok = true;
    let kind: LitKind = 'INT';
    let base = 10;
    let prefix = 0; // 0 decimal, '0' legacy octal, 'x', 'o', 'b'
    let digsep = 0;
    const invalid = { at: -1 };
    if (!seenPoint) {
      if (this.ch === 48) {
        this.nextch();
        const l = this.ch | 32;
        if (l === 120) { this.nextch(); base = 16; prefix = 120; }
        else if (l === 111) { this.nextch(); base = 8; prefix = 111; }
        else if (l === 98) { this.nextch(); base = 2; prefix = 98; }
        else { base = 8; prefix = 48; digsep = 1; }
      }
      digsep |= this.digits(base, invalid);
      if (this.ch === 46) {
        if (prefix === 111 || prefix === 98) {
          this.errorHere(`invalid radix point in ${baseName(base)} literal`);
          ok = false;
        }
        this.nextch();
        seenPoint = true;
      }
    }
    if (seenPoint) {
      kind = 'FLOAT';
      digsep |= this.digits(base, invalid);
    }
    if ((digsep & 1) === 0 && ok) {
      this.errorHere(`${baseName(base)} literal has no digits`);
      ok = false;
    }
    const e = this.ch | 32;
    if (this.ch >= 0 && (e === 101 || e === 112)) {
      if (ok) {
        if (e === 101 && prefix !== 0 && prefix !== 48) {
          this.errorHere(`${quoteRune(this.ch)} exponent requires decimal mantissa`);
          ok = false;
        } else if (e === 112 && prefix !== 120) {
          this.errorHere(`${quoteRune(this.ch)} exponent requires hexadecimal mantissa`);
          ok = false;
        }
      }
      this.nextch();
      kind = 'FLOAT';
      if (this.ch === 43 || this.ch === 45) this.nextch();
      digsep = this.digits(10, null) | (digsep & 2);
      if ((digsep & 1) === 0 && ok) {
        this.errorHere('exponent has no digits');
        ok = false;
      }
    } else if (prefix === 120 && kind === 'FLOAT' && ok) {
      this.errorHere("hexadecimal mantissa requires a 'p' exponent");
      ok = false;
    }
    if (this.ch === 105) {
      kind = 'IMAG';
      this.nextch();
    }
    this.setLit(kind, ok);
    if (kind === 'INT' && invalid.at >= 0 && ok) {
      this.errorAtTok(invalid.at, `invalid digit '${this.lit[invalid.at]}' in ${baseName(base)} literal`);
      ok = false;
    }
    if ((digsep & 2) !== 0 && ok) {
      const at = invalidSep(this.lit);
      if (at >= 0) {
        this.errorAtTok(at, "'_' must separate successive digits");
        ok = false;
      }
    }
    this.bad = !ok;
  }

  private rune(): void {
    let ok = true;
    this.nextch();
    for (let n = 0; ; n++) {
      if (this.ch === 39) {
        if (ok) {
          if (n === 0) {
            this.errorHere("empty rune literal or unescaped '");
            ok = false;
          } else if (n !== 1) {
            this.errorAtTok(0, 'more than one character in rune literal');
            ok = false;
          }
        }
        this.nextch();
        break;
      }
      if (this.ch === 92) {
        this.nextch();
        if (!this.escape(39)) ok = false;
        continue;
      }
      if (this.ch === 10) {
        if (ok) {
          this.errorHere('newline in rune literal');
          ok = false;
        }
        break;
      }
      if (this.ch < 0) {
        if (ok) {
          this.errorAtTok(0, 'rune literal not terminated');
          ok = false;
        }
        break;
      }
      this.nextch();
    }
    this.setLit('CHAR', ok);
  }

  private stdString(): void {
    let ok = true;
    this.nextch();
    for (;;) {
      const c = this.ch;
      if (c === 34) {
        this.nextch();
        break;
      }
      if (c === 92) {
        this.nextch();
        if (!this.escape(34)) ok = false;
        continue;
      }
      if (c === 10) {
        this.errorHere('newline in string');
        ok = false;
        break;
      }
      if (c < 0) {
        this.errorAtTok(0, 'string not terminated');
        ok = false;
        break;
      }
      this.nextch();
    }
    this.setLit('STRING', ok);
  }

  private rawString(): void {
    let ok = true;
    this.nextch();
    for (;;) {
      if (this.ch === 96) {
        this.nextch();
        break;
      }
      if (this.ch < 0) {
        this.errorAtTok(0, 'string not terminated');
        ok = false;
        break;
      }
      this.nextch();
    }
    this.setLit('STRING', ok);
  }

  private skipComment(): void {
    while (this.ch >= 0) {
      while (this.ch === 42) {
        this.nextch();
        if (this.cur() === 47) {
          this.nextch();
          return;
        }
      }
      this.nextch();
    }
    this.errorAtTok(0, 'comment not terminated');
  }

  private escape(quote: number): boolean {
    let n: number;
    let base: number;
    let max: number;
    const c = this.ch;
    switch (c) {
      case quote: case 97: case 98: case 102: case 110: case 114: case 116: case 118: case 92:
        this.nextch();
        return true;
      case 120: this.nextch(); n = 2; base = 16; max = 255; break;
      case 117: this.nextch(); n = 4; base = 16; max = 0x10ffff; break;
      case 85: this.nextch(); n = 8; base = 16; max = 0x10ffff; break;
      default:
        if (c >= 48 && c <= 55) {
          n = 3; base = 8; max = 255;
          break;
        }
        if (c < 0) return true; // the caller reports the unterminated literal
        this.errorHere('unknown escape');
        return false;
    }
    let x = 0;
    for (let k = n; k > 0; k--) {
      if (this.ch < 0) return true;
      let d = base;
      if (isDecimal(this.ch)) d = this.ch - 48;
      else if ((this.ch | 32) >= 97 && (this.ch | 32) <= 102) d = (this.ch | 32) - 87;
      if (d >= base) {
        this.errorHere(`invalid character ${quoteRune(this.ch)} in ${baseName(base)} escape`);
        return false;
      }
      x = x * base + d;
      this.nextch();
    }
    if (x > max && base === 8) {
      this.errorHere(`octal escape value ${x} > 255`);
      return false;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.errorHere('escape is invalid Unicode code point ' + formatU(x));
      return false;
    }
    return true;
  }
}

/** Index of the first misplaced `_` in a number literal, or -1. */
function invalidSep(x: string): number {
  let x1 = 32;
  let d = 46; // '.' = not a digit, '0' = digit, '_' = separator
  let i = 0;
  if (x.length >= 2 && x.charCodeAt(0) === 48) {
    x1 = x.charCodeAt(1) | 32;
    if (x1 === 120 || x1 === 111 || x1 === 98) {
      d = 48;
      i = 2;
    }
  }
  for (; i < x.length; i++) {
    const p = d;
    d = x.charCodeAt(i);
    if (d === 95) {
      if (p !== 48) return i;
    } else if (isDecimal(d) || (x1 === 120 && isHex(d))) {
      d = 48;
    } else {
      if (p === 95) return i - 1;
      d = 46;
    }
  }
  return d === 95 ? x.length - 1 : -1;
}
