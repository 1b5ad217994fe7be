// What the import tests share: a backend on a fresh data folder, a way to run a file through
// the whole import (upload, preview, commit), and a fingerprint of every table.
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { ImportPreview } from '../../../api/contract.ts';
import type { Backend } from '../../../electron/backend.ts';
import { FakeClock, fixedMorning, tempDir, testBackend } from '../helpers.ts';

export function freshBackend(clock = new FakeClock(fixedMorning())) {
  const dataDir = tempDir('trainer-import-');
  const backend = testBackend(dataDir, undefined, clock);
  return { backend, dataDir, clock, dbPath: path.join(dataDir, 'progress.db') };
}

/** Uploads `bytes` as `name` and waits for its preview. */
export async function preview(backend: Backend, name: string, bytes: Uint8Array): Promise<ImportPreview> {
  const { importId } = backend.transfer.stage(name, bytes);
  await backend.transfer.jobs.get(importId)!.finished;
  return backend.importStatus({ importId });
}

/** A hash of every row of every table, read through a second connection (what is on disk). */
export function fingerprint(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const hash = crypto.createHash('sha256');
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    for (const { name } of tables) {
      hash.update(`table ${name}\n`);
      // Every column in order, so tables without a rowid (the word index's own) are read the same way each time.
      const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all().map((c) => `"${c.name}"`);
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).raw().iterate();
      for (const row of rows) hash.update(JSON.stringify(row) + '\n');
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

export function rows<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
