// Opening progress.db. A file that cannot be read, fails its integrity check or lacks part of
// its schema is reported and left byte-for-byte alone: the learner's history matters more than
// getting the app started. Each fault says what kind it is, so the page offers only the ways
// forward that fit (a healthy file from a newer app is never "started fresh" over).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DbAction, DbFaultKind } from '../../api/contract.ts';
import { openSqlite } from './sqlite.ts';
import { currentVersion, migrate } from './migrations.ts';

export interface DbFault {
  kind: DbFaultKind;
  /** One or two sentences naming the file and what is wrong with it. */
  problem: string;
}

export type OpenResult = { ok: true; db: Database.Database; readOnly: boolean } | ({ ok: false } & DbFault);

export const dbFileName = 'progress.db';

/** The WAL is kept near this size: SQLite truncates it back to here after a checkpoint. */
export const walLimitBytes = 4 * 1024 * 1024;

/** What the learner may do about each kind of fault, in the order the page offers them. */
export const actionsFor: Record<DbFaultKind, DbAction[]> = {
  // Only a file that is really damaged may be moved aside for a new one.
  damaged: ['restoreBackup', 'startFresh', 'chooseFolder', 'quit'],
  newer: ['openReadOnly', 'chooseFolder', 'quit'],
  readOnlyFile: ['openReadOnly', 'chooseFolder', 'quit'],
  readOnlyFolder: ['openReadOnly', 'chooseFolder', 'quit'],
  noFolder: ['chooseFolder', 'quit'],
};

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Whether this process may write `p`. access() alone is not enough: it says yes to root
 * whatever the mode, while a learner who marked the file read-only meant it for every user.
 */
export function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return (fs.statSync(p).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

interface SchemaShape {
  tables: Map<string, Set<string>>;
  indexes: Set<string>;
}

function shapeOf(db: Database.Database): SchemaShape {
  const tables = new Map<string, Set<string>>();
  const indexes = new Set<string>();
  const rows = db
    .prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    .all();
  for (const { type, name } of rows) {
    if (type === 'index') indexes.add(name);
    if (type !== 'table') continue;
    const cols = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(name);
    tables.set(name, new Set(cols.map((c) => c.name)));
  }
  return { tables, indexes };
}

const expectedShapes = new Map<number, SchemaShape>();

/** The tables, columns and indexes the migrations up to `version` create. */
function expectedShape(version: number): SchemaShape {
  let shape = expectedShapes.get(version);
  if (!shape) {
    const mem = openSqlite(':memory:');
    migrate(mem, version);
    shape = shapeOf(mem);
    mem.close();
    expectedShapes.set(version, shape);
  }
  return shape;
}

/**
 * What the schema lacks for its version, or null. quick_check passes a file whose table was
 * dropped, so the app would otherwise fail later with `no such table` in the middle of a call.
 */
export function schemaProblem(db: Database.Database, version: number): string | null {
  const want = expectedShape(Math.min(version, currentVersion));
  const have = shapeOf(db);
  const missing: string[] = [];
  for (const [table, cols] of want.tables) {
    const got = have.tables.get(table);
    if (!got) {
      missing.push(`table ${table}`);
      continue;
    }
    for (const c of cols) if (!got.has(c)) missing.push(`column ${table}.${c}`);
  }
  for (const index of want.indexes) if (!have.indexes.has(index)) missing.push(`index ${index}`);
  if (missing.length === 0) return null;
  const shown = missing.slice(0, 4).join(', ') + (missing.length > 4 ? ` and ${missing.length - 4} more` : '');
  return `is missing part of its structure (${shown}) for schema version ${version}`;
}

/**
 * A copy of the database (and its WAL) in a private temporary folder, for reading a database
 * whose own folder is read-only: SQLite cannot open a WAL database there even read-only, as it
 * must create the shared-memory file beside it. Nothing writes to the original meanwhile, since
 * nothing can. The copy goes when the process ends.
 */
function readableCopy(dbPath: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-readonly-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const copy = path.join(dir, path.basename(dbPath));
  fs.copyFileSync(dbPath, copy);
  if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
  return copy;
}

/** The file to open for reading: the database itself, or a copy when its folder is read-only. */
function forReading(dbPath: string): string {
  return writable(path.dirname(dbPath)) ? dbPath : readableCopy(dbPath);
}

/** Checks an existing file without writing to it; returns what is wrong, or null. */
function inspect(dbPath: string): DbFault | null {
  let probe: Database.Database | undefined;
  try {
    probe = openSqlite(forReading(dbPath), { readonly: true, fileMustExist: true });
    const rows = probe.pragma('quick_check') as { quick_check: string }[];
    const verdict = rows.map((r) => r.quick_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') {
      return { kind: 'damaged', problem: `failed its integrity check (${verdict.slice(0, 3).join('; ')})` };
    }
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > currentVersion) {
      return {
        kind: 'newer',
        problem: `was written by a newer version of the app (schema ${version}, this app knows up to ${currentVersion})`,
      };
    }
    const schema = schemaProblem(probe, version);
    return schema ? { kind: 'damaged', problem: schema } : null;
  } catch (err) {
    return { kind: 'damaged', problem: `cannot be opened: ${describe(err)}` };
  } finally {
    probe?.close();
  }
}

