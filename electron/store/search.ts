// The text the card browser searches: every word a card shows (its fields, code, hints, tags)
// and its key, lower-cased once when the card is stored, so a search is a plain substring test
// over one column and needs no JSON parsing per row.

function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'kind' && k !== 'id') strings(v, out);
  }
}

/** What the browser matches a search against, from a card's key and stored content (JSON). */
export function searchText(key: string, content: string): string {
  return searchColumns(key, content).search;
}

/** Both columns the browser reads (searchText's and tagColumn's), the content parsed once. */
export function searchColumns(key: string, content: string): { search: string; tags: string } {
  const out = [key];
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    out.push(content);
    return { search: out.join('\n').toLowerCase(), tags: '' };
  }
  strings(parsed, out);
  return { search: out.join('\n').toLowerCase(), tags: tagsIn(parsed) };
}

/** A learner's search, folded the way searchText folds what it searches. */
export function searchNeedle(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * A card's tags as stored for the browser: each between newlines ("\ngo\nchannels\n"), so a
 * tag is found whole with one substring test and never as part of a longer tag.
 */
export function tagColumn(content: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return '';
  }
  return tagsIn(parsed);
}

function tagsIn(parsed: unknown): string {
  const tags = (parsed as { tags?: unknown } | null)?.tags;
  if (!Array.isArray(tags)) return '';
  const names = tags.filter((t): t is string => typeof t === 'string' && t !== '' && !t.includes('\n'));
  return names.length ? `\n${names.join('\n')}\n` : '';
}

/** The tags stored by tagColumn, back as a list. */
export function tagsOf(column: string): string[] {
  return column.split('\n').filter((t) => t !== '');
}
