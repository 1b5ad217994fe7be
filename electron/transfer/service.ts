// Import and export as the backend serves them: both hosts reach these through the API
// (preview, progress, cancel, commit) and their own file routes (an upload and downloads in
// the web host, the native dialogs in Electron).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Args, ExportKind, ImportOutcome, ImportPreview, Results } from '../../api/contract.ts';
import { BadInput, Conflict, NotFound, TooLarge, Unusable } from '../errors.ts';
import type { SchedulingRules } from '../scheduler/intervals.ts';
import { packPlan, writeInPlace, writeMedia, type ImportResult } from './commit.ts';
import { NoWorkers, prepareWriter, restoreOffThread, writeOffThread, type WriteOptions } from './import-writer.ts';
import { placeDeck, writeDeckFile } from './deckfile.ts';
import { backupDatabase, databaseBytes, deckYaml, reviewLogCsv } from './exports.ts';
import { previewOf } from './preview.ts';
import { exportProgress, progressExtension, type ProgressFile } from './progressFile.ts';
import { applyProgress } from './restore.ts';
import { ImportJobs, type ImportJob } from './session.ts';
import type { ImportPlan } from './plan.ts';
import { BadFile } from './zip.ts';

export interface TransferContext {
  /** The open database, or a domain error when it is not available. */
  db(method: string): Database.Database;
  /** The database's file, which an import's writing thread opens a connection of its own to. */
  dbPath: string;
  rules(): SchedulingRules;
  dataDir: string;
  now(): Date;
  appVersion: string;
  /** The folders deck files are loaded from (bundled, then the learner's). */
  deckDirs(): string[];
  /** Re-reads deck files and settings after an import changed them. */
  reload(): void;
  /** Copies the database aside before an import writes to it (a backup the learner can restore). */
  backup?: () => Promise<unknown>;
  /** Electron only: the native open and save dialogs (absent in the web host). */
  chooseImportFile?: () => Promise<string | null>;
  chooseExportPath?: (defaultName: string) => Promise<string | null>;
}

export interface ExportedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export class Transfer {
  readonly jobs: ImportJobs;
  /** The file whose import is being written now, if any: other writes are refused meanwhile. */
  writing: string | null = null;
  /** The file being imported, from its backup to the end of its write: one import at a time. */
  private committing: string | null = null;
  /**
   * How an import's write runs: `inPlace` writes on this thread, as where no worker thread can
   * start; the rest is passed on to writeOffThread (tests set them to stop a write midway).
   */
  writeHooks: { inPlace?: boolean } & Partial<Pick<WriteOptions, 'helpers' | 'failAfterRanges' | 'hold' | 'onHeld'>> = {};

  constructor(private readonly ctx: TransferContext, jobs?: ImportJobs) {
    this.jobs = jobs ?? new ImportJobs(undefined, () => ctx.now().getTime());
  }

  /** Starts reading an uploaded or chosen file; the preview follows through importStatus. */
  stage(name: string, bytes: Uint8Array): { importId: string } {
    prepareWriter();
    return { importId: this.jobs.start(name, bytes).id };
  }

  async importChoose(_: Args<'importChoose'>): Promise<Results['importChoose']> {
    if (!this.ctx.chooseImportFile) throw new Conflict('In the browser, choose the file with the upload button; this host has no file dialog.');
    const file = await this.ctx.chooseImportFile();
    if (!file) return null;
    const stat = fs.statSync(file);
    if (stat.size > this.jobs.limits.maxFileBytes) {
      throw new TooLarge(`${path.basename(file)} is ${Math.round(stat.size / 1048576)} MB; imports take files of at most ${Math.round(this.jobs.limits.maxFileBytes / 1048576)} MB.`);
    }
    return this.stage(path.basename(file), fs.readFileSync(file));
  }

  private job(importId: string) {
    const job = this.jobs.get(importId);
    if (!job) throw new NotFound(`There is no import ${importId}; choose the file again.`);
    return job;
  }

  async importStatus(args: Args<'importStatus'>): Promise<ImportPreview> {
    const job = this.job(args.importId);
    return previewOf(job, job.state === 'ready' ? this.ctx.db('importStatus') : null);
  }

  async importCancel(args: Args<'importCancel'>): Promise<Results['importCancel']> {
    return { cancelled: this.jobs.cancel(args.importId) };
  }

  async importCommit(args: Args<'importCommit'>): Promise<ImportOutcome> {
    const job = this.job(args.importId);
    if (job.state === 'reading') throw new Conflict(`${job.file} is still being read; wait for its preview.`);
    if (job.state === 'done') throw new Conflict(`${job.file} has already been imported.`);
    if (job.state !== 'ready') throw new Unusable(`${job.file} cannot be imported: ${job.problems[0] ? `${job.problems[0].place}: ${job.problems[0].message}` : job.state}.`);
    if (this.committing) throw new Conflict(`${this.committing} is being imported; wait until it is written.`);
    const db = this.ctx.db('importCommit');
    this.committing = job.file;
    try {
      // A backup first, so a learner who regrets an import can restore the collection as it was.
      if (this.ctx.backup) await this.ctx.backup();
      if (job.state !== 'ready') throw new Conflict(`${job.file} is no longer ready to import (${job.state}).`);
      const outcome = await this.write(job, db);
      job.state = 'done';
      return outcome;
    } finally {
      this.committing = null;
    }
  }

