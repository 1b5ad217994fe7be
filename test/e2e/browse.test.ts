// The card browser end to end: the real web host and Chromium, a window 800 px high. A deck's
// title on Today opens the browser on that deck; a search finds one card; the keyboard suspends
// and unsuspends it; card info shows the review given earlier; the database agrees afterwards.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndToEnd, root, screenshots, stopHost, text, watchErrors } from './harness.ts';

const decksDir = path.join(root, 'test', 'e2e', 'fixtures', 'decks');
const e2e = new EndToEnd();

describe('browsing cards in the browser', () => {
  beforeAll(() => e2e.start());
  afterAll(() => e2e.close());

  it('finds a card, suspends and unsuspends it by keyboard, and shows its reviews', async () => {
    const dataDir = e2e.freshDataDir();
    const host = await e2e.startHost(dataDir, decksDir);
    const page = await e2e.openPage({ width: 1280, height: 800 });
    const errors = watchErrors(page);
    await page.goto(host.url);

    // One answer first, so that card info has a review to show.
    await page.locator('tr[data-deck="e2e-basics"]').getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-testid="card"][data-card-key="e2e-basics/goroutine"][data-side="front"]').waitFor();
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await page.locator('[data-testid="card"][data-card-key="e2e-basics/unbuffered-send"]').waitFor();

    await page.getByRole('button', { name: 'Today' }).click();
    await page.locator('tr[data-deck="e2e-basics"] button.deck-title').click();
    await page.getByRole('heading', { name: 'Browse' }).waitFor();
    expect(await page.locator('#browse-deck').inputValue()).toBe('e2e-basics');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-card-key]').length === 8);
    // The card answered is the only one with a due time, so it leads the list by due.
    expect(await page.locator('tr[data-card-key]').first().getAttribute('data-card-key')).toBe('e2e-basics/goroutine');
    await page.getByTestId('info-reviews').waitFor();
    expect(await page.locator('[data-testid="info-reviews"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="info-reviews"] tbody tr td').nth(1).textContent()).toBe('Good');
    await screenshots(page, 'browse-card-info');

    // "/" to search, type, Enter into the list, "@" to suspend.
    await page.keyboard.press('/');
    await page.keyboard.type('mutex');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-card-key]').length === 1);
    const key = await page.locator('tr[data-card-key]').getAttribute('data-card-key');
    expect(key).toBe('e2e-basics/mutex');
    await page.keyboard.press('Enter');
    await page.keyboard.press('@');
    await page.getByTestId('browse-notice').getByText(/^Suspended “/).waitFor();
    await expect.poll(() => text(page, 'info-state')).toBe('New · suspended');
    await screenshots(page, 'browse-suspended');
    await page.keyboard.press('@');
    await page.getByTestId('browse-notice').getByText(/^Unsuspended “/).waitFor();
    await expect.poll(() => text(page, 'info-state')).toBe('New');

    // The deck's title on Decks opens the browser too.
    await page.getByRole('button', { name: 'Decks' }).click();
    await page.locator('.deck h2 button.deck-title').first().waitFor();
    await screenshots(page, 'decks-titles');
    await page.locator('.deck h2 button.deck-title').first().click();
    await page.getByRole('heading', { name: 'Browse' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-card-key]').length === 8);

    // A narrower window stacks the card under the list and still works.
    await page.setViewportSize({ width: 820, height: 800 });
    await page.locator('#browse-text').fill('');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-card-key]').length === 8);
    await screenshots(page, 'browse-narrow');
    expect(errors).toEqual([]);
    await page.close();
    await stopHost(host);

    const db = new Database(path.join(dataDir, 'progress.db'), { readonly: true });
    expect(db.prepare("SELECT suspended FROM cards WHERE key = 'e2e-basics/mutex'").get()).toEqual({ suspended: 0 });
    expect(db.prepare("SELECT action FROM undo_steps u JOIN cards c ON c.id = u.card_id WHERE c.key = 'e2e-basics/mutex' ORDER BY u.id").all()).toEqual([
      { action: 'suspend' },
      { action: 'unsuspend' },
    ]);
    db.close();
  });
});