function located(dbPath: string, f: DbFault): { ok: false } & DbFault {
  return { ok: false, kind: f.kind, problem: `The progress database ${dbPath} ${f.problem}.` };
}

export interface OpenOptions {
  /** The newest migration to apply (tests open older schemas). */
  upTo?: number;
  /** Open without writing anything, for a learner who chose to look and export. */
  readOnly?: boolean;
  /** Called with the file's version just before migrations change an existing, non-empty database. */
  beforeMigrate?: (db: Database.Database, fromVersion: number) => void;
}

export function openDatabase(dbPath: string, options: OpenOptions = {}): OpenResult {
  const upTo = options.upTo ?? currentVersion;
  const dir = path.dirname(dbPath);
  const exists = fs.existsSync(dbPath) && fs.statSync(dbPath).size > 0;
  if (options.readOnly) {
    if (!exists) return { ok: false, kind: 'noFolder', problem: `There is no progress database at ${dbPath} to open.` };
    const fault = inspect(dbPath);
    if (fault && fault.kind === 'damaged') return located(dbPath, fault);
    try {
      return { ok: true, db: openSqlite(forReading(dbPath), { readonly: true, fileMustExist: true }), readOnly: true };
    } catch (err) {
      return located(dbPath, { kind: 'damaged', problem: `cannot be opened even for reading: ${describe(err)}` });
    }
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    return { ok: false, kind: 'noFolder', problem: `The folder for ${dbPath} cannot be created: ${describe(err)}.` };
  }
  if (exists) {
    const fault = inspect(dbPath);
    if (fault) return located(dbPath, fault);
    if (!writable(dbPath)) {
      return located(dbPath, {
        kind: 'readOnlyFile',
        problem: 'is read-only, so no answer could be saved to it',
      });
    }
  }
  // WAL keeps two companion files beside the database, so the folder itself must be writable.
  if (!writable(dir)) {
    return {
      ok: false,
      kind: exists ? 'readOnlyFolder' : 'noFolder',
      problem: `The folder ${dir} is read-only, so the progress database ${dbFileName} cannot be ${exists ? 'written' : 'created'} there.`,
    };
  }
  let db: Database.Database | undefined;
  try {
    db = openSqlite(dbPath);
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL cannot corrupt the file; at worst the very last answer
    // before a power cut is lost, and answers stay well under a millisecond.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // Checkpoints run in idle time (see CardStore) and truncate the WAL; the automatic one is
    // the backstop for a WAL that grows without a pause, and the size limit is what the WAL
    // shrinks back to after it.
    db.pragma('wal_autocheckpoint = 1000');
    db.pragma(`journal_size_limit = ${walLimitBytes}`);
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > 0 && from < upTo) options.beforeMigrate?.(db, from);
    migrate(db, upTo);
    return { ok: true, db, readOnly: false };
  } catch (err) {
    db?.close();
    return located(dbPath, { kind: 'damaged', problem: `could not be prepared: ${describe(err)}` });
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
