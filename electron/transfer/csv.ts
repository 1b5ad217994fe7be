// Anki's text import format: CSV or TSV with optional header lines (`#separator:`, `#html:`,
// `#columns:`, `#deck:`, `#tags:`, `#notetype:` and the `... column:N` forms), fields quoted
// with `"` when they hold the separator, a quote or a line break (`""` is a quote).
import { megabytes, type ImportLimits } from './limits.ts';
import { escapeText } from './html.ts';
import { cardsOfNote, type NoteType } from './notes.ts';
import { deckAdder, emptyPlan, type ImportPlan } from './plan.ts';
import type { Progress } from './progress.ts';
import { BadFile } from './zip.ts';

export interface TextHeaders {
  separator: string | null;
  html: boolean;
  columns: string[] | null;
  deck: string | null;
  tags: string[];
  notetype: string | null;
  deckColumn: number | null;
  tagsColumn: number | null;
  notetypeColumn: number | null;
  guidColumn: number | null;
}

const separatorNames: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };

/** A record and the line it starts on (1-based), as the file numbers lines. */
export interface TextRecord {
  line: number;
  fields: string[];
}

/**
 * Splits `text` into records. A quoted field may hold separators and line breaks; a quote
 * inside it is doubled. Returns the line of any quote left open, so it can be reported.
 */
export function splitRecords(text: string, sep: string, startLine: number, startAt: number): { records: TextRecord[]; openQuoteLine: number | null } {
  const records: TextRecord[] = [];
  let line = startLine;
  let i = startAt;
  const n = text.length;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let field = '';
    let atFieldStart = true;
    let ended = false;
    while (i < n) {
      const ch = text[i]!;
      if (atFieldStart && ch === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) return { records, openQuoteLine: quoteLine };
        atFieldStart = false;
        continue;
      }
      if (ch === sep) {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i++;
        continue;
      }
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (ch === '\n' || ch === '\r') {
        i++;
        line++;
        ended = true;
        break;
      }
      field += ch;
      atFieldStart = false;
      i++;
    }
    fields.push(field);
    void ended;
    // Blank lines separate nothing and make no note.
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: recordLine, fields });
  }
  return { records, openQuoteLine: null };
}

function guessSeparator(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
}

/** Reads the header lines; returns them and where the data begins. */
export function readHeaders(text: string, file: string): { headers: TextHeaders; line: number; offset: number } {
  const headers: TextHeaders = {
    separator: null, html: false, columns: null, deck: null, tags: [], notetype: null,
    deckColumn: null, tagsColumn: null, notetypeColumn: null, guidColumn: null,
  };
  let offset = 0;
  let line = 1;
  while (offset < text.length && text[offset] === '#') {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    const m = /^#([a-z ]+):(.*)$/i.exec(raw);
    if (m) {
      const key = m[1]!.trim().toLowerCase();
      const value = m[2]!.trim();
      const column = (): number => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new BadFile(`${file}:${line}`, `#${key}: needs a column number from 1 (got "${value}")`);
        return n - 1;
      };
      switch (key) {
        case 'separator': {
          const sep = separatorNames[value.toLowerCase()] ?? (value.length === 1 ? value : null);
          if (sep === null || sep === '"' || sep === '\n') throw new BadFile(`${file}:${line}`, `#separator: must be tab, comma, semicolon, space, pipe, colon or one character (got "${value}")`);
          headers.separator = sep;
          break;
        }
        case 'html':
          if (!/^(true|false)$/i.test(value)) throw new BadFile(`${file}:${line}`, `#html: must be true or false (got "${value}")`);
          headers.html = value.toLowerCase() === 'true';
          break;
        case 'columns':
          headers.columns = null; // split once the separator is known
          (headers as { rawColumns?: string }).rawColumns = value;
          break;
        case 'deck':
          headers.deck = value;
          break;
        case 'tags':
          headers.tags = value.split(/\s+/).filter((t) => t !== '');
          break;
        case 'notetype':
          headers.notetype = value;
          break;
        case 'deck column':
          headers.deckColumn = column();
          break;
        case 'tags column':
          headers.tagsColumn = column();
          break;
        case 'notetype column':
          headers.notetypeColumn = column();
          break;
        case 'guid column':
          headers.guidColumn = column();
          break;
        default:
          // Other Anki headers (#if matches, #match scope) change nothing for a first import.
          break;
      }
    }
    // A line starting with # that is not a header is a comment, as in Anki.
    line++;
    offset = end === -1 ? text.length : end + 1;
  }
  const rest = text.slice(offset, text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset));
  headers.separator ??= guessSeparator(rest);
  const rawColumns = (headers as { rawColumns?: string }).rawColumns;
  if (rawColumns !== undefined) headers.columns = splitRecords(rawColumns, headers.separator, 1, 0).records[0]?.fields.map((c) => c.trim()) ?? [];
  delete (headers as { rawColumns?: string }).rawColumns;
  return { headers, line, offset };
}

const basicType: NoteType = { name: 'Basic', cloze: false, fieldCount: 2, templateCount: 1 };
const clozeType: NoteType = { name: 'Cloze', cloze: true, fieldCount: 2, templateCount: 1 };
const reversedType: NoteType = { name: 'Basic (and reversed card)', cloze: false, fieldCount: 2, templateCount: 2 };

