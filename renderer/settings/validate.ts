// Settings as typed into the form, checked before they are sent. The limits match the API
// contract's schema; the backend checks again, and its message is shown if it disagrees.
import type { Settings } from '../../api/contract.ts';

export type SettingsForm = Record<keyof Settings, string>;

export type SettingsCheck =
  | { ok: true; settings: Settings }
  | { ok: false; errors: Partial<Record<keyof Settings, string>> };

export function formOf(s: Settings): SettingsForm {
  return {
    desiredRetention: String(s.desiredRetention),
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    dayStartHour: String(s.dayStartHour),
    newReviewOrder: s.newReviewOrder,
    newIgnoresReviewLimit: String(s.newIgnoresReviewLimit),
  };
}

const orders: readonly Settings['newReviewOrder'][] = ['mix', 'afterReviews', 'beforeReviews'];

function num(raw: string): number | null {
  const t = raw.trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

function whole(raw: string, min: number, max: number, what: string): { value: number } | { error: string } {
  const n = num(raw);
  if (n === null || !Number.isInteger(n)) return { error: `${what} must be a whole number from ${min} to ${max}.` };
  if (n < min || n > max) return { error: `${what} must be from ${min} to ${max}; got ${n}.` };
  return { value: n };
}

export function checkSettings(form: SettingsForm): SettingsCheck {
  const errors: Partial<Record<keyof Settings, string>> = {};
  let desiredRetention = num(form.desiredRetention);
  // Learners often think of retention as a percentage; 90 means 0.90.
  if (desiredRetention !== null && desiredRetention > 1 && desiredRetention < 100) desiredRetention /= 100;
  if (desiredRetention === null) errors.desiredRetention = 'Desired retention must be a number from 0.70 to 0.99.';
  else if (desiredRetention < 0.7 || desiredRetention > 0.99) {
    errors.desiredRetention = `Desired retention must be from 0.70 to 0.99; got ${form.desiredRetention.trim()}.`;
  }
  const newPerDay = whole(form.newPerDay, 0, 9999, 'New cards per day');
  const reviewsPerDay = whole(form.reviewsPerDay, 0, 99999, 'Reviews per day');
  const dayStartHour = whole(form.dayStartHour, 0, 23, 'The hour a new day starts');
  if ('error' in newPerDay) errors.newPerDay = newPerDay.error;
  if ('error' in reviewsPerDay) errors.reviewsPerDay = reviewsPerDay.error;
  if ('error' in dayStartHour) errors.dayStartHour = dayStartHour.error;
  const newReviewOrder = orders.find((o) => o === form.newReviewOrder);
  if (newReviewOrder === undefined) errors.newReviewOrder = 'Choose where new cards come among the reviews.';
  if (Object.keys(errors).length > 0 || desiredRetention === null || 'error' in newPerDay || 'error' in reviewsPerDay || 'error' in dayStartHour || newReviewOrder === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    settings: {
      desiredRetention: Math.round(desiredRetention * 1000) / 1000,
      newPerDay: newPerDay.value,
      reviewsPerDay: reviewsPerDay.value,
      dayStartHour: dayStartHour.value,
      newReviewOrder,
      newIgnoresReviewLimit: form.newIgnoresReviewLimit === 'true',
    },
  };
}
