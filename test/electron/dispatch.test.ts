import { afterAll, describe, expect, it } from 'vitest';
import type { Api } from '../../api/contract.ts';
import { dispatch } from '../../electron/api/dispatch.ts';
import { BadInput, Conflict, NotFound, TooLarge, Unavailable, Unusable } from '../../electron/errors.ts';
import { cleanTemp, tempDir, testBackend } from './helpers.ts';

afterAll(cleanTemp);

describe('the dispatcher', () => {
  const backend = testBackend(tempDir());
  afterAll(() => backend.close());

  it('rejects bad arguments naming the method and the field, before the backend sees them', async () => {
    const out = await dispatch(backend, 'answer', { cardId: -3, rating: 5, durationMs: 10, extra: true });
    expect(out.status).toBe(400);
    const body = out.body as { error: { method: string; message: string; issues: { path: string; message: string }[] } };
    expect(body.error.method).toBe('answer');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['(arguments)', 'cardId', 'rating']);
    expect(body.error.message).toContain('unknown field extra');
    expect((await backend.today({})).reviewedToday).toBe(0);
  });

  it('rejects settings out of range and arguments that are not an object', async () => {
    const out = await dispatch(backend, 'updateSettings', { desiredRetention: 1.5 });
    expect(out.status).toBe(400);
    expect(JSON.stringify(out.body)).toContain('desiredRetention');
    expect((await dispatch(backend, 'today', 'please')).status).toBe(400);
    expect((await backend.getSettings({})).desiredRetention).toBe(0.9);
  });

  it('answers 404 for unknown methods and for cards that do not exist', async () => {
    expect((await dispatch(backend, 'constructor', {})).status).toBe(404);
    expect((await dispatch(backend, '__proto__', {})).status).toBe(404);
    const missing = await dispatch(backend, 'answer', { cardId: 999, rating: 3, durationMs: 1 });
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain('Card 999');
  });

  it('passes valid calls through and saves settings', async () => {
    const out = await dispatch(backend, 'updateSettings', { newPerDay: 3 });
    expect(out).toEqual({ status: 200, body: { result: { desiredRetention: 0.9, newPerDay: 3, reviewsPerDay: 200, dayStartHour: 4, newReviewOrder: 'mix', newIgnoresReviewLimit: false } } });
    const today = await dispatch(backend, 'today', undefined);
    expect(today.status).toBe(200);
    expect((today.body as { result: { decks: { newCount: number }[] } }).result.decks[0]!.newCount).toBe(3);
  });

  it('is the one place a domain error gets its status: the message kept, a bad input\'s place an issue', async () => {
    const cases: [Error, number][] = [
      [new BadInput('dir', '"x" is not a full path.'), 400],
      [new NotFound('There is no card 7.'), 404],
      [new Conflict('Already imported.'), 409],
      [new TooLarge('The file is too big.'), 413],
      [new Unusable('The file has nothing to import.'), 422],
      [new Unavailable('today is unavailable: the database is closed.'), 503],
    ];
    for (const [err, status] of cases) {
      // Only the method being called exists: the refusal comes from it, as from the backend.
      const refusing = { today: async () => Promise.reject(err) } as unknown as Api;
      const out = await dispatch(refusing, 'today', {});
      expect(out).toEqual({
        status,
        body: { error: { method: 'today', message: err.message, ...(err instanceof BadInput ? { issues: [{ path: 'dir', message: err.message }] } : {}) } },
      });
    }
  });

  it('reports anything else as the bug it is: 500, and the stack goes to the log', async () => {
    const logged: string[] = [];
    const broken = { today: async () => Promise.reject(new TypeError('x is undefined')) } as unknown as Api;
    const out = await dispatch(broken, 'today', {}, (m) => logged.push(m));
    expect(out).toEqual({ status: 500, body: { error: { method: 'today', message: 'today failed unexpectedly: x is undefined' } } });
    expect(logged[0]).toMatch(/^today failed: TypeError: x is undefined\n\s+at /);
  });
});
