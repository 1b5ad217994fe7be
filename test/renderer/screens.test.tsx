// @vitest-environment jsdom
// The other screens' logic in jsdom, over the real backend: Today counts and starts a deck,
// Settings checks and saves what is typed (and shows the backend's refusal at its field), Decks
// points at a broken deck file's line and clears it once the file is fixed and reloaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend.ts';
import { ReportContext } from '../../renderer/errors.tsx';
import { Decks } from '../../renderer/screens/Decks.tsx';
import { Settings } from '../../renderer/screens/Settings.tsx';
import { Today } from '../../renderer/screens/Today.tsx';
import { cleanTemp, FakeClock, tempDir } from '../electron/helpers.ts';
import { apiOf, Page } from './page.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));
const decks = path.join(here, '..', 'e2e', 'fixtures', 'decks');
const clock = new FakeClock(new Date(2026, 4, 12, 10, 0));

let page: Page;
let backend: Backend;
const problems: unknown[] = [];

function open(dataDir = tempDir(), backgroundDeckBytes?: number): Backend {
  backend = new Backend({ dataDir, decksDir: decks, host: 'web', version: 't', now: clock.now, backgroundDeckBytes });
  page = new Page();
  return backend;
}

afterEach(async () => {
  await page.close();
  backend.close();
  expect(problems.splice(0)).toEqual([]);
});

afterAll(cleanTemp);

const withReport = (node: React.ReactNode) => <ReportContext.Provider value={(err) => problems.push(err)}>{node}</ReportContext.Provider>;

describe('Today', () => {
  it('counts what waits in each deck, and Start opens that deck', async () => {
    open();
    const started: (string | undefined)[] = [];
    const browsed: string[] = [];
    await page.render(withReport(<Today api={apiOf(backend)} onStart={(d) => started.push(d)} onDecks={() => {}} onBrowse={(d) => browsed.push(d)} />));
    await page.until(() => page.$('tr[data-deck="e2e-basics"]') !== null, 'the deck row');
    const row = page.$('tr[data-deck="e2e-basics"]')!;
    expect(row.querySelector('[data-testid="new-count"]')!.textContent).toBe('8');
    expect(page.$('[data-testid="reviewed-today"]')!.textContent).toMatch(/0/);
    await page.click([...row.querySelectorAll('button')].find((b) => b.textContent === 'Start'), 'Start');
    expect(started).toEqual(['e2e-basics']);
    // The deck's title opens the browser on that deck.
    await page.click(row.querySelector('button.deck-title'), 'the deck title');
    expect(browsed).toEqual(['e2e-basics']);
  });
});

describe('Today at a start whose decks load in the background', () => {
  it('says the decks are loading, then shows them without being asked again', async () => {
    // Any folder counts as big here, so these few decks load as 100,000 cards would.
    open(tempDir(), 0);
    await page.render(withReport(<Today api={apiOf(backend)} onStart={() => {}} onDecks={() => {}} />));
    await page.until(() => page.$('[data-testid="decks-loading-notice"]') !== null, 'the loading notice');
    expect(page.$('[data-testid="decks-loading-notice"]')!.textContent).toMatch(/Loading deck files in the background/);
    await backend.decksReady;
    // The page asks again once a second; `until` gives up after about one, so it may take a few.
    const shown = () => page.$('tr[data-deck="e2e-basics"]') !== null && page.$('[data-testid="decks-loading-notice"]') === null;
    for (let tries = 1; !shown(); tries++) await page.until(shown, 'the deck row, the notice gone').catch((err: unknown) => { if (tries >= 5) throw err; });
    expect(page.$('tr[data-deck="e2e-basics"] [data-testid="new-count"]')!.textContent).toBe('8');
  });
});

describe('Settings', () => {
  async function settingsPage() {
    open();
    await page.render(withReport(<Settings api={apiOf(backend)} />));
    await page.until(() => page.$('#setting-newPerDay') !== null, 'the form');
  }
  const save = () => page.click(page.$('form.settings button[type="submit"]'), 'Save settings');

  it('explains a wrong value at its field and saves nothing', async () => {
    await settingsPage();
    await page.type(page.$<HTMLInputElement>('#setting-newPerDay')!, 'lots');
    await save();
    expect(page.$('#setting-newPerDay-help')!.textContent).toBe('New cards per day must be a whole number from 0 to 9999.');
    expect(page.$('#setting-newPerDay')!.getAttribute('aria-invalid')).toBe('true');
    expect((await backend.getSettings({})).newPerDay).toBe(20);
  });

  it('saves numbers, the order of new cards and the review-limit choice', async () => {
    await settingsPage();
    await page.type(page.$<HTMLInputElement>('#setting-newPerDay')!, '7');
    await page.type(page.$<HTMLInputElement>('#setting-desiredRetention')!, '85');
    await page.choose(page.$<HTMLSelectElement>('#setting-newReviewOrder')!, 'afterReviews');
    await page.click(page.$('#setting-newIgnoresReviewLimit'), 'the review-limit box');
    await save();
    await page.until(() => /Saved\./.test(page.text()), 'the saved message');
    expect(await backend.getSettings({})).toMatchObject({ newPerDay: 7, desiredRetention: 0.85, newReviewOrder: 'afterReviews', newIgnoresReviewLimit: true });
  });
});

describe('Decks', () => {
  it('points at a broken deck file by file and line, and clears once the file is fixed and reloaded', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'decks'));
    const file = path.join(dataDir, 'decks', 'mine.yaml');
    const broken = 'format: 1\nid: mine\nname: Mine\ncards:\n  - id: a\n    kind: term\n    term: A\n';
    fs.writeFileSync(file, broken);
    open(dataDir);
    const browsed: string[] = [];
    await page.render(withReport(<Decks api={apiOf(backend)} onBrowse={(d) => browsed.push(d)} />));
    await page.until(() => page.$('[data-testid="deck-problems"]') !== null, 'the problem list');
    const item = page.$('[data-testid="deck-problems"] li')!.textContent!;
    expect(item).toContain('mine.yaml:5');
    expect(item).toContain('cards[0].definition');
    fs.writeFileSync(file, broken.replace('name: Mine\n', 'name: Mine\ndescription: "Uses **select** and `<-ch`; <script>x()</script>"\n') + '    definition: The letter.\n');
    await page.click([...page.host.querySelectorAll('button')].find((b) => b.textContent === 'Reload from files'), 'Reload');
    await page.until(() => /every deck file is valid/.test(page.text()), 'the all-clear');
    expect(page.$('[data-testid="deck-problems"]')).toBeNull();
    expect([...page.host.querySelectorAll('.deck h2')].map((h) => h.textContent)).toEqual(['E2E Basics', 'Mine']);
    // A deck's description is Markdown, shown formatted and sanitized, never as raw marks.
    const description = page.$('.deck:last-child .deck-description')!;
    expect(description.querySelector('strong')?.textContent).toBe('select');
    expect(description.querySelector('code')?.textContent).toBe('<-ch');
    expect(description.textContent).not.toContain('**');
    expect(description.querySelector('script')).toBeNull();
    await page.click(page.$('.deck:last-child h2 button.deck-title'), 'the title of Mine');
    expect(browsed).toEqual(['mine']);
  });
});
