// End to end in Chromium: the Backups screen lists real backups and restores one, and the fault
// screen offers what fits each fault (start fresh for a damaged file; read-only, another
// folder or quit for a healthy file this app must not write). Screenshots in both themes at
// 800 px high land in test-results/.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend.ts';
import { currentVersion } from '../../electron/store/migrations.ts';
import { EndToEnd, root, screenshots, text, watchErrors } from './harness.ts';

const decksDir = path.join(root, 'test', 'e2e', 'fixtures', 'decks');
const e2e = new EndToEnd();
const viewport = { width: 1100, height: 800 };

/** A data folder with `first` answers backed up by hand, then `more` answers after the backup. */
async function studied(first: number, more: number): Promise<string> {
  const dir = e2e.freshDataDir();
  const b = new Backend({ dataDir: dir, decksDir, host: 'web', version: 'e2e' });
  const answer = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const next = await b.nextCard({});
      await b.answer({ cardId: next!.card.id, rating: 1, durationMs: 1000 });
    }
  };
  await answer(first);
  await b.backupNow({});
  await answer(more);
  await b.backupsSettled();
  b.close();
  return dir;
}

describe('backups and database faults in the browser', () => {
  beforeAll(() => e2e.start());
  afterAll(() => e2e.close());

  it('lists backups with their counts and restores one, keeping the present as a backup', async () => {
    const dir = await studied(3, 2);
    const host = await e2e.startHost(dir, decksDir);
    const page = await e2e.openPage(viewport);
    const errors = watchErrors(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Backups' }).click();
    const rows = page.locator('[data-testid="backups"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/Made by you.*KB.*\d+3/);
    await screenshots(page, 'backups');

    await rows.first().getByRole('button', { name: /Restore the backup/ }).click();
    await page.getByRole('alertdialog').waitFor();
    await screenshots(page, 'backups-confirm');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(await text(page, 'reviewed-today')).toContain('3');
    expect(await page.getByRole('status').first().textContent()).toContain('Restored the backup');

    await page.getByRole('button', { name: 'Backups' }).click();
    await page.locator('[data-testid="backups"] tbody tr').nth(1).waitFor();
    const listed = await page.locator('[data-testid="backups"] tbody').textContent();
    expect(listed).toContain('Before a restore');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a damaged file (its settings table gone) is offered its backups and "Start fresh", and a backup brings it back', async () => {
    const dir = await studied(1, 0);
    const db = new Database(path.join(dir, 'progress.db'));
    db.exec('DROP TABLE settings');
    db.close();
    const host = await e2e.startHost(dir, decksDir);
    const page = await e2e.openPage(viewport);
    await page.goto(host.url);
    const screen = page.getByTestId('db-problem');
    await screen.waitFor();
    expect(await screen.getAttribute('data-kind')).toBe('damaged');
    expect(await screen.textContent()).toContain('table settings');
    const actions = await screen.locator(':scope > p.actions button').allTextContents();
    expect(actions).toEqual(['Start fresh (keeps the old file)', 'Use another folder…', 'Quit']);
    await screen.locator('tbody tr').first().waitFor();
    await screenshots(page, 'fault-damaged');

    await screen.getByRole('button', { name: /Restore the backup/ }).click();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(await text(page, 'reviewed-today')).toContain('1');
    const notice = await page.getByRole('status').first().textContent();
    expect(notice).toMatch(/Restored the backup .*The damaged file was kept at .*progress\.db\.broken-/);
    await page.close();
  });

  it('a file from a newer version offers read-only, another folder and quit; read-only shows the progress', async () => {
    const dir = await studied(2, 0);
    const db = new Database(path.join(dir, 'progress.db'));
    db.pragma(`user_version = ${currentVersion + 1}`);
    db.close();
    const host = await e2e.startHost(dir, decksDir);
    const page = await e2e.openPage(viewport);
    const errors = watchErrors(page);
    await page.goto(host.url);
    const screen = page.getByTestId('db-problem');
    await screen.waitFor();
    expect(await screen.getAttribute('data-kind')).toBe('newer');
    expect(await screen.locator('button').allTextContents()).toEqual(['Open read-only', 'Use another folder…', 'Quit']);
    expect(await screen.getByTestId('backups').count()).toBe(0);
    await page.getByRole('button', { name: 'Use another folder…' }).click();
    await page.getByLabel(/Full path of a folder/).fill(path.join(dir, 'elsewhere'));
    await screenshots(page, 'fault-newer');

    await page.getByRole('button', { name: 'Open read-only' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Opened read-only');
    expect(await text(page, 'reviewed-today')).toContain('2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Quit on the fault screen stops the web host', async () => {
    const dir = await studied(1, 0);
    fs.chmodSync(path.join(dir, 'progress.db'), 0o444);
    const host = await e2e.startHost(dir, decksDir);
    const page = await e2e.openPage(viewport);
    await page.goto(host.url);
    const screen = page.getByTestId('db-problem');
    await screen.waitFor();
    expect(await screen.getAttribute('data-kind')).toBe('readOnlyFile');
    await screenshots(page, 'fault-read-only');
    const exited = new Promise<number | null>((resolve) => host.child.once('exit', (code) => resolve(code)));
    await page.getByRole('button', { name: 'Quit' }).click();
    expect(await exited).toBe(0);
    await page.getByText('The app has stopped').waitFor();
    expect(host.stderr()).toContain('Quit chosen in the page');
    await page.close();
  });
});
