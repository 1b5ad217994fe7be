import { afterAll, describe, expect, it } from 'vitest';
import { readHeaders, splitRecords } from '../../../electron/transfer/csv.ts';
import { cleanTemp } from '../helpers.ts';
import { freshBackend, preview, rows } from './importing.ts';

afterAll(cleanTemp);

const enc = (s: string) => new TextEncoder().encode(s);

describe("Anki's text format", () => {
  it('splits quoted fields holding separators, quotes and line breaks, and counts lines across them', () => {
    const text = 'a,"b, c"\n"multi\nline ""quoted""",d\r\ne,f';
    expect(splitRecords(text, ',', 1, 0)).toEqual({
      records: [
        { line: 1, fields: ['a', 'b, c'] },
        { line: 2, fields: ['multi\nline "quoted"', 'd'] },
        { line: 4, fields: ['e', 'f'] },
      ],
      openQuoteLine: null,
    });
  });

  it('reads the header lines', () => {
    const { headers, line } = readHeaders('#separator:Semicolon\n#html:true\n#columns:Front;Back;Tags\n#deck:Go::Text\n#tags:imported go\n#notetype:Basic\na;b;c\n', 'x.txt');
    expect(headers).toMatchObject({ separator: ';', html: true, columns: ['Front', 'Back', 'Tags'], deck: 'Go::Text', tags: ['imported', 'go'], notetype: 'Basic' });
    expect(line).toBe(7);
  });

  it('a bad header names its line', async () => {
    const { backend } = freshBackend();
    const p = await preview(backend, 'x.txt', enc('#separator:tab\n#html:maybe\na\tb\n'));
    expect(p.problems).toEqual([{ place: 'x.txt:2', message: '#html: must be true or false (got "maybe")' }]);
    backend.close();
  });

  it('imports a TSV with headers: deck, tags, notetype and deck columns, HTML kept or escaped', async () => {
    const { backend, dbPath } = freshBackend();
    const tsv = [
      '#separator:tab',
      '#html:false',
      '#tags:from-text',
      '#columns:Front\tBack\tDeck\tNotetype',
      '#deck column:3',
      '#notetype column:4',
      'What is <select>?\t"A statement that waits\non several channels"\tGo::Text\tBasic',
      'chan\tchannel\tGo::Text\tBasic (and reversed card)',
      'A {{c1::buffered}} channel has {{c2::capacity}}\t\tGo::Cloze\tCloze',
      '',
    ].join('\n');
    const p = await preview(backend, 'words.tsv', enc(tsv));
    expect(p.problems).toEqual([]);
    expect(p.decks.map((d) => [d.name, d.cards])).toEqual([['Go::Text', 3], ['Go::Cloze', 2]]);
    expect(Object.fromEntries(p.kinds.map((k) => [k.kind, k.cards]))).toEqual({ basic: 1, reversed: 2, cloze: 2 });
    await backend.importCommit({ importId: p.importId });
    const contents = rows<{ content: string; deck_id: string }>(dbPath, "SELECT content, deck_id FROM cards WHERE deck_id LIKE 'text:%' ORDER BY id").map((r) => ({ ...JSON.parse(r.content), deck: r.deck_id }));
    expect(contents[0]).toMatchObject({ question: 'What is &lt;select&gt;?', answer: 'A statement that waits<br>on several channels', tags: ['from-text'], html: true, deck: 'text:go-text' });
    expect(contents[2]).toMatchObject({ question: 'channel', answer: 'chan' });
    expect(contents[3].question).toBe('A <span class="cloze">[…]</span> channel has capacity');
    // The same file again updates rather than duplicates.
    const again = await preview(backend, 'words.tsv', enc(tsv));
    expect(again.decks.every((d) => d.newCards === 0)).toBe(true);
    backend.close();
  });

  it('a comma CSV without headers takes its separator from the first line and its deck from the file name', async () => {
    const { backend } = freshBackend();
    const p = await preview(backend, 'chan-words.csv', enc('"a, b",c\nd,e\n'));
    expect(p.problems).toEqual([]);
    expect(p.decks).toEqual([{ id: 'text:chan-words', name: 'chan-words', cards: 2, newCards: 2, updatedCards: 0 }]);
    expect(p.firstCards[0]).toMatchObject({ front: 'a, b', back: 'c' });
    backend.close();
  });
});
