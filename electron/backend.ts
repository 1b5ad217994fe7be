// The backend object both hosts serve: every method of the API contract, over the store, the
// scheduler and the deck files. It owns the one database connection.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Api, AppStatus, Args, DeckLoadReport, Results, Settings } from './api/contract.ts';
import { ApiFailure } from './api/errors.ts';
import { listDecks, syncDecks, type DeckSource } from './decks/load.ts';
import { cardView } from './decks/view.ts';
import { learningSteps, relearningSteps, Scheduler } from './scheduler/scheduler.ts';
import { CardStore } from './store/cards.ts';
import { dbFileName, moveAside, openDatabase } from './store/open.ts';
import { readSettings, writeSettings } from './store/settings.ts';
import { Transfer } from './transfer/service.ts';

export interface BackendOptions {
  dataDir: string;
  /** The bundled decks folder (or the one --decks-dir names instead). */
  decksDir: string;
  host: AppStatus['host'];
  version: string;
  now?: () => Date;
  /** Electron's native dialogs for import and export; the web host has upload and download routes instead. */
  chooseImportFile?: () => Promise<string | null>;
  chooseExportPath?: (defaultName: string) => Promise<string | null>;
}

interface Open {
  db: Database.Database;
  store: CardStore;
  scheduler: Scheduler;
  settings: Settings;
}

function shownPath(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
}

export class Backend implements Api {
  readonly dbPath: string;
  private readonly clock: () => Date;
  private live: Open | null = null;
  private problem: string | null = null;
  private brokenCopy: string | null = null;
  lastLoad: DeckLoadReport = { decks: [], problems: [] };
  /** Import and export (electron/transfer/). */
  readonly transfer: Transfer;

  constructor(private readonly opts: BackendOptions) {
    this.dbPath = path.join(opts.dataDir, dbFileName);
    this.clock = opts.now ?? (() => new Date());
    this.open();
    this.transfer = new Transfer({
      db: (method) => this.need(method).db,
      rules: () => {
        const s = this.need('import').settings;
        return { desiredRetention: s.desiredRetention, dayStartHour: s.dayStartHour, learningSteps, relearningSteps, fuzz: true };
      },
      dataDir: opts.dataDir,
      deckDirs: () => this.sources().map((s) => s.dir),
      now: this.clock,
      appVersion: opts.version,
      reload: () => {
        const live = this.need('import');
        live.settings = readSettings(live.db);
        this.loadDecks();
      },
      chooseImportFile: opts.chooseImportFile,
      chooseExportPath: opts.chooseExportPath,
    });
  }