  private async write(job: ImportJob, db: Database.Database): Promise<ImportOutcome> {
    const now = this.ctx.now().getTime();
    if (job.plan) {
      const r = await this.writePlan(job, job.plan, db, now);
      return { decks: r.decks, added: r.added, updated: r.updated, reviews: r.reviews, images: r.media };
    }
    if (job.deck) {
      let placed;
      try {
        placed = placeDeck(db, job.deck.deck, path.join(this.ctx.dataDir, 'decks'), job.file);
      } catch (err) {
        if (err instanceof BadFile) throw new Conflict(`${err.place}: ${err.message}`);
        throw err;
      }
      writeDeckFile(placed.target, job.deck.text);
      this.ctx.reload();
      const added = job.deck.deck.cards.filter(({ card }) => !placed.present.has(`${job.deck!.deck.id}/${card.id}`)).length;
      return { decks: 1, added, updated: job.deck.deck.cards.length - added, reviews: 0, images: 0 };
    }
    if (job.progressFile) {
      const r = await this.restore(job, job.progressFile, db);
      this.ctx.reload();
      return { decks: r.decks, added: r.added, updated: r.updated, reviews: r.reviews, images: 0 };
    }
    throw new Unusable(`${job.file} has nothing to import.`);
  }

  /**
   * An Anki or text import: written on a thread of its own with its own connection, so this
   * thread goes on answering while it writes (other writes are refused meanwhile, see
   * `writing`); on this thread only where no worker thread can start.
   */
  private async writePlan(job: ImportJob, plan: ImportPlan, db: Database.Database, now: number): Promise<ImportResult> {
    if (plan.problems.length > 0) throw new Error('an import with problems cannot be written');
    const rules = this.ctx.rules();
    writeMedia(path.join(this.ctx.dataDir, 'media'), plan.media);
    const packed = packPlan(plan);
    const r = await this.offThread(
      job.file,
      () => writeOffThread({ dbPath: this.ctx.dbPath, plan: packed, rules, now, ...this.writeHooks, onProgress: (done, total) => (job.progress.state = { phase: 'writing', done, total }) }),
      () => writeInPlace(db, packed, rules, now),
    );
    return { ...r, media: plan.media.length };
  }

  /** A progress file, written like an Anki import: on a thread of its own where one can start. */
  private async restore(job: ImportJob, pf: ProgressFile, db: Database.Database): Promise<ReturnType<typeof applyProgress>> {
    const rules = this.ctx.rules();
    const bytes = job.bytes;
    return this.offThread(
      job.file,
      async () => {
        if (!bytes) throw new NoWorkers('the file is no longer at hand');
        return { ...(await restoreOffThread({ dbPath: this.ctx.dbPath, bytes, file: job.file, limits: this.jobs.limits, rules, deckDirs: this.ctx.deckDirs() })), media: 0 };
      },
      () => applyProgress(db, pf, rules, this.ctx.deckDirs()),
    );
  }

  /**
   * Runs an import's write on its own thread (`threaded`), or on this one (`inPlace`) where no
   * worker thread can start or writeHooks.inPlace says so. Other writes are refused meanwhile.
   */
  private async offThread<T>(file: string, threaded: () => Promise<T>, inPlace: () => T | Promise<T>): Promise<T> {
    this.writing = file;
    try {
      if (this.writeHooks.inPlace) return await inPlace();
      try {
        return await threaded();
      } catch (err) {
        if (!(err instanceof NoWorkers)) throw err;
        return await inPlace();
      }
    } finally {
      this.writing = null;
    }
  }

  /** The export as bytes and a file name (the web host's download, and what Electron saves). */
  async exportFile(what: ExportKind, deckId?: string): Promise<ExportedFile> {
    const db = this.ctx.db('export');
    const stamp = this.ctx.now().toISOString().slice(0, 10);
    switch (what) {
      case 'progress':
        return { name: `go-concurrency-progress-${stamp}${progressExtension}`, mime: 'application/zip', bytes: exportProgress(db, this.ctx.appVersion, this.ctx.now()) };
      case 'reviewsCsv':
        return { name: `review-log-${stamp}.csv`, mime: 'text/csv; charset=utf-8', bytes: Buffer.from(reviewLogCsv(db)) };
      case 'deck': {
        if (!deckId) throw new BadInput('deckId', 'Say which deck to export.');
        const deck = deckYaml(db, deckId);
        if (!deck) throw new NotFound(`There is no deck "${deckId}".`);
        return { name: deck.name, mime: 'application/yaml; charset=utf-8', bytes: Buffer.from(deck.text) };
      }
      case 'database':
        return { name: `progress-${stamp}.db`, mime: 'application/vnd.sqlite3', bytes: await databaseBytes(db) };
    }
  }

  async exportSave(args: Args<'exportSave'>): Promise<Results['exportSave']> {
    if (!this.ctx.chooseExportPath) throw new Conflict('In the browser, exports download; this host has no save dialog.');
    if (args.what === 'database') {
      const target = await this.ctx.chooseExportPath(`progress-${this.ctx.now().toISOString().slice(0, 10)}.db`);
      if (!target) return null;
      await backupDatabase(this.ctx.db('exportSave'), target);
      return { savedTo: target };
    }
    const file = await this.exportFile(args.what, args.deckId);
    const target = await this.ctx.chooseExportPath(file.name);
    if (!target) return null;
    fs.writeFileSync(target, file.bytes);
    return { savedTo: target };
  }
}
