// Go reports columns in bytes of UTF-8; the editor counts UTF-16 code units. This turns a
// compile error's line and column into a place in the editor's text.

/** The part of CodeMirror's Text this needs, so it can be tested on its own. */
export interface LineSource {
  readonly lines: number;
  readonly length: number;
  line(n: number): { from: number; to: number; text: string };
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The offset of 1-based `line` and byte column `col` (0 or 1: the line's start), clamped to the text. */
export function offsetOf(doc: LineSource, line: number, col: number): number {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  let bytes = 0;
  let i = 0;
  while (i < l.text.length && bytes < col - 1) {
    const cp = l.text.codePointAt(i)!;
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return l.from + i;
}