  private open(): void {
    const result = openDatabase(this.dbPath);
    if (!result.ok) {
      this.problem = result.problem;
      this.live = null;
      return;
    }
    const db = result.db;
    const store = new CardStore(db);
    const holder = { settings: readSettings(db) };
    const scheduler = new Scheduler(store, this.clock, () => holder.settings);
    this.live = {
      db,
      store,
      scheduler,
      get settings() {
        return holder.settings;
      },
      set settings(next: Settings) {
        holder.settings = next;
      },
    };
    this.problem = null;
    try {
      this.loadDecks();
    } catch (err) {
      // Starting without decks beats not starting: the learner sees the message and can fix it.
      const message = `decks could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
      this.lastLoad = { decks: [], problems: [{ file: shownPath(this.opts.decksDir), line: null, field: null, message }] };
    }
  }

  private sources(): DeckSource[] {
    const own = path.join(this.opts.dataDir, 'decks');
    return [
      { dir: this.opts.decksDir, label: shownPath(this.opts.decksDir) },
      { dir: own, label: own },
    ];
  }

  private loadDecks(): DeckLoadReport {
    const live = this.need('reloadDecks');
    this.lastLoad = syncDecks(live.db, this.sources(), this.clock().getTime());
    return this.lastLoad;
  }

  private need(method: string): Open {
    if (!this.live) {
      throw new ApiFailure(
        `${method} is unavailable: ${this.problem ?? 'the database is closed.'} Your file is untouched; choose "Start fresh" to keep it aside and begin a new one.`,
        503,
      );
    }
    return this.live;
  }

  close(): void {
    this.live?.store.close();
    this.live = null;
  }

  statusNow(): AppStatus {
    return {
      dataDir: this.opts.dataDir,
      dbPath: this.dbPath,
      dbProblem: this.problem,
      brokenCopy: this.brokenCopy,
      deckProblems: this.lastLoad.problems,
      host: this.opts.host,
      version: this.opts.version,
    };
  }

  async status(_: Args<'status'>): Promise<Results['status']> {
    return this.statusNow();
  }

  async startFresh(_: Args<'startFresh'>): Promise<Results['startFresh']> {
    if (this.live) throw new ApiFailure('The progress database is fine; there is nothing to start fresh from.', 409);
    if (fs.existsSync(this.dbPath)) this.brokenCopy = moveAside(this.dbPath, this.clock());
    this.open();
    return this.statusNow();
  }

  async today(_: Args<'today'>): Promise<Results['today']> {
    const { scheduler, store } = this.need('today');
    const counts = scheduler.counts();
    const nextDue = store.nextDue();
    return {
      dayStart: scheduler.dayStart().toISOString(),
      decks: store.decks().map((d) => {
        const c = counts.get(d.id) ?? { newCount: 0, learningCount: 0, dueCount: 0 };
        return { deckId: d.id, name: d.name, ...c };
      }),
      reviewedToday: scheduler.answeredToday(),
      nextDue: nextDue === null ? null : new Date(nextDue).toISOString(),
    };
  }

  async nextCard(args: Args<'nextCard'>): Promise<Results['nextCard']> {
    const { scheduler, store } = this.need('nextCard');
    const next = scheduler.next(args.deckId);
    if (!next) return null;
    const draft = next.row.kind === 'exercise' ? store.draft(next.row.id) : null;
    return { card: cardView(next.row, draft), previews: next.previews, remaining: next.remaining };
  }

  async answer(args: Args<'answer'>): Promise<Results['answer']> {
    return this.need('answer').scheduler.answer(args);
  }

  async undo(_: Args<'undo'>): Promise<Results['undo']> {
    return this.need('undo').scheduler.undo();
  }

  async saveDraft(args: Args<'saveDraft'>): Promise<Results['saveDraft']> {
    const { store } = this.need('saveDraft');
    const card = store.card(args.cardId);
    if (!card) throw new ApiFailure(`There is no card ${args.cardId}.`, 404);
    if (card.kind !== 'exercise') throw new ApiFailure(`Card ${args.cardId} is not an exercise; only exercises keep code.`, 409);
    store.saveDraft(args.cardId, args.code, this.clock().getTime());
    return { saved: true };
  }

  async bury(args: Args<'bury'>): Promise<Results['bury']> {
    this.need('bury').scheduler.bury(args.cardId);
    return { ok: true };
  }

  async suspend(args: Args<'suspend'>): Promise<Results['suspend']> {
    this.need('suspend').scheduler.suspend(args.cardId, true);
    return { ok: true };
  }

  async unsuspend(args: Args<'unsuspend'>): Promise<Results['unsuspend']> {
    this.need('unsuspend').scheduler.suspend(args.cardId, false);
    return { ok: true };
  }

  async unsuspendDeck(args: Args<'unsuspendDeck'>): Promise<Results['unsuspendDeck']> {
    const { store } = this.need('unsuspendDeck');
    if (!store.decks().some((d) => d.id === args.deckId)) throw new ApiFailure(`There is no deck "${args.deckId}".`, 404);
    return { unsuspended: store.unsuspendDeck(args.deckId) };
  }

  async listDecks(_: Args<'listDecks'>): Promise<Results['listDecks']> {
    return listDecks(this.need('listDecks').db);
  }

  async reloadDecks(_: Args<'reloadDecks'>): Promise<Results['reloadDecks']> {
    return this.loadDecks();
  }

  async getSettings(_: Args<'getSettings'>): Promise<Results['getSettings']> {
    return this.need('getSettings').settings;
  }

  async updateSettings(args: Args<'updateSettings'>): Promise<Results['updateSettings']> {
    const live = this.need('updateSettings');
    live.settings = writeSettings(live.db, args);
    return live.settings;
  }

  importChoose(args: Args<'importChoose'>): Promise<Results['importChoose']> {
    return this.transfer.importChoose(args);
  }

  importStatus(args: Args<'importStatus'>): Promise<Results['importStatus']> {
    return this.transfer.importStatus(args);
  }

  importCancel(args: Args<'importCancel'>): Promise<Results['importCancel']> {
    return this.transfer.importCancel(args);
  }

  importCommit(args: Args<'importCommit'>): Promise<Results['importCommit']> {
    return this.transfer.importCommit(args);
  }

  exportSave(args: Args<'exportSave'>): Promise<Results['exportSave']> {
    return this.transfer.exportSave(args);
  }
}
