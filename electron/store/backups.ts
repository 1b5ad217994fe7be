// Copies of progress.db in <data dir>/backups, taken with SQLite's online backup API while the
// app keeps answering: one a day, and one before anything that rewrites much at once (a
// migration, a restore, an import, a reset). Retention keeps the newest of each of the last 7
// days that have one, the newest of each of the 4 weeks before those, and the last few taken
// for a reason other than the day's, so a restore or an import can always be taken back.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../api/contract.ts';
import { openSqlite } from './sqlite.ts';
import { currentVersion } from './migrations.ts';
import { schemaProblem } from './open.ts';

export type BackupReason = 'daily' | 'manual' | 'before-migration' | 'before-restore' | 'before-import' | 'before-reset';

export const backupsFolder = 'backups';
export const keepDaily = 7;
export const keepWeekly = 4;
/** Backups taken for an event (not the daily one) that are kept whatever their day. */
export const keepEvents = 3;

const namePattern = /^progress-(\d{8}T\d{9}Z)-([a-z-]+)\.db$/;

function stampOf(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function dateOfStamp(stamp: string): Date {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/.exec(stamp);
  if (!m) return new Date(NaN);
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!));
}

export function backupName(at: Date, reason: BackupReason): string {
  return `progress-${stampOf(at)}-${reason}.db`;
}

/** Time and reason of a backup file's name, or null for a file that is not one of ours. */
export function parseBackupName(name: string): { at: Date; reason: string } | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  const at = dateOfStamp(m[1]!);
  return Number.isNaN(at.getTime()) ? null : { at, reason: m[2]! };
}

function backupNames(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => parseBackupName(n) !== null).sort().reverse();
}

/** A free name: two backups in the same millisecond get -2, -3 before the reason is read back. */
function freshTarget(dir: string, at: Date, reason: BackupReason): string {
  let t = at;
  while (fs.existsSync(path.join(dir, backupName(t, reason)))) t = new Date(t.getTime() + 1);
  return path.join(dir, backupName(t, reason));
}

/** Copies cut short by a crash (one app runs per data folder, so none is in progress). */
function removePartials(dir: string): void {
  for (const n of fs.readdirSync(dir)) if (/\.partial(-wal|-shm|-journal)?$/.test(n)) fs.rmSync(path.join(dir, n), { force: true });
}

/**
 * A copy keeps its source's WAL mode, and a WAL database opened read-only (to list or check
 * it) leaves -wal and -shm files behind; in rollback mode a backup stays one self-contained
 * file. Then it takes its name.
 */
function finishCopy(partial: string, target: string): void {
  const copy = openSqlite(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
}

/** Online copy through SQLite's backup API; the file appears under its name only when whole. */
export async function takeBackup(db: Database.Database, dir: string, reason: BackupReason, at: Date): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  removePartials(dir);
  const target = freshTarget(dir, at, reason);
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    finishCopy(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return target;
}

/**
 * The same copy, synchronously, for the one place that cannot wait: just before migrations run
 * while the database is being opened. VACUUM INTO writes a consistent copy in one statement.
 */
export function takeBackupSync(db: Database.Database, dir: string, reason: BackupReason, at: Date): string {
  fs.mkdirSync(dir, { recursive: true });
  removePartials(dir);
  const target = freshTarget(dir, at, reason);
  const partial = `${target}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    finishCopy(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return target;
}

/** Local calendar day, and the Monday that starts its week, as comparable keys. */
function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
}

/** Which backups retention keeps, given their names (any order). */
export function backupsToKeep(names: readonly string[]): Set<string> {
  const all = names
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((b): b is { name: string; parsed: { at: Date; reason: string } } => b.parsed !== null)
    .sort((a, b) => b.parsed.at.getTime() - a.parsed.at.getTime());
  const keep = new Set<string>();
  const days = new Set<string>();
  let oldestDaily = Infinity;
  for (const b of all) {
    const day = dayKey(b.parsed.at);
    if (days.has(day) || days.size >= keepDaily) continue;
    days.add(day);
    keep.add(b.name);
    oldestDaily = Math.min(oldestDaily, b.parsed.at.getTime());
  }
  const weeks = new Set<string>();
  for (const b of all) {
    if (b.parsed.at.getTime() >= oldestDaily || days.has(dayKey(b.parsed.at))) continue;
    const week = weekKey(b.parsed.at);
    if (weeks.has(week) || weeks.size >= keepWeekly) continue;
    weeks.add(week);
    keep.add(b.name);
  }
  for (const b of all.filter((x) => x.parsed.reason !== 'daily').slice(0, keepEvents)) keep.add(b.name);
  return keep;
}

/** Deletes the backups retention does not keep; returns their names. */
export function pruneBackups(dir: string): string[] {
  const names = backupNames(dir);
  const keep = backupsToKeep(names);
  const gone = names.filter((n) => !keep.has(n));
  for (const n of gone) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(dir, n + suffix), { force: true });
  }
  return gone;
}

/** Whether a backup was already taken on `now`'s local day. */
export function hasBackupOn(dir: string, now: Date): boolean {
  const today = dayKey(now);
  return backupNames(dir).some((n) => dayKey(parseBackupName(n)!.at) === today);
}

/** What is wrong with a backup file as a database to restore, or null. */
export function backupProblem(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') return 'it fails its integrity check';
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > currentVersion) return `it was written by a newer version of the app (schema ${version})`;
    if (version < 1) return 'it holds no progress';
    return schemaProblem(db, version) === null ? null : 'part of its structure is missing';
  } catch (err) {
    return `it cannot be opened (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    db?.close();
  }
}

export function describeBackup(dir: string, name: string): BackupInfo {
  const file = path.join(dir, name);
  const parsed = parseBackupName(name);
  const base = {
    name,
    takenAt: (parsed?.at ?? new Date(0)).toISOString(),
    reason: parsed?.reason ?? 'unknown',
    sizeBytes: fs.statSync(file).size,
  };
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const cards = (db.prepare('SELECT COUNT(*) AS n FROM cards WHERE retired = 0').get() as { n: number }).n;
    const reviews = (db.prepare('SELECT COUNT(*) AS n FROM review_log').get() as { n: number }).n;
    return { ...base, cards, reviews, problem: null };
  } catch (err) {
    return { ...base, cards: null, reviews: null, problem: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
}

export function listBackupFiles(dir: string): BackupInfo[] {
  return backupNames(dir).map((n) => describeBackup(dir, n));
}

/** The backup's path if `name` is one of the backups in `dir` (never a path of the caller's making). */
export function findBackup(dir: string, name: string): string | null {
  return backupNames(dir).includes(name) ? path.join(dir, name) : null;
}

/** Whether a database holds anything of the learner's worth a copy: answers, settings or code. */
export function holdsProgress(db: Database.Database): boolean {
  const has = (table: string): boolean => {
    try {
      return db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
    } catch {
      return false;
    }
  };
  return has('review_log') || has('settings') || has('drafts');
}

/** Copies a backup beside the database, ready to take its place; returns the copy's path. */
export function stageRestore(backupFile: string, dbPath: string): string {
  const incoming = `${dbPath}.restoring`;
  fs.copyFileSync(backupFile, incoming);
  return incoming;
}

/**
 * Puts the staged copy in place of the database at `dbPath`, which the caller has closed (so
 * its WAL is already folded in). A rename, so a crash leaves one file or the other whole.
 */
export function commitRestore(incoming: string, dbPath: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(incoming, dbPath);
}
