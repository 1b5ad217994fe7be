// Anki notes turned into the app's cards, by note type: Basic gives one card, Basic (and
// reversed card) two, Cloze one per cloze number; any other type one card whose front is the
// first field and whose back is the rest. Fields stay HTML; the page sanitizes them when shown.
import type { NoteKind } from './plan.ts';

export interface NoteType {
  name: string;
  cloze: boolean;
  fieldCount: number;
  templateCount: number;
}

export interface NoteCard {
  /** The Anki card ordinal this card stands for (template number, or cloze number - 1). */
  ord: number;
  kind: NoteKind;
  front: string;
  back: string;
}

const clozePattern = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The cloze numbers used anywhere in the note, ascending. */
export function clozeNumbers(fields: readonly string[]): number[] {
  const found = new Set<number>();
  for (const f of fields) for (const m of f.matchAll(clozePattern)) found.add(Number(m[1]));
  return [...found].filter((n) => n > 0).sort((a, b) => a - b);
}

/** The text with cloze `n` hidden (front) or marked (back), and every other cloze shown plainly. */
export function renderCloze(text: string, n: number, reveal: boolean): string {
  return text.replace(clozePattern, (_all, num: string, body: string, hint: string | undefined) => {
    if (Number(num) !== n) return body;
    if (reveal) return `<span class="cloze">${body}</span>`;
    return `<span class="cloze">[${hint ? hint : '…'}]</span>`;
  });
}

function rest(fields: readonly string[], from: number): string {
  return fields
    .slice(from)
    .filter((f) => f.trim() !== '')
    .join('<hr>');
}

export function cardsOfNote(type: NoteType, fields: readonly string[]): NoteCard[] {
  const f = (i: number) => fields[i] ?? '';
  if (type.cloze) {
    const extra = rest(fields, 1);
    return clozeNumbers([f(0)]).map((n) => ({
      ord: n - 1,
      kind: 'cloze' as const,
      front: renderCloze(f(0), n, false),
      back: renderCloze(f(0), n, true) + (extra ? `<hr>${extra}` : ''),
    }));
  }
  if (type.templateCount === 2 && (type.fieldCount === 2 || type.fieldCount === 3)) {
    // "Basic (and reversed card)"; with a third field, "Basic (optional reversed card)",
    // whose reverse exists only when that field is filled in.
    const out: NoteCard[] = [{ ord: 0, kind: 'reversed', front: f(0), back: f(1) }];
    if (type.fieldCount === 2 || f(2).trim() !== '') out.push({ ord: 1, kind: 'reversed', front: f(1), back: f(0) });
    return out;
  }
  if (type.templateCount === 1 && type.fieldCount === 2) return [{ ord: 0, kind: 'basic', front: f(0), back: f(1) }];
  return [{ ord: 0, kind: 'other', front: f(0), back: rest(fields, 1) }];
}

/**
 * Points `<img src="name">` at the copy the app keeps. `stored` maps the package's file names
 * to names under media/; a name the package does not hold is left as it is (it shows broken,
 * and the CSP keeps anything remote from loading).
 */
export function rewriteMedia(html: string, stored: ReadonlyMap<string, string>): string {
  if (stored.size === 0 || !html.includes('src')) return html;
  return html.replace(/(<img\b[^>]*?\bsrc\s*=\s*)("([^"]*)"|'([^']*)'|([^\s>]+))/gi, (all, lead: string, _q, dq?: string, sq?: string, bare?: string) => {
    const raw = dq ?? sq ?? bare ?? '';
    let name = raw.replace(/&amp;/g, '&');
    try {
      name = decodeURIComponent(name);
    } catch {
      // Not URL-encoded after all; look it up as written.
    }
    const to = stored.get(name) ?? stored.get(raw);
    return to ? `${lead}"media/${to}"` : all;
  });
}
