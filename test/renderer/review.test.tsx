// @vitest-environment jsdom
// The review screen's logic, in jsdom: the real Review component over the real backend (through
// the same bridge the Electron page uses, with only the IPC hop replaced by a call) and gosim run
// in process instead of in a Web Worker. Keys and clicks go in; what the review log and the card
// rows hold afterwards is read straight from the SQLite file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend.ts';
import { ReportContext } from '../../renderer/errors.tsx';
import { GosimClient, type WorkerLike } from '../../renderer/gosim/client.ts';
import { GosimContext } from '../../renderer/gosim/context.tsx';
import { answer } from '../../renderer/gosim/jobs.ts';
import type { WorkerRequest } from '../../renderer/gosim/protocol.ts';
import { Review } from '../../renderer/review/Review.tsx';
import { cleanTemp, FakeClock, tempDir } from '../electron/helpers.ts';
import { apiOf, Page } from './page.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));
const decks = path.join(here, '..', 'e2e', 'fixtures', 'decks');

/** gosim as the page's worker runs it, answering in process on the next tick. */
function inProcessWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (request: WorkerRequest) => setTimeout(() => w.onmessage?.({ data: answer(request) }), 0),
    terminate: () => {},
  };
  setTimeout(() => w.onmessage?.({ data: { ready: true } }), 0);
  return w;
}

interface LogRow {
  key: string;
  rating: number;
  typed: string | null;
  correct: number | null;
}

let page: Page;
let backend: Backend;
let db: Database.Database;
let problems: unknown[];
const clock = new FakeClock(new Date(2026, 4, 12, 10, 0));

beforeEach(async () => {
  backend = new Backend({ dataDir: tempDir(), decksDir: decks, host: 'electron', version: 't', now: clock.now });
  db = new Database(backend.dbPath, { readonly: true });
  problems = [];
  page = new Page();
  await page.render(
    <ReportContext.Provider value={(err) => problems.push(err)}>
      <GosimContext.Provider value={new GosimClient(inProcessWorker)}>
        <Review api={apiOf(backend)} deckId={undefined} onLeave={() => {}} />
      </GosimContext.Provider>
    </ReportContext.Provider>,
  );
  await shown('e2e-basics/goroutine', 'front');
});

afterEach(async () => {
  await page.close();
  db.close();
  backend.close();
  expect(problems).toEqual([]);
});

afterAll(cleanTemp);

const until = (check: () => boolean, what: string) => page.until(check, what);
const press = (key: string, mods: { ctrlKey?: boolean } = {}) => page.press(key, mods);
const click = (el: Element | null | undefined, what: string) => page.click(el, what);
const type = (box: HTMLTextAreaElement, text: string) => page.type(box, text);
const host = { querySelector: <E extends Element = HTMLElement>(s: string) => page.$<E>(s) };

const card = () => host.querySelector<HTMLElement>('[data-testid="card"]');

async function shown(key: string, side: 'front' | 'back'): Promise<void> {
  await until(() => card()?.dataset.cardKey === key && card()?.dataset.side === side, `${key} on its ${side}`);
}

function log(): LogRow[] {
  return db.prepare('SELECT c.key, r.rating, r.typed, r.correct FROM review_log r JOIN cards c ON c.id = r.card_id ORDER BY r.id').all() as LogRow[];
}

function row(key: string): { suspended: number; buried_until: number | null; state: number } {
  return db.prepare('SELECT suspended, buried_until, state FROM cards WHERE key = ?').get(key) as { suspended: number; buried_until: number | null; state: number };
}

async function done(n: number): Promise<void> {
  await until(() => host.querySelector('[data-testid="done-count"]')?.textContent === String(n), `${n} answered`);
}

