import { describe, expect, it } from 'vitest';
import { Scanner } from '../../../gosim/syntax/scanner.ts';
import { Tok, tokText } from '../../../gosim/syntax/token.ts';

interface Scanned {
  toks: string[];
  positions: string[];
  errors: string[];
}

/** Scan to EOF, rendering each token as its spelling (names/literals as their text, `;` with its cause). */
function scan(src: string): Scanned {
  const errors: string[] = [];
  const s = new Scanner(src, (line, col, _off, msg) => errors.push(`${line}:${col}: ${msg}`));
  const toks: string[] = [];
  const positions: string[] = [];
  for (let n = 0; n < 10000; n++) {
    s.next();
    if (s.tok === Tok.EOF) break;
    let t: string;
    if (s.tok === Tok.Name || s.tok === Tok.Literal) t = s.lit;
    else if (s.tok === Tok.Semi) t = `;(${s.lit})`;
    else if (s.tok === Tok.Operator || s.tok === Tok.Star || s.tok === Tok.AssignOp || s.tok === Tok.IncOp) {
      t = s.tok === Tok.AssignOp ? s.op + '=' : s.tok === Tok.IncOp ? s.op + s.op : s.op;
    } else t = tokText(s.tok);
    toks.push(t);
    positions.push(`${s.line}:${s.col}@${s.offset}`);
  }
  return { toks, positions, errors };
}

describe('automatic semicolons', () => {
  it('follow the spec: after names, literals, closing brackets, return/break/continue/fallthrough, ++ and --', () => {
    const src = 'x\n1\n"s"\n)\n]\n}\nreturn\nbreak\ncontinue\nfallthrough\ni++\nj--\n';
    const semis = scan(src).toks.filter((t) => t === ';(newline)').length;
    expect(semis).toBe(12);
  });
  it('do not follow operators, commas, opening brackets or other keywords', () => {
    expect(scan('a +\nb,\nc(\nd{\nif\nfunc\n').toks).toEqual(['a', '+', 'b', ',', 'c', '(', 'd', '{', 'if', 'func']);
  });
  it('appear at EOF after a final token without newline', () => {
    expect(scan('x := y').toks).toEqual(['x', ':=', 'y', ';(EOF)']);
  });
  it('a comment spanning lines acts as a newline; a line comment keeps the newline', () => {
    expect(scan('a /* x\n y */ b').toks).toEqual(['a', ';(newline)', 'b', ';(EOF)']);
    expect(scan('a /* x */ b').toks).toEqual(['a', 'b', ';(EOF)']);
    expect(scan('a // c\nb').toks).toEqual(['a', ';(newline)', 'b', ';(EOF)']);
  });
  it('explicit semicolons are named "semicolon"', () => {
    expect(scan('a; b').toks).toEqual(['a', ';(semicolon)', 'b', ';(EOF)']);
  });
});

describe('tokens', () => {
  it('scans every operator', () => {
    const ops = '+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( [ { , . ) ] } ; :';
    const got = scan(ops).toks.filter((t) => !t.startsWith(';('));
    expect(got.join(' ')).toBe(ops.replace(' ;', ''));
  });
  it('distinguishes <-chan, chan<- and receive', () => {
    expect(scan('<-chan int').toks).toEqual(['<-', 'chan', 'int', ';(EOF)']);
    expect(scan('chan<- int').toks).toEqual(['chan', '<-', 'int', ';(EOF)']);
    expect(scan('v := <-ch').toks).toEqual(['v', ':=', '<-', 'ch', ';(EOF)']);
  });
  it('scans number forms as one literal each', () => {
    const nums = ['0', '42', '0x1F', '0o17', '0b1010', '017', '1_000', '1.5', '.5', '1.', '1e10', '1E-3', '0x1p-2', '0x1.8P3', '2i', '1.5i', '0i'];
    expect(scan(nums.join(' ')).toks.slice(0, -1)).toEqual(nums);
  });
  it('scans strings and runes with escapes', () => {
    const lits = [`"a\\"b"`, '`raw\\n`', `'\\''`, `'\\x41'`, `'\\u00e9'`, `'\\U0001F600'`, `'\\101'`];
    const got = scan(lits.join(' '));
    expect(got.toks.slice(0, -1)).toEqual(lits);
    expect(got.errors).toEqual([]);
  });
  it('keywords are tokens, other words names (Unicode letters included)', () => {
    expect(scan('go goto gopher héllo 世界 _x').toks).toEqual(['go', 'goto', 'gopher', 'héllo', '世界', '_x', ';(EOF)']);
  });
});

describe('positions', () => {
  it('columns count UTF-8 bytes, tabs count one', () => {
    const src = 'x := "héllo" + y\n\tz';
    const { toks, positions } = scan(src);
    expect(toks[3]).toBe('+');
    // "héllo" is 5 characters but 6 bytes: + sits at byte column 15
    expect(positions[3]).toBe('1:15@14');
    expect(positions[4]).toBe('1:17@16');
    expect(positions[6]).toBe('2:2@19');
  });
  it('characters outside the BMP count four bytes', () => {
    const { positions } = scan('"😀" x');
    expect(positions[1]).toBe('1:8@7');
  });
  it('a raw string spanning lines moves the line count', () => {
    const { positions } = scan('`a\nb` x');
    expect(positions[1]).toBe('2:4@6');
  });
});

describe('lexical errors', () => {
  it.each([
    ['"abc', '1:1: string not terminated'],
    ['"ab\nc"', '1:4: newline in string'],
    ["'ab'", '1:1: more than one character in rune literal'],
    ["''", "1:2: empty rune literal or unescaped '"],
    ['"\\q"', '1:3: unknown escape'],
    ['"\\xZZ"', "1:4: invalid character 'Z' in hexadecimal escape"],
    ['"\\400"', '1:6: octal escape value 256 > 255'],
    ['"\\uD800"', '1:8: escape is invalid Unicode code point U+D800'],
    ['09', "1:2: invalid digit '9' in octal literal"],
    ['0x', '1:3: hexadecimal literal has no digits'],
    ['1__2', "1:3: '_' must separate successive digits"],
    ['0x1.5', "1:6: hexadecimal mantissa requires a 'p' exponent"],
    ['1e', '1:3: exponent has no digits'],
    ['0b12', "1:4: invalid digit '2' in binary literal"],
    ['a @ b', "1:3: invalid character U+0040 '@'"],
    ['/* x', '1:1: comment not terminated'],
    ['x\u00a0y', '1:2: invalid character U+00A0 in identifier'],
  ])('%j', (src, want) => {
    expect(scan(src).errors[0]).toBe(want);
  });
});
