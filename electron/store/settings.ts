// Settings live in the database (one row per key, JSON value) so they travel with the progress.
import type Database from 'better-sqlite3';
import { Settings } from '../../api/contract.ts';

export const defaultSettings: Settings = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  newReviewOrder: 'mix',
  newIgnoresReviewLimit: false,
};

export function readSettings(db: Database.Database): Settings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const { key, value } of rows) {
    if (key in defaultSettings) {
      try {
        merged[key] = JSON.parse(value);
      } catch {
        // A hand-edited, unreadable value falls back to the default rather than blocking startup.
      }
    }
  }
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : { ...defaultSettings };
}

export function writeSettings(db: Database.Database, change: Partial<Settings>): Settings {
  const next = Settings.parse({ ...readSettings(db), ...change });
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(change)) {
      if (value !== undefined) put.run(key, JSON.stringify(value));
    }
  })();
  return next;
}
