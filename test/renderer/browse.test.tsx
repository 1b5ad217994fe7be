// @vitest-environment jsdom
// The card browser in jsdom over the real backend: searching and filtering narrow the list,
// the keys choose a card and act on it, card info lists its reviews, and undo takes an action
// back; what the card rows hold is read from the SQLite file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend.ts';
import { ReportContext } from '../../renderer/errors.tsx';
import { Browse } from '../../renderer/screens/Browse.tsx';
import { cleanTemp, FakeClock, tempDir } from '../electron/helpers.ts';
import { apiOf, Page } from './page.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));
const decks = path.join(here, '..', 'e2e', 'fixtures', 'decks');
const clock = new FakeClock(new Date(2026, 4, 12, 10, 0));

let page: Page;
let backend: Backend;
let db: Database.Database;
let problems: unknown[];

async function open(deckId?: string): Promise<void> {
  await page.render(
    <ReportContext.Provider value={(err) => problems.push(err)}>
      <Browse api={apiOf(backend)} deckId={deckId} />
    </ReportContext.Provider>,
  );
}

beforeEach(() => {
  backend = new Backend({ dataDir: tempDir(), decksDir: decks, host: 'web', version: 't', now: clock.now });
  db = new Database(backend.dbPath, { readonly: true });
  problems = [];
  page = new Page();
});

afterEach(async () => {
  await page.close();
  db.close();
  backend.close();
  expect(problems).toEqual([]);
});

afterAll(cleanTemp);

const listed = () => [...page.host.querySelectorAll<HTMLElement>('tr[data-card-key]')].map((r) => r.dataset.cardKey);
const selected = () => page.$<HTMLElement>('tr[aria-selected="true"]')?.dataset.cardKey;
const count = () => page.$('[data-testid="browse-count"]')!.textContent;
const id = (key: string) => (db.prepare('SELECT id FROM cards WHERE key = ?').get(key) as { id: number }).id;
const row = (key: string) => db.prepare('SELECT suspended, buried_until, state FROM cards WHERE key = ?').get(key) as { suspended: number; buried_until: number | null; state: number };

describe('the card browser', () => {
  it('lists every card, narrows by typed words and by the filters, and shows the chosen card', async () => {
    await open();
    await page.until(() => listed().length === 8, 'all eight cards');
    expect(count()).toBe('1–8 of 8 cards');
    expect(selected()).toBe(listed()[0]);
    await page.until(() => page.$('[data-testid="card-info"]') !== null, 'the first card’s info');

    await page.type(page.$<HTMLInputElement>('#browse-text')!, 'UNBUFFERED');
    await page.until(() => listed().length === 1, 'one match');
    expect(listed()).toEqual(['e2e-basics/unbuffered-send']);
    await page.type(page.$<HTMLInputElement>('#browse-text')!, 'no card says this');
    await page.until(() => count() === 'No cards match.', 'no match');

    await page.type(page.$<HTMLInputElement>('#browse-text')!, '');
    await page.until(() => listed().length === 8, 'all again');
    await page.choose(page.$<HTMLSelectElement>('#browse-kind')!, 'predict');
    await page.until(() => listed().length === 2, 'the two drills');
    expect(listed()).toEqual(['e2e-basics/buffered-order', 'e2e-basics/select-default']);
    await page.choose(page.$<HTMLSelectElement>('#browse-kind')!, '');
    await page.until(() => page.$('#browse-tag option[value="basics"]') !== null, 'the tag list');
    await page.choose(page.$<HTMLSelectElement>('#browse-tag')!, 'basics');
    await page.until(() => listed().length < 8, 'tagged cards only');
    expect(listed()).toContain('e2e-basics/goroutine');
    expect(listed().every((k) => (db.prepare('SELECT tags FROM cards WHERE key = ?').get(k) as { tags: string }).tags.includes('\nbasics\n'))).toBe(true);
  });

  it('opens on one deck when a deck is given, and on none of another', async () => {
    await open('no-such-deck');
    await page.until(() => count() === 'No cards match.', 'an empty list for a deck without cards');
    expect(page.$<HTMLSelectElement>('#browse-deck')!.value).toBe('no-such-deck');
  });

  it('suspends with @ and unsuspends with @ again, buries with -, and undoes with U, naming the card', async () => {
    await open('e2e-basics');
    await page.until(() => listed().length === 8, 'the deck’s cards');
    page.$<HTMLElement>('[data-testid="browse-list"]')!.focus();
    await page.press('ArrowDown');
    await page.until(() => selected() === listed()[1], 'the second card chosen');
    const key = selected()!;
    await page.press('@');
    await page.until(() => row(key).suspended === 1, 'suspended in the database');
    await page.until(() => page.$('[data-testid="info-state"]')?.textContent?.includes('suspended') === true, 'info says suspended');
    expect(page.$('[data-testid="browse-notice"]')!.textContent).toMatch(/^Suspended “/);
    await page.press('@');
    await page.until(() => row(key).suspended === 0, 'unsuspended');
    await page.press('-');
    await page.until(() => row(key).buried_until !== null, 'buried');
    await page.press('u');
    await page.until(() => row(key).buried_until === null, 'the bury undone');
    expect(page.$('[data-testid="browse-notice"]')!.textContent).toContain(`Undone: burying`);
    expect(page.$('[data-testid="browse-notice"]')!.textContent).toContain(`(${key})`);
    // The state filter finds what was done.
    await page.press('@');
    await page.until(() => row(key).suspended === 1, 'suspended again');
    await page.choose(page.$<HTMLSelectElement>('#browse-state')!, 'suspended');
    await page.until(() => listed().length === 1, 'only the suspended card');
    expect(listed()).toEqual([key]);
  });

  it('shows every review of a card with its rating, interval, time and what was typed; Forget makes it new', async () => {
    const drill = id('e2e-basics/buffered-order');
    await backend.answer({ cardId: drill, rating: 1, durationMs: 12_300, typed: '1\n3', correct: false });
    clock.advance(2 * 60_000);
    await backend.answer({ cardId: drill, rating: 3, durationMs: 4_000, typed: '1\n2\n', correct: true });
    await open();
    await page.type(page.$<HTMLInputElement>('#browse-text')!, 'buffered-order');
    await page.until(() => listed().length === 1, 'the drill');
    await page.until(() => page.$('[data-testid="info-reviews"]') !== null, 'its reviews');
    const cells = [...page.host.querySelectorAll('[data-testid="info-reviews"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent),
    );
    expect(cells).toEqual([
      ['Again', '1m', '12.3 s', '✗ wrong1\n3'],
      ['Good', '10m', '4.0 s', '✓ right1\n2\n'],
    ]);
    const forget = [...page.host.querySelectorAll('button')].find((b) => b.textContent === 'Forget')!;
    await page.click(forget, 'Forget');
    await page.until(() => row('e2e-basics/buffered-order').state === 0, 'a new card again');
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log WHERE card_id = ?').get(drill)).toEqual({ n: 2 });
    await page.until(() => page.$('[data-testid="info-state"]')?.textContent === 'New', 'info says New');
  });
});
