// Opening progress.db. A file that cannot be read or fails its integrity check is reported and
// left byte-for-byte alone: the learner's history matters more than getting the app started.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { currentVersion, migrate } from './migrations.ts';

export type OpenResult =
  | { ok: true; db: Database.Database }
  | { ok: false; problem: string };

export const dbFileName = 'progress.db';

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Checks an existing file without writing to it; returns what is wrong, or null. */
function inspect(dbPath: string): string | null {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(dbPath, { readonly: true, fileMustExist: true });
    const rows = probe.pragma('quick_check') as { quick_check: string }[];
    const verdict = rows.map((r) => r.quick_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') {
      return `failed its integrity check (${verdict.slice(0, 3).join('; ')})`;
    }
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > currentVersion) {
      return `was written by a newer version of the app (schema ${version}, this app knows up to ${currentVersion})`;
    }
    return null;
  } catch (err) {
    return `cannot be opened: ${describe(err)}`;
  } finally {
    probe?.close();
  }
}

export function openDatabase(dbPath: string, upTo: number = currentVersion): OpenResult {
  try {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  } catch (err) {
    return { ok: false, problem: `The folder for ${dbPath} cannot be created: ${describe(err)}.` };
  }
  if (fs.existsSync(dbPath) && fs.statSync(dbPath).size > 0) {
    const problem = inspect(dbPath);
    if (problem) return { ok: false, problem: `The progress database ${dbPath} ${problem}.` };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath);
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL cannot corrupt the file; at worst the very last answer
    // before a power cut is lost, and answers stay well under a millisecond.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // Checkpoints run in idle time (see CardStore); this is only the backstop for a WAL that
    // grows without a pause, so an answer rarely pays for copying the WAL back.
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db, upTo);
    return { ok: true, db };
  } catch (err) {
    db?.close();
    return { ok: false, problem: `The progress database ${dbPath} could not be prepared: ${describe(err)}.` };
  }
}

/**
 * Renames a bad database (and its WAL companions) out of the way so a new one can be made.
 * Returns the new name of the main file.
 */
export function moveAside(dbPath: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = `${dbPath}.broken-${stamp}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${dbPath}.broken-${stamp}-${n}`;
  fs.renameSync(dbPath, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, target + suffix);
  }
  return target;
}
