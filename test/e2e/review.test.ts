// End to end, as a learner would: the real web host on a fresh data folder, Debian's Chromium,
// a review session driven only by the keyboard, then a restart of the host on the same folder
// to see that the progress was kept.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndToEnd, num, resultsDir, root, stopHost, text, watchErrors } from './harness.ts';

const decksDir = path.join(root, 'test', 'e2e', 'fixtures', 'decks');
/** Cards in the fixture deck, all new on a fresh data folder. */
const deckSize = 8;
const e2e = new EndToEnd();
const freshDataDir = () => e2e.freshDataDir();
const startHost = (dataDir: string) => e2e.startHost(dataDir, decksDir);
const openPage = (viewport: { width: number; height: number }) => e2e.openPage(viewport);

async function remaining(page: Page): Promise<{ fresh: number; learning: number; due: number }> {
  const t = await text(page, 'remaining');
  const m = /(\d+) new · (\d+) learning · (\d+) due/.exec(t.replace(/\s+/g, ' '));
  if (!m) throw new Error(`cannot read the remaining counts from "${t}"`);
  return { fresh: Number(m[1]), learning: Number(m[2]), due: Number(m[3]) };
}

async function todayCounts(page: Page): Promise<{ fresh: number; learning: number; due: number; reviewed: number }> {
  await page.getByRole('heading', { name: 'Today' }).waitFor();
  const row = page.locator('tr[data-deck="e2e-basics"]');
  return {
    fresh: Number(await row.getByTestId('new-count').textContent()),
    learning: Number(await row.getByTestId('learning-count').textContent()),
    due: Number(await row.getByTestId('due-count').textContent()),
    reviewed: await num(page, 'reviewed-today'),
  };
}

/** Waits until the given card is on screen showing the given side (the deck's order is fixed). */
async function shown(page: Page, id: string, side: 'front' | 'back'): Promise<void> {
  await page.locator(`[data-testid="card"][data-card-key="e2e-basics/${id}"][data-side="${side}"]`).waitFor({ timeout: 10_000 });
}

async function waitForDone(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelector('[data-testid="done-count"]')?.textContent === String(want), n);
}

