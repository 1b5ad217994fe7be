import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
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
});
