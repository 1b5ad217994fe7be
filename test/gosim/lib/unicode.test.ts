// gosim's rune classes and case mappings against real Go's over several Unicode blocks
// (golden/unicodecases/main.go).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as u from '../../../gosim/lib/unicode.ts';
import { isGraphic, isPrint } from '../../../gosim/lib/fmt/quote.ts';

const golden = JSON.parse(readFileSync(fileURLToPath(new URL('./golden/unicodecases.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
const runes: number[] = [];
for (const [lo, hi] of golden.runes as [number, number][]) for (let r = lo; r <= hi; r++) runes.push(r);

const preds: Record<string, (r: number) => boolean> = {
  IsUpper: u.isUpper, IsLower: u.isLower, IsDigit: u.isDigit, IsNumber: u.isNumber, IsLetter: u.isLetter,
  IsSpace: u.isSpace, IsPunct: u.isPunct, IsPrint: u.isPrint, IsControl: u.isControl,
  'strconv.IsPrint': isPrint, 'strconv.IsGraphic': isGraphic,
};
const maps: Record<string, (r: number) => number> = { ToUpper: u.toUpper, ToLower: u.toLower, ToTitle: u.toTitle };

describe('unicode against real Go', () => {
  for (const [name, f] of Object.entries(preds)) {
    it(name, () => {
      const want = golden[name] as string;
      const wrong: string[] = [];
      runes.forEach((r, i) => {
        if ((f(r) ? '1' : '0') !== want[i]) wrong.push(`U+${r.toString(16)} want ${want[i]}`);
      });
      expect(wrong.slice(0, 20)).toEqual([]);
    });
  }
  for (const [name, f] of Object.entries(maps)) {
    it(name, () => {
      const want = new Map((golden[name] as [number, number][]).map(([a, b]) => [a, b]));
      const wrong: string[] = [];
      for (const r of runes) {
        const w = want.get(r) ?? r;
        if (f(r) !== w) wrong.push(`U+${r.toString(16)} -> U+${f(r).toString(16)} want U+${w.toString(16)}`);
      }
      expect(wrong.slice(0, 20)).toEqual([]);
    });
  }
});
