import { describe, expect, it } from 'vitest';
import { offsetOf, type LineSource } from '../../renderer/editor/positions.ts';

function doc(text: string): LineSource {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  return {
    lines: lines.length,
    length: text.length,
    line: (n) => ({ from: starts[n - 1]!, to: starts[n - 1]! + lines[n - 1]!.length, text: lines[n - 1]! }),
  };
}

describe('placing a compile error (Go counts columns in UTF-8 bytes)', () => {
  const d = doc('package main\n\ts := "héllo🙂" + x\n');

  it('maps an ASCII column directly', () => {
    expect(offsetOf(d, 1, 9)).toBe(8);
    expect(offsetOf(d, 2, 2)).toBe(14);
  });

  it('counts multi-byte characters before the column as Go does', () => {
    // "\ts := " is 6 bytes, the literal `"héllo🙂"` 1+1+2+3+4+1 = 12, then " + " 3: x is at column 22.
    expect(offsetOf(d, 2, 22)).toBe(d.line(2).text.indexOf('x') + d.line(2).from);
  });

  it('clamps lines and columns outside the text', () => {
    expect(offsetOf(d, 0, 5)).toBe(0);
    expect(offsetOf(d, 99, 1)).toBe(d.length);
    expect(offsetOf(d, 1, 500)).toBe(d.line(1).to);
    expect(offsetOf(d, 2, 0)).toBe(d.line(2).from);
  });
});