function typeNamed(name: string | null, fieldCount: number): NoteType {
  const n = (name ?? '').toLowerCase();
  if (n.startsWith('cloze')) return clozeType;
  if (n.includes('reverse')) return reversedType;
  if (fieldCount === 2) return basicType;
  return { name: name ?? 'Text', cloze: false, fieldCount, templateCount: 1 };
}

export async function readText(bytes: Uint8Array, file: string, limits: ImportLimits, progress: Progress): Promise<ImportPlan> {
  const plan = emptyPlan(file, 'csv');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Name the line of the first bad byte so it can be found.
    const strict = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    for (let start = 0; start <= bytes.length; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        break;
      }
      start = end + 1;
    }
    throw new BadFile(`${file}:${line}`, 'is not valid UTF-8 text; save the file as UTF-8 and import it again');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { headers, line, offset } = readHeaders(text, file);
  await progress.at('reading rows', 0, text.length);
  const { records, openQuoteLine } = splitRecords(text, headers.separator!, line, offset);
  if (openQuoteLine !== null) throw new BadFile(`${file}:${openQuoteLine}`, 'a quoted field starts here and is never closed; close it with " (a quote inside a field is written "")');
  if (records.length > limits.maxNotes) throw new BadFile(file, `has ${records.length} rows; the import takes at most ${limits.maxNotes} at a time`);
  const special = new Set([headers.deckColumn, headers.tagsColumn, headers.notetypeColumn, headers.guidColumn].filter((c): c is number => c !== null));
  if (headers.columns) {
    headers.columns.forEach((c, i) => {
      const name = c.toLowerCase();
      if (name === 'tags' && headers.tagsColumn === null) headers.tagsColumn = i;
      if (name === 'deck' && headers.deckColumn === null) headers.deckColumn = i;
      if ((name === 'notetype' || name === 'note type') && headers.notetypeColumn === null) headers.notetypeColumn = i;
      if (name === 'guid' && headers.guidColumn === null) headers.guidColumn = i;
    });
    for (const c of [headers.deckColumn, headers.tagsColumn, headers.notetypeColumn, headers.guidColumn]) if (c !== null) special.add(c);
  }
  const expected = headers.columns?.length ?? records[0]?.fields.length ?? 0;
  const deckId = deckAdder(plan, 'text');
  const fallbackDeck = headers.deck ?? file.replace(/\.(csv|tsv|txt)$/i, '');
  const keys = new Set<string>();
  for (let r = 0; r < records.length; r++) {
    const { line: at, fields } = records[r]!;
    if (r % 5000 === 0) await progress.at('making cards', r, records.length);
    if (fields.length !== expected) {
      plan.problems.push({ place: `${file}:${at}`, message: `has ${fields.length} field${fields.length === 1 ? '' : 's'} where ${headers.columns ? 'the #columns header names' : 'the first row has'} ${expected}; check the separators and quotes on this line` });
      continue;
    }
    const big = fields.findIndex((f) => Buffer.byteLength(f) > limits.maxFieldBytes);
    if (big >= 0) {
      plan.problems.push({ place: `${file}:${at}, field ${big + 1}`, message: `is ${megabytes(Buffer.byteLength(fields[big]!))}; a field may hold at most ${megabytes(limits.maxFieldBytes)}` });
      continue;
    }
    const content = fields.filter((_, i) => !special.has(i)).map((f) => (headers.html ? f : escapeText(f)));
    if (content.length === 0 || content[0]!.trim() === '') {
      plan.problems.push({ place: `${file}:${at}`, message: 'the first field (the front of the card) is empty' });
      continue;
    }
    const tags = [...headers.tags, ...(headers.tagsColumn !== null ? (fields[headers.tagsColumn] ?? '').split(/\s+/).filter((t) => t) : [])];
    const deck = deckId(headers.deckColumn !== null ? (fields[headers.deckColumn] || fallbackDeck) : fallbackDeck);
    const type = typeNamed(headers.notetypeColumn !== null ? (fields[headers.notetypeColumn] ?? null) : headers.notetype, content.length);
    const noteKey = headers.guidColumn !== null && fields[headers.guidColumn] ? `text:${fields[headers.guidColumn]}` : `${deck}/${fnv(content[0]!)}`;
    const made = cardsOfNote(type, content);
    if (made.length === 0) {
      plan.problems.push({ place: `${file}:${at}`, message: 'is a cloze note without any {{c1::…}} deletion, so it makes no card' });
      continue;
    }
    for (const c of made) {
      const key = `${noteKey}/${c.ord}`;
      if (keys.has(key)) {
        plan.notices.push(`${file}:${at}: the same front appears on an earlier line; this row updates that card.`);
      }
      keys.add(key);
      plan.cards.push({
        key,
        deckId: deck,
        noteKind: c.kind === 'other' || c.kind === 'basic' ? (type === basicType ? 'basic' : 'text') : c.kind,
        kind: 'question',
        front: c.front,
        back: c.back,
        content: JSON.stringify({ kind: 'question', id: key, question: c.front, answer: c.back, tags, html: true }),
        suspended: false,
        reviews: [],
      });
    }
  }
  return plan;
}

/** A short stable hash of a note's first field, so importing the same file again updates rather than duplicates. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
