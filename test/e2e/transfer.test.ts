// Import and export end to end: an Anki package built in the test is uploaded through the
// Import screen, previewed, imported, and one of its cards reviewed — its image served by the
// app under the page's CSP. Screenshots of the preview and the export panel in both themes.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApkg, tinyPng } from '../electron/transfer/ankiPackage.ts';
import { EndToEnd, root, screenshots, text, watchErrors } from './harness.ts';

const decksDir = path.join(root, 'test', 'e2e', 'fixtures', 'decks');
const e2e = new EndToEnd();
const day = 86_400_000;

describe('importing in the browser', () => {
  beforeAll(() => e2e.start());
  afterAll(() => e2e.close());

  it('uploads an Anki package, previews it, imports it and reviews a card from it', async () => {
    const host = await e2e.startHost(e2e.freshDataDir(), decksDir);
    const page = await e2e.openPage({ width: 1000, height: 800 });
    const errors = watchErrors(page);
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    const longAgo = Date.now() - 40 * day;
    const apkg = await buildApkg({
      format: 'modern',
      notes: [
        {
          id: 1, guid: 'gopher', type: 'basic', deck: 'Imported::Gophers', tags: ['anki'],
          fields: ['Who is this? <img src="gopher.png">', 'The <b>Go gopher</b> [sound:hello.mp3]'],
          cards: { 0: { reviews: [{ at: longAgo, ease: 3, type: 0 }, { at: longAgo + 600_000, ease: 3, type: 0 }, { at: longAgo + 3 * day, ease: 3 }] } },
        },
        { id: 2, guid: 'close', type: 'reversed', deck: 'Imported::Gophers', fields: ['close(ch)', 'no more sends'] },
        { id: 3, guid: 'cloze', type: 'cloze', deck: 'Imported::Gophers', fields: ['A {{c1::nil}} map panics on {{c2::write}}', ''] },
      ],
      media: [{ name: 'gopher.png', bytes: tinyPng }],
    });

    await page.getByRole('button', { name: 'Import/Export' }).click();
    await page.getByRole('heading', { name: 'Import and export' }).waitFor();
    await screenshots(page, 'transfer-export');
    await page.getByTestId('import-file').setInputFiles({ name: 'gophers.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from(apkg) });
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-commit').waitFor();
    const preview = await text(page, 'import-preview');
    expect(preview).toMatch(/gophers\.apkg/);
    expect(preview).toMatch(/Imported::Gophers/);
    expect(await text(page, 'import-facts')).toMatch(/Basic: 1.*Basic \(and reversed card\): 2.*Cloze: 2.*Reviews to add to the log: 3.*Images kept: 1/);
    // The first card's image is served by the app and loads.
    const img = page.getByTestId('import-preview').locator('img').first();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1);
    await screenshots(page, 'transfer-preview');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await text(page, 'import-done')).toMatch(/5 new cards, 0 updated, 3 reviews added, 1 image kept/);

    // Study it: the reviewed card is due, the others are new.
    await page.getByRole('button', { name: 'Today' }).click();
    const row = page.locator('tr[data-deck="anki:imported-gophers"]');
    await row.waitFor();
    expect(Number(await row.getByTestId('due-count').textContent())).toBe(1);
    expect(Number(await row.getByTestId('new-count').textContent())).toBe(4);
    await row.getByRole('button', { name: 'Start' }).click();
    // New cards and the due one come mixed; answer until the gopher card (the one with the image) has been reviewed.
    const seen: string[] = [];
    while (!seen.includes('anki:gopher/0')) {
      expect(seen.length).toBeLessThan(5);
      const front = page.locator(`[data-testid="card"][data-side="front"]`);
      await front.waitFor();
      const key = (await front.getAttribute('data-card-key'))!;
      expect(key).toMatch(/^anki:/);
      if (key === 'anki:gopher/0') await expect.poll(() => front.locator('img').evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1);
      await page.keyboard.press('Space');
      await page.locator(`[data-testid="card"][data-card-key="${key}"][data-side="back"]`).waitFor();
      if (key === 'anki:gopher/0') expect(await page.getByTestId('card').textContent()).toContain('[sound:hello.mp3]');
      await page.keyboard.press('3');
      seen.push(key);
      await page.waitForFunction((n) => document.querySelector('[data-testid="done-count"]')?.textContent === String(n), seen.length);
    }

    // Export the progress: the browser downloads one file.
    await page.getByRole('button', { name: 'Import/Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-progress').click();
    expect((await download).suggestedFilename()).toMatch(/^go-concurrency-progress-\d{4}-\d\d-\d\d\.gctprogress$/);
    await page.getByTestId('export-saved').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows every problem of a bad file with its line, and imports nothing', async () => {
    const host = await e2e.startHost(e2e.freshDataDir(), decksDir);
    const page = await e2e.openPage({ width: 1000, height: 800 });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Import/Export' }).click();
    const csv = '#separator:comma\n#html:false\nfront,back\n"quoted, comma",ok\nragged\nx,y,z\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-problems').waitFor();
    const problems = await text(page, 'import-problems');
    expect(problems).toMatch(/2 problems/);
    expect(problems).toMatch(/words\.csv:5: has 1 field where the first row has 2/);
    expect(problems).toMatch(/words\.csv:6: has 3 fields/);
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await screenshots(page, 'transfer-problems');
  });
});
