// The backend object both hosts serve: every method of the API contract, over the store, the
// scheduler and the deck files. It owns the one database connection.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Api, AppStatus, Args, DeckLoadReport, Results, Settings } from './api/contract.ts';
import { ApiFailure } from './api/errors.ts';
import { listDecks, syncDecks, syncDecksInTurns, type DeckSource } from './decks/load.ts';
import { ParsePool } from './decks/parse-pool.ts';
import { cardTitle, cardView } from './decks/view.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { browseCards, browseFilters, cardInfo } from './store/browse.ts';
import { CardStore } from './store/cards.ts';
import { dbFileName, moveAside, openDatabase } from './store/open.ts';
import { readSettings, writeSettings } from './store/settings.ts';

export interface BackendOptions {
  dataDir: string;
  /** The bundled decks folder (or the one --decks-dir names instead). */
  decksDir: string;
  host: AppStatus['host'];
  version: string;
  now?: () => Date;
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
  private reloading: Promise<DeckLoadReport> | null = null;
  /** Where the last reload parsed its files: in the worker thread, or in place when no worker could start. */
  lastParse = { worker: 0, inPlace: 0 };

  constructor(private readonly opts: BackendOptions) {
    this.dbPath = path.join(opts.dataDir, dbFileName);
    this.clock = opts.now ?? (() => new Date());
    this.open();
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

  async undo(args: Args<'undo'>): Promise<Results['undo']> {
    const undone = this.need('undo').scheduler.undo(args.deckId);
    if (!undone) return null;
    const { step, row } = undone;
    return { cardId: row.id, key: row.key, deckId: row.deck_id, action: step.action, title: cardTitle(row) };
  }

  async forget(args: Args<'forget'>): Promise<Results['forget']> {
    this.need('forget').scheduler.forget(args.cardId);
    return { ok: true };
  }

  async browseCards(args: Args<'browseCards'>): Promise<Results['browseCards']> {
    return browseCards(this.need('browseCards').db, args, this.clock().getTime());
  }

  async browseFilters(_: Args<'browseFilters'>): Promise<Results['browseFilters']> {
    return browseFilters(this.need('browseFilters').db);
  }

  async cardInfo(args: Args<'cardInfo'>): Promise<Results['cardInfo']> {
    const info = cardInfo(this.need('cardInfo').db, args.cardId, this.clock().getTime());
    if (!info) throw new ApiFailure(`There is no card ${args.cardId}.`, 404);
    return info;
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

  /**
   * Reloads the deck files while the app keeps answering: parsing runs in a worker thread and
   * each deck is written in its own transaction between turns of the event loop. A second
   * reload asked for while one runs gets that one's report.
   */
  async reloadDecks(_: Args<'reloadDecks'>): Promise<Results['reloadDecks']> {
    const live = this.need('reloadDecks');
    this.reloading ??= (async () => {
      const pool = new ParsePool();
      try {
        this.lastLoad = await syncDecksInTurns(live.db, this.sources(), () => this.clock().getTime(), (text, label) => pool.parse(text, label));
        return this.lastLoad;
      } finally {
        this.lastParse = { ...pool.counts };
        pool.close();
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  async getSettings(_: Args<'getSettings'>): Promise<Results['getSettings']> {
    return this.need('getSettings').settings;
  }

  async updateSettings(args: Args<'updateSettings'>): Promise<Results['updateSettings']> {
    const live = this.need('updateSettings');
    live.settings = writeSettings(live.db, args);
    return live.settings;
  }
}
