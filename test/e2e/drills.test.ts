// End to end, Go running in the page: predict drills graded against every outcome gosim finds,
// and an exercise written in the editor, run, stopped, crashed and checked until it passes.
// The real web host on a fresh data folder, Debian's Chromium, and afterwards the review log
// read straight from the SQLite file. Screenshots of each state land in test-results/.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndToEnd, screenshots, stopHost, text, watchErrors } from './harness.ts';

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const e2e = new EndToEnd();

interface LogRow {
  rating: number;
  typed: string | null;
  correct: number | null;
  key: string;
}

function reviewLog(dataDir: string): LogRow[] {
  const db = new Database(path.join(dataDir, 'progress.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT r.rating, r.typed, r.correct, c.key FROM review_log r JOIN cards c ON c.id = r.card_id ORDER BY r.id')
      .all() as LogRow[];
  } finally {
    db.close();
  }
}

async function shown(page: Page, key: string, side: 'front' | 'back'): Promise<void> {
  await page.locator(`[data-testid="card"][data-card-key="${key}"][data-side="${side}"]`).waitFor({ timeout: 15_000 });
}

async function waitForDone(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelector('[data-testid="done-count"]')?.textContent === String(want), n);
}

/** Types a prediction the way a learner does: T focuses the box. */
async function predict(page: Page, typed: string): Promise<void> {
  await page.keyboard.press('t');
  await page.keyboard.type(typed);
  await page.keyboard.press('Control+Enter');
}

/**
 * Replaces the editor's text as pasting a whole program does: select all, then a paste event,
 * which the editor handles itself. (Inserting text through the browser's editing commands
 * instead would have Chromium try inline styles on the editable content, which the CSP refuses.)
 */