describe('the review screen', () => {
  it('sends the grade pressed: 2 is Hard, and a grade button sends its own grade', async () => {
    await press(' ');
    await shown('e2e-basics/goroutine', 'back');
    await press('2');
    await done(1);
    await shown('e2e-basics/unbuffered-send', 'front');
    await press('Enter');
    await shown('e2e-basics/unbuffered-send', 'back');
    await click(host.querySelector('button.grade-4'), 'the Easy button');
    await done(2);
    expect(log().map((r) => [r.key, r.rating])).toEqual([
      ['e2e-basics/goroutine', 2],
      ['e2e-basics/unbuffered-send', 4],
    ]);
  });

  it('buries with "-" and suspends with "@", each doing only its own thing', async () => {
    await press('-');
    await shown('e2e-basics/unbuffered-send', 'front');
    expect(row('e2e-basics/goroutine')).toMatchObject({ suspended: 0 });
    expect(row('e2e-basics/goroutine').buried_until).toBeGreaterThan(clock.now().getTime());
    await press('@');
    await shown('e2e-basics/buffered-order', 'front');
    expect(row('e2e-basics/unbuffered-send')).toMatchObject({ suspended: 1, buried_until: null });
    expect(log()).toEqual([]);
  });

  it('takes an answer back with Ctrl+Z, and with U', async () => {
    await press(' ');
    await press('3');
    await done(1);
    await shown('e2e-basics/unbuffered-send', 'front');
    await press('z', { ctrlKey: true });
    await shown('e2e-basics/goroutine', 'front');
    expect(log()).toEqual([]);
    expect(row('e2e-basics/goroutine').state).toBe(0);
    await press(' ');
    await press('4');
    await done(1);
    await press('u');
    await shown('e2e-basics/goroutine', 'front');
    expect(log()).toEqual([]);
  });

  it('undoes a bury as well as an answer, a step at a time, naming the card each time', async () => {
    await press(' ');
    await press('3');
    await done(1);
    await shown('e2e-basics/unbuffered-send', 'front');
    await press('-');
    await shown('e2e-basics/buffered-order', 'front');
    // The bury is what was done last, so it is what comes back first; the answer stays.
    await press('u');
    await shown('e2e-basics/unbuffered-send', 'front');
    expect(row('e2e-basics/unbuffered-send').buried_until).toBeNull();
    expect(page.text()).toContain('Undone: burying “When does a send on an unbuffered channel complete?” (e2e-basics/unbuffered-send).');
    expect(log().map((r) => r.key)).toEqual(['e2e-basics/goroutine']);
    await done(1);
    await press('u');
    await shown('e2e-basics/goroutine', 'front');
    expect(page.text()).toContain('Undone: your answer to “Goroutine” (e2e-basics/goroutine).');
    expect(log()).toEqual([]);
    await done(0);
    await press('u');
    await until(() => page.text().includes('There is nothing to undo today.'), 'nothing left to undo');
  });

  it('records a right prediction as right and a wrong one as wrong, with what was typed, and suggests the grade', async () => {
    // Bury the first two cards to reach the drill.
    await press('-');
    await shown('e2e-basics/unbuffered-send', 'front');
    await press('-');
    await shown('e2e-basics/buffered-order', 'front');
    // Space before typing anything opens the box rather than predicting "nothing".
    await press(' ');
    await shown('e2e-basics/buffered-order', 'front');
    expect(document.activeElement?.id).toBe('prediction');
    const box = host.querySelector<HTMLTextAreaElement>('#prediction')!;
    await type(box, '1\n3');
    await press('Enter', { ctrlKey: true });
    await shown('e2e-basics/buffered-order', 'back');
    await until(() => host.querySelector('[data-testid="verdict"]') !== null, 'a verdict');
    expect(host.querySelector('[data-testid="verdict"]')!.textContent).toMatch(/^Not quite/);
    expect(host.querySelector('button.grade[data-suggested="true"]')?.getAttribute('data-rating')).toBe('1');
    // Space takes the suggested grade.
    await press('Escape');
    await press(' ');
    await done(1);
    expect(log()).toEqual([{ key: 'e2e-basics/buffered-order', rating: 1, typed: '1\n3', correct: 0 }]);

    // Again brings the drill back a minute later: a fresh attempt, answered right this time.
    await shown('e2e-basics/wait-for-all', 'front');
    clock.advance(2 * 60_000);
    await press('-');
    await shown('e2e-basics/buffered-order', 'front');
    const again = host.querySelector<HTMLTextAreaElement>('#prediction')!;
    expect(again.value).toBe('');
    await type(again, '1\n2\n');
    await press('Enter', { ctrlKey: true });
    await until(() => host.querySelector('[data-testid="verdict"]') !== null, 'a verdict');
    expect(host.querySelector('[data-testid="verdict"]')!.textContent).toMatch(/^Right/);
    await press('Escape');
    await press('3');
    await done(2);
    expect(log()[1]).toEqual({ key: 'e2e-basics/buffered-order', rating: 3, typed: '1\n2\n', correct: 1 });
  });
});
