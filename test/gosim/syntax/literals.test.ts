import { describe, expect, it } from 'vitest';
import { floatLitValue, imagLitValue, intLitValue, runeLitValue, stringLitValue, LiteralError } from '../../../gosim/syntax/literals.ts';
import { goString } from '../../../gosim/runtime/values.ts';

describe('integer literals', () => {
  it.each([
    ['0', 0n], ['42', 42n], ['1_000_000', 1000000n], ['0x1F', 31n], ['0X_ff', 255n], ['0o17', 15n],
    ['0O7', 7n], ['017', 15n], ['0b101', 5n], ['0B_1_0', 2n], ['18446744073709551615', 18446744073709551615n],
    ['0xFFFFFFFFFFFFFFFFFF', 0xffffffffffffffffffn],
  ])('%s', (raw, want) => {
    expect(intLitValue(raw)).toBe(want);
  });
  it('rejects malformed text', () => {
    expect(() => intLitValue('09')).toThrow(LiteralError);
    expect(() => intLitValue('0x')).toThrow(LiteralError);
  });
});

describe('float literals', () => {
  it.each([
    ['1.5', 1.5], ['1.', 1], ['.25', 0.25], ['1e3', 1000], ['1E-2', 0.01], ['6.02214076e23', 6.02214076e23],
    ['1_000.000_1', 1000.0001], ['0x1p-2', 0.25], ['0x1.8p1', 3], ['0X.8p0', 0.5], ['0x_1FFFp-16', 0.1249847412109375],
    ['0x1p1023', 2 ** 1023], ['0x1p-1074', 5e-324], ['1e400', Infinity], ['0.1', 0.1],
    ['0x1.fffffffffffff8p0', 2], // rounds half to even up to 2
  ])('%s', (raw, want) => {
    expect(floatLitValue(raw)).toBe(want);
  });
});

describe('rune literals', () => {
  it.each([
    ["'a'", 97], ["'\\n'", 10], ["'\\a'", 7], ["'\\b'", 8], ["'\\f'", 12], ["'\\r'", 13], ["'\\t'", 9],
    ["'\\v'", 11], ["'\\\\'", 92], ["'\\''", 39], ["'\\x41'", 65], ["'\\101'", 65], ["'\\u00e9'", 0xe9],
    ["'\\U0001F600'", 0x1f600], ["'é'", 0xe9], ["'世'", 0x4e16], ["'😀'", 0x1f600], ["'\\377'", 255],
  ])('%s', (raw, want) => {
    expect(runeLitValue(raw)).toBe(want);
  });
  it('rejects two characters', () => {
    expect(() => runeLitValue("'ab'")).toThrow(LiteralError);
  });
});

describe('string literals', () => {
  it('interpreted strings decode escapes into UTF-8 bytes', () => {
    expect(stringLitValue('"a\\tb\\n"')).toBe('a\tb\n');
    expect(stringLitValue('"\\""')).toBe('"');
    expect(stringLitValue('"héllo"')).toBe(goString('héllo'));
    expect(stringLitValue('"héllo"').length).toBe(6);
    expect(stringLitValue('"\\u00e9"')).toBe('\xc3\xa9');
    expect(stringLitValue('"\\U0001F600"')).toBe(goString('😀'));
  });
  it('\\x and octal escapes are single bytes, not code points', () => {
    expect(stringLitValue('"\\xff"')).toBe('\xff');
    expect(stringLitValue('"\\xe4\\xb8\\x96"')).toBe(goString('世'));
    expect(stringLitValue('"\\344\\270\\226"')).toBe(goString('世'));
  });
  it('raw strings keep backslashes and newlines but drop carriage returns', () => {
    expect(stringLitValue('`a\\n\r\nb`')).toBe('a\\n\nb');
    expect(stringLitValue('`世`')).toBe(goString('世'));
  });
  it("a single quote needs no escape in a string, and \\' is not allowed there", () => {
    expect(stringLitValue(`"it's"`)).toBe("it's");
    expect(() => stringLitValue(`"\\'"`)).toThrow(LiteralError);
  });
});

describe('imaginary literals', () => {
  it.each([
    ['2i', 2], ['0i', 0], ['1.5i', 1.5], ['1e3i', 1000], ['0x1p2i', 4], ['0123i', 123], ['1_0i', 10], ['0b11i', 3],
  ])('%s', (raw, want) => {
    expect(imagLitValue(raw)).toBe(want);
  });
});