async function setCode(page: Page, code: string): Promise<void> {
  const content = page.getByTestId('editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await content.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}

async function suggested(page: Page): Promise<string | null> {
  return page.locator('button.grade[data-suggested="true"]').getAttribute('data-rating');
}

describe('Go in the review screen', () => {
  beforeAll(() => e2e.start());
  afterAll(() => e2e.close());

  it('grades predictions against every outcome: right, wrong with a diff, a crash, several outcomes', async () => {
    const dataDir = e2e.freshDataDir();
    const host = await e2e.startHost(dataDir, path.join(fixtures, 'drills'));
    const page = await e2e.openPage({ width: 1000, height: 800 });
    const errors = watchErrors(page);
    await page.goto(host.url);
    await page.locator('tr[data-deck="e2e-drills"]').getByRole('button', { name: 'Start' }).click();

    // 1. Right, and quick: Easy is suggested and Space takes it.
    await shown(page, 'e2e-drills/doubled', 'front');
    await expect.poll(() => page.getByTestId('program').locator('.cm-line').count()).toBe(9);
    await page.getByTestId('tip-button').click();
    expect(await text(page, 'tip')).toContain('The receive waits');
    await predict(page, '42');
    await shown(page, 'e2e-drills/doubled', 'back');
    expect(await text(page, 'verdict')).toBe('Right: that is exactly what it prints.');
    await page.getByTestId('search-status').filter({ hasText: 'every schedule' }).waitFor();
    expect(await page.getByTestId('outcomes').getAttribute('data-count')).toBe('1');
    expect(await suggested(page)).toBe('4');
    await screenshots(page, 'drill-right');
    await page.keyboard.press('Space');
    await waitForDone(page, 1);

    // 2. Wrong: the line diff shows what Go prints that the prediction lacks, and what it adds.
    await shown(page, 'e2e-drills/buffered-sum', 'front');
    await predict(page, 'got 1\ngot 2\ngot 3\nsum 5');
    await shown(page, 'e2e-drills/buffered-sum', 'back');
    expect(await text(page, 'verdict')).toMatch(/^Not quite/);
    const diff = page.getByTestId('diff');
    expect(await diff.locator('.diff-same').count()).toBe(3);
    expect(await diff.locator('.diff-missing').allTextContents()).toEqual(['−missing: sum 6']);
    expect(await diff.locator('.diff-extra').allTextContents()).toEqual(['+extra: sum 5']);
    expect(await suggested(page)).toBe('1');
    await screenshots(page, 'drill-wrong');
    await page.keyboard.press('1');
    await waitForDone(page, 2);

    // 3. What happens: the crash's first line is the answer.
    await shown(page, 'e2e-drills/send-after-close', 'front');
    expect(await page.locator('label[for="prediction"]').textContent()).toContain('The first line Go prints');
    await predict(page, 'panic: send on closed channel');
    await shown(page, 'e2e-drills/send-after-close', 'back');
    expect(await text(page, 'verdict')).toBe('Right: that is how it crashes.');
    await page.getByTestId('outcomes').getByText('panic: send on closed channel').waitFor();
    await screenshots(page, 'drill-crash');
    await page.keyboard.press('3');
    await waitForDone(page, 3);

    // 4. Several outcomes: either order is right, both are shown, and the program can be run again.
    await shown(page, 'e2e-drills/two-orders', 'front');
    await predict(page, 'pong\nping');
    await shown(page, 'e2e-drills/two-orders', 'back');
    expect(await text(page, 'verdict')).toBe('Right: that is one of the 2 things this program can print.');
    await page.getByTestId('search-status').filter({ hasText: 'every schedule' }).waitFor();
    expect(await page.getByTestId('outcomes').getAttribute('data-count')).toBe('2');
    await page.getByTestId('run-again').click();
    await page.getByTestId('run-result').waitFor();
    expect(await text(page, 'exit-status')).toBe('Exit status 0: exited normally');
    expect(['ping\npong', 'pong\nping']).toContain((await page.getByTestId('stdout').locator('pre').textContent())?.trim());
    await screenshots(page, 'drill-several');
    await page.keyboard.press('3');
    await waitForDone(page, 4);

    expect(reviewLog(dataDir)).toEqual([
      { key: 'e2e-drills/doubled', rating: 4, typed: '42', correct: 1 },
      { key: 'e2e-drills/buffered-sum', rating: 1, typed: 'got 1\ngot 2\ngot 3\nsum 5', correct: 0 },
      { key: 'e2e-drills/send-after-close', rating: 3, typed: 'panic: send on closed channel', correct: 1 },
      { key: 'e2e-drills/two-orders', rating: 3, typed: 'pong\nping', correct: 1 },
    ]);
    expect(errors).toEqual([]);
    await page.close();
    await stopHost(host);
  });

  it('runs an exercise: checks fail, a compile error is marked, Stop ends a loop, a memory bomb is stopped, then the fix passes', async () => {
    const dataDir = e2e.freshDataDir();
    const host = await e2e.startHost(dataDir, path.join(fixtures, 'exercise'));
    const page = await e2e.openPage({ width: 1000, height: 800 });
    const errors = watchErrors(page);
    await page.goto(host.url);
    await page.locator('tr[data-deck="e2e-exercise"]').getByRole('button', { name: 'Start' }).click();
    const key = 'e2e-exercise/wait-for-done';
    await shown(page, key, 'front');
    expect(await page.getByTestId('solution-button').isDisabled()).toBe(true);

    // The starter: two checks fail, each saying why.
    await page.getByTestId('check').click();
    await page.getByTestId('checks').waitFor();
    expect(await text(page, 'check-summary')).toBe('3 of 5 checks pass.');
    const failing = await page.locator('[data-testid="check-item"][data-pass="false"] .check-why').allTextContents();
    expect(failing).toEqual([
      'It does not use a channel made with make(chan T) yet; this exercise asks for it.',
      'It uses time.Sleep on line 10; this exercise asks you to do without it.',
    ]);
    expect(await suggested(page)).toBe('1');
    await screenshots(page, 'exercise-starter-checked');

    // A compile error is marked at its place in the editor and printed as go build prints it.
    await setCode(page, 'package main\n\nfunc main() {\n\tx := 1\n}\n');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('run-result').waitFor();
    expect(await text(page, 'exit-status')).toBe('Exit status 1: did not compile');
    expect(await page.getByTestId('stderr').textContent()).toContain('./prog.go:4:2: declared and not used: x');
    await page.getByTestId('editor').locator('.cm-lintRange-error').waitFor();
    expect(await page.getByTestId('editor').locator('.cm-lintRange-error').textContent()).toBe('x');
    await screenshots(page, 'exercise-compile-error');

    // A loop that never ends: Stop ends it at once, and the next run works.
    await setCode(page, 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n');
    await page.getByTestId('run').click();
    await page.getByTestId('busy').waitFor();
    // Stopped at once: gosim's own budget (5 s) would end it later with a timeout instead.
    await page.getByTestId('stop').click();
    expect(await text(page, 'ended')).toBe('Stopped.');
    await screenshots(page, 'exercise-stopped');
    await setCode(page, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("alive")\n}\n');
    await page.getByTestId('run').click();
    await page.getByTestId('run-result').waitFor();
    expect((await page.getByTestId('stdout').locator('pre').textContent())?.trim()).toBe('alive');

    // A program that allocates without end ends as Go ends one out of memory; the page goes on.
    await setCode(page, 'package main\n\nfunc main() {\n\tvar all [][]byte\n\tfor {\n\t\tall = append(all, make([]byte, 1<<20))\n\t}\n}\n');
    await page.getByTestId('run').click();
    await page.getByTestId('run-result').waitFor({ timeout: 30_000 });
    expect(await text(page, 'exit-status')).toBe('Exit status 2: crashed (panic or fatal error)');
    expect(await page.getByTestId('stderr').locator('pre').textContent()).toMatch(/^runtime: out of memory: cannot allocate \d+-byte block \(\d+ in use\)\nfatal error: out of memory\n/);
    await screenshots(page, 'exercise-out-of-memory');

    // The fix, typed in the editor: saved as it is typed, so it is there after a reload.
    const fixed = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfinished := make(chan bool)\n\tgo func() {\n\t\tfmt.Println("done")\n\t\tfinished <- true\n\t}()\n\t<-finished\n}\n';
    await setCode(page, fixed);
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    await page.locator('tr[data-deck="e2e-exercise"]').getByRole('button', { name: 'Start' }).click();
    await shown(page, key, 'front');
    await expect.poll(async () => (await page.getByTestId('editor').locator('.cm-line').allTextContents()).join('\n')).toBe(fixed);
    await page.getByTestId('editor').locator('.cm-content').click();
    await page.keyboard.press('Control+Shift+Enter');
    await page.getByTestId('check-summary').filter({ hasText: 'Every check passes' }).waitFor();
    expect(await suggested(page)).toBe('3');
    await page.getByTestId('solution-button').click();
    await page.getByTestId('solution').waitFor();
    await screenshots(page, 'exercise-passed');
    // Esc gives the keys back to the card (from the button just pressed); Space takes the suggested grade.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Space');
    await waitForDone(page, 1);
    // Good leaves the new card ten minutes away, within learn-ahead, so it comes straight back:
    // a fresh attempt on the same card, with the learner's code but no verdicts from before.
    await shown(page, key, 'front');
    expect(await page.getByTestId('checks').count()).toBe(0);
    expect(await page.locator('button.grade').count()).toBe(0);
    expect(await page.getByTestId('editor').locator('.cm-line').first().textContent()).toBe('package main');

    expect(reviewLog(dataDir)).toEqual([{ key, rating: 3, typed: fixed, correct: 1 }]);
    expect(errors).toEqual([]);
    await page.close();
    await stopHost(host);
  });
});
