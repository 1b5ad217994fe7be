import { describe, expect, it } from 'vitest';
import { checkSettings } from '../../renderer/settings/validate.ts';

const good = { desiredRetention: '0.9', newPerDay: '20', reviewsPerDay: '200', dayStartHour: '4', newReviewOrder: 'mix', newIgnoresReviewLimit: 'false' };

describe('settings form', () => {
  it('accepts valid input and converts it to numbers', () => {
    expect(checkSettings(good)).toEqual({
      ok: true,
      settings: { desiredRetention: 0.9, newPerDay: 20, reviewsPerDay: 200, dayStartHour: 4, newReviewOrder: 'mix', newIgnoresReviewLimit: false },
    });
  });

  it('reads a retention typed as a percentage', () => {
    const r = checkSettings({ ...good, desiredRetention: '85' });
    expect(r.ok && r.settings.desiredRetention).toBe(0.85);
  });

  it('rejects out-of-range and malformed values with a message per field', () => {
    const r = checkSettings({ ...good, desiredRetention: '0.5', newPerDay: '-1', reviewsPerDay: 'lots', dayStartHour: '24' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.desiredRetention).toMatch(/0\.70 to 0\.99/);
    expect(r.errors.newPerDay).toMatch(/0 to 9999/);
    expect(r.errors.reviewsPerDay).toMatch(/whole number/);
    expect(r.errors.dayStartHour).toMatch(/0 to 23/);
  });

  it('rejects fractions where whole numbers are needed, and empty fields', () => {
    const r = checkSettings({ ...good, newPerDay: '2.5', dayStartHour: ' ' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['dayStartHour', 'newPerDay']);
  });

  it('passes the queue choices through, and refuses an order it does not know', () => {
    const r = checkSettings({ ...good, newReviewOrder: 'afterReviews', newIgnoresReviewLimit: 'true' });
    expect(r.ok && [r.settings.newReviewOrder, r.settings.newIgnoresReviewLimit]).toEqual(['afterReviews', true]);
    const bad = checkSettings({ ...good, newReviewOrder: 'shuffled' });
    expect(bad.ok ? null : bad.errors.newReviewOrder).toMatch(/new cards come/);
  });
});