describe('reviewing in the browser', () => {
  beforeAll(() => e2e.start());
  afterAll(() => e2e.close());

  it('builds a production page with no inline script or style and nothing from elsewhere', () => {
    const dist = path.join(root, 'dist', 'renderer');
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).toContain(`script-src 'self'`);
    expect(html).not.toMatch(/<style|style=/i);
    for (const m of html.matchAll(/<script\b[^>]*>/gi)) expect(m[0]).toMatch(/\ssrc="\.\//);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const js = fs
      .readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(dist, 'assets', f), 'utf8'))
      .join('\n');
    // React's development JSX would mean the test runner's NODE_ENV leaked into the build.
    expect(js).not.toContain('jsxDEV');
  });

  it('reviews five cards by keyboard, with undo, and keeps the progress across a restart', async () => {
    const dataDir = freshDataDir();
    const first = await startHost(dataDir);
    const page = await openPage({ width: 1000, height: 900 });
    const errors = watchErrors(page);
    await page.goto(first.url);

    // The token leaves the address bar as soon as the page has it.
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await todayCounts(page)).toEqual({ fresh: deckSize, learning: 0, due: 0, reviewed: 0 });

    await page.locator('tr[data-deck="e2e-basics"]').getByRole('button', { name: 'Start' }).click();

    // 1. A term card: Space shows the definition, 4 (Easy) sends it days away.
    await shown(page, 'goroutine', 'front');
    expect(await remaining(page)).toEqual({ fresh: 8, learning: 0, due: 0 });
    expect(await num(page, 'done-count')).toBe(0);
    await page.keyboard.press('Space');
    await shown(page, 'goroutine', 'back');
    await expect.poll(() => page.locator('button.grade').count()).toBe(4);
    // The buttons carry the intervals the scheduler previewed for this card.
    expect(await page.locator('button.grade-4 .grade-interval').textContent()).toMatch(/^\d+(\.\d)?(m|h|d|mo|y)$/);
    await page.keyboard.press('4');
    await waitForDone(page, 1);

    // 2. Again on the question card, then take it back with U: the card returns, progress drops.
    await shown(page, 'unbuffered-send', 'front');
    expect(await remaining(page)).toEqual({ fresh: 7, learning: 0, due: 0 });
    await page.keyboard.press('Enter');
    await shown(page, 'unbuffered-send', 'back');
    await page.keyboard.press('1');
    await waitForDone(page, 2);
    await shown(page, 'buffered-order', 'front');
    expect(await remaining(page)).toEqual({ fresh: 6, learning: 1, due: 0 });
    await page.keyboard.press('u');
    await waitForDone(page, 1);
    await shown(page, 'unbuffered-send', 'front');
    expect(await remaining(page)).toEqual({ fresh: 7, learning: 0, due: 0 });
    await expect.poll(() => text(page, 'progress')).toMatch(/Done this session: 1/);
    await page.keyboard.press('Space');
    await shown(page, 'unbuffered-send', 'back');
    await page.keyboard.press('4');
    await waitForDone(page, 2);

    // 3. The predict drill: T to type the prediction, Ctrl+Enter to check it, 3 (Good).
    await shown(page, 'buffered-order', 'front');
    // The program is shown in the Go editor (in a shadow root, which locators pierce), with the
    // keyword `package` coloured apart from the plain text around it.
    const firstLine = page.getByTestId('program').locator('.cm-line').first();
    await expect.poll(() => firstLine.textContent()).toBe('package main');
    const keyword = firstLine.locator('span', { hasText: 'package' });
    const colour = (l: typeof keyword) => l.evaluate((el) => getComputedStyle(el).color);
    // CodeMirror highlights within a time slice and finishes later when the machine is busy: wait for it.
    await expect.poll(async () => (await colour(keyword)) !== (await colour(firstLine))).toBe(true);
    await page.keyboard.press('t');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('prediction');
    await page.keyboard.type('1\n2');
    expect(await page.locator('#prediction').inputValue()).toBe('1\n2');
    await page.keyboard.press('Control+Enter');
    await shown(page, 'buffered-order', 'back');
    expect(await text(page, 'verdict')).toMatch(/^Right: that is exactly what it prints/);
    await page.screenshot({ path: path.join(resultsDir, 'review.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(resultsDir, 'review-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('3');
    await waitForDone(page, 3);

    // 4 and 5. The exercise and the next term, both Easy; the Good card now waits in learning.
    await shown(page, 'wait-for-all', 'front');
    expect(await remaining(page)).toEqual({ fresh: 5, learning: 1, due: 0 });
    await page.keyboard.press('Space');
    await shown(page, 'wait-for-all', 'back');
    await page.keyboard.press('4');
    await waitForDone(page, 4);
    await shown(page, 'mutex', 'front');
    expect(await remaining(page)).toEqual({ fresh: 4, learning: 1, due: 0 });
    await page.keyboard.press('Space');
    await shown(page, 'mutex', 'back');
    await page.keyboard.press('4');
    await waitForDone(page, 5);
    await shown(page, 'nil-channel', 'front');
    expect(await remaining(page)).toEqual({ fresh: 3, learning: 1, due: 0 });
    await expect
      .poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow'))
      .toBe('5');

    await page.getByRole('button', { name: 'Today', exact: true }).click();
    const before = await todayCounts(page);
    expect(before).toEqual({ fresh: 3, learning: 1, due: 0, reviewed: 5 });
    expect(errors).toEqual([]);

    // With the host gone, the page says so in words instead of going blank.
    await stopHost(first);
    await page.getByRole('button', { name: 'Decks', exact: true }).click();
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Cannot reach the app's local server/);
    await page.screenshot({ path: path.join(resultsDir, 'host-gone.png') });
    await page.close();

    // Restart on the same data folder: a new port and a new token, the same progress.
    const second = await startHost(dataDir);
    expect(second.url).not.toBe(first.url);
    const again = await openPage({ width: 1000, height: 700 });
    const errorsAfter = watchErrors(again);
    await again.goto(second.url);
    expect(await todayCounts(again)).toEqual(before);
    await again.screenshot({ path: path.join(resultsDir, 'today-after-restart.png'), fullPage: true });
    await again.emulateMedia({ colorScheme: 'dark' });
    await again.screenshot({ path: path.join(resultsDir, 'today-after-restart-dark.png'), fullPage: true });
    expect(errorsAfter).toEqual([]);
    await again.close();
    await stopHost(second);
  });

  it('buries, grades Hard, grades by clicking, and undoes with Ctrl+Z: the review log holds exactly that', async () => {
    const dataDir = freshDataDir();
    const host = await startHost(dataDir);
    const page = await openPage({ width: 1000, height: 800 });
    const errors = watchErrors(page);
    await page.goto(host.url);
    await page.locator('tr[data-deck="e2e-basics"]').getByRole('button', { name: 'Start' }).click();

    await shown(page, 'goroutine', 'front');
    await page.keyboard.press('-');
    await page.getByText('Buried: the card comes back tomorrow.').waitFor();
    await shown(page, 'unbuffered-send', 'front');
    await page.keyboard.press('Space');
    await shown(page, 'unbuffered-send', 'back');
    await page.keyboard.press('2');
    await waitForDone(page, 1);
    await shown(page, 'buffered-order', 'front');
    await page.keyboard.press('t');
    await page.keyboard.type('2\n1');
    await page.keyboard.press('Control+Enter');
    await shown(page, 'buffered-order', 'back');
    await page.getByRole('button', { name: /Good/ }).click();
    await waitForDone(page, 2);
    await shown(page, 'wait-for-all', 'front');
    await page.keyboard.press('Control+z');
    await shown(page, 'buffered-order', 'front');
    await waitForDone(page, 1);
    expect(errors).toEqual([]);
    await page.close();
    await stopHost(host);

    const db = new Database(path.join(dataDir, 'progress.db'), { readonly: true });
    const log = db.prepare('SELECT c.key, r.rating, r.typed, r.correct FROM review_log r JOIN cards c ON c.id = r.card_id ORDER BY r.id').all();
    const buried = db.prepare("SELECT suspended, buried_until IS NOT NULL AS buried FROM cards WHERE key = 'e2e-basics/goroutine'").get();
    db.close();
    // The Good on the drill was undone; Hard on the question stays; the term is buried, not suspended.
    expect(log).toEqual([{ key: 'e2e-basics/unbuffered-send', rating: 2, typed: null, correct: null }]);
    expect(buried).toEqual({ suspended: 0, buried: 1 });
  });

  it('points at deck problems by file, line and field, and rejects bad settings with a message', async () => {
    const dataDir = freshDataDir();
    const ownDecks = path.join(dataDir, 'decks');
    fs.mkdirSync(ownDecks);
    const broken = [
      'format: 1',
      'id: broken',
      'name: Broken deck',
      'cards:',
      '  - id: fine',
      '    kind: term',
      '    term: Fine',
      '    definition: Fine too.',
      '  - id: no-definition',
      '    kind: term',
      '    term: Missing its definition',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(ownDecks, 'broken.yaml'), broken);
    const host = await startHost(dataDir);
    const page = await openPage({ width: 1000, height: 800 });
    const errors = watchErrors(page);
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    // The problem found at start is announced on Today and leads to Decks.
    await page.getByTestId('deck-problem-notice').waitFor();
    await page.getByRole('button', { name: 'See what to fix in Decks' }).click();
    await page.getByRole('heading', { name: 'E2E Basics' }).waitFor();
    const problems = page.getByTestId('deck-problems');
    await problems.waitFor();
    expect(await problems.locator('li').first().textContent()).toContain('broken.yaml:9');
    await page.getByRole('button', { name: 'Reload from files' }).click();
    await page.getByRole('button', { name: 'Reload from files' }).waitFor();
    expect(await problems.locator('li').count()).toBe(1);
    const line = (await problems.locator('li').first().textContent()) ?? '';
    expect(line).toContain('broken.yaml:9');
    expect(line).toContain('cards[1].definition');
    expect(line).toMatch(/required/);
    await page.screenshot({ path: path.join(resultsDir, 'decks-problems.png'), fullPage: true });

    // Fixed on disk, reloaded: the problem list clears and the deck appears.
    fs.writeFileSync(path.join(ownDecks, 'broken.yaml'), broken + '    definition: Now it has one.\n');
    await page.getByRole('button', { name: 'Reload from files' }).click();
    await page.getByText('every deck file is valid').waitFor();
    await page.getByRole('heading', { name: 'Broken deck' }).waitFor();

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const perDay = page.getByLabel('New cards per day');
    await expect.poll(() => perDay.inputValue()).toBe('20');
    await perDay.fill('lots');
    await page.getByLabel('Desired retention').fill('0.5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('New cards per day must be a whole number from 0 to 9999.').waitFor();
    await page.getByText('Desired retention must be from 0.70 to 0.99; got 0.5.').waitFor();
    expect(await perDay.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(resultsDir, 'settings-invalid.png'), fullPage: true });

    await perDay.fill('1');
    await page.getByLabel('Desired retention').fill('0.85');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/^Saved\./).waitFor();

    // A reload has no token in the URL any more; the page keeps working from its session copy.
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByLabel('New cards per day').inputValue()).toBe('1');
    expect(await page.getByLabel('Desired retention').inputValue()).toBe('0.85');

    // One new card a day: after it, the session ends with a clear "done" state.
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    const row = page.locator('tr[data-deck="e2e-basics"]');
    await expect.poll(() => row.getByTestId('new-count').textContent()).toBe('1');
    await row.getByRole('button', { name: 'Start' }).click();
    await shown(page, 'goroutine', 'front');
    // @ suspends (the next new card takes its place), and the notice offers to take it back.
    await page.keyboard.press('@');
    await shown(page, 'unbuffered-send', 'front');
    await page.getByText('Suspended: the card will not be shown').waitFor();
    await page.getByRole('button', { name: 'Unsuspend it' }).click();
    await page.getByText('Unsuspended: the card is back in its deck.').waitFor();
    await page.keyboard.press('Space');
    await shown(page, 'unbuffered-send', 'back');
    await page.keyboard.press('4');
    const done = page.getByTestId('done-for-today');
    await done.waitFor();
    expect(await done.textContent()).toContain('Done for today');
    expect(await page.getByTestId('next-due').textContent()).toMatch(/^The next card in study is due /);
    await page.screenshot({ path: path.join(resultsDir, 'done-for-today.png'), fullPage: true });
    // The unsuspended card really is back: no deck reports a suspended card.
    await page.getByRole('button', { name: 'Decks', exact: true }).click();
    await page.getByRole('heading', { name: 'E2E Basics' }).waitFor();
    expect(await page.locator('.deck-list').textContent()).not.toContain('suspended');
    expect(errors).toEqual([]);
    await page.close();
    await stopHost(host);
  });

  it('explains an unreadable progress file and starts fresh without deleting it', async () => {
    const dataDir = freshDataDir();
    const dbFile = path.join(dataDir, 'progress.db');
    const garbage = 'this is not an SQLite database, but it is somebody\'s history\n'.repeat(200);
    fs.writeFileSync(dbFile, garbage);
    const host = await startHost(dataDir);
    const page = await openPage({ width: 1000, height: 700 });
    await page.goto(host.url);
    const notice = page.getByTestId('db-problem');
    await notice.waitFor();
    const said = (await notice.textContent()) ?? '';
    expect(said).toContain(dbFile);
    expect(said).toMatch(/not a database|cannot be opened/i);
    // Nothing else is offered until the learner decides.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.screenshot({ path: path.join(resultsDir, 'db-problem.png'), fullPage: true });

    await page.getByRole('button', { name: 'Start fresh (keeps the old file)' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const kept = (await page.getByText('The old progress file was kept at').textContent()) ?? '';
    const keptPath = /kept at (\S+)\./.exec(kept)?.[1] ?? '';
    expect(fs.readFileSync(keptPath, 'utf8')).toBe(garbage);
    expect(await page.locator('tr[data-deck="e2e-basics"]').getByTestId('new-count').textContent()).toBe(String(deckSize));
    await page.close();
    await stopHost(host);
  });
});
