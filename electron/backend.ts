// The backend object both hosts serve: every method of the API contract, over the store, the
// scheduler and the deck files. It owns the one database connection.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Api, AppStatus, Args, BackupInfo, DeckLoadReport, Results, Settings } from '../api/contract.ts';
import { BadInput, Conflict, NotFound, Unavailable } from './errors.ts';
import { listDecks, syncDecks, syncDecksInTurns, type DeckSource } from './decks/load.ts';
import { ParsePool } from './decks/parse-pool.ts';
import { cardTitle, cardView } from './decks/view.ts';
import { learningSteps, relearningSteps, Scheduler } from './scheduler/scheduler.ts';
import {
  backupProblem,
  backupsFolder,
  describeBackup,
  findBackup,
  hasBackupOn,
  holdsProgress,
  listBackupFiles,
  pruneBackups,
  commitRestore,
  stageRestore,
  takeBackup,
  takeBackupSync,
  type BackupReason,
} from './store/backups.ts';
import { browseCards, browseFilters, cardInfo } from './store/browse.ts';
import { CardStore } from './store/cards.ts';
import { actionsFor, dbFileName, moveAside, openDatabase, type DbFault } from './store/open.ts';
import { readSettings, writeSettings } from './store/settings.ts';
import { Transfer } from './transfer/service.ts';

export interface BackendOptions {
  dataDir: string;
  /** The bundled decks folder (or the one --decks-dir names instead). */
  decksDir: string;
  host: AppStatus['host'];
  version: string;
  now?: () => Date;
  /** What the host does when the learner chooses Quit (close the window, stop the server). */
  onQuit?: () => void;
  /** Electron's native dialogs for import and export; the web host has upload and download routes instead. */
  chooseImportFile?: () => Promise<string | null>;
  chooseExportPath?: (defaultName: string) => Promise<string | null>;
  /**
   * Deck files over this many bytes in all are loaded at start in the background (parsed in a
   * worker thread, written between turns) while the app already answers, status saying
   * `decksLoading`; smaller ones, as the bundled decks are, load before the constructor returns.
   */
  backgroundDeckBytes?: number;
}

/** Above this, a start's deck load runs in the background (a 100k-card folder took 20 s in place). */
const defaultBackgroundDeckBytes = 2 * 1024 * 1024;

/** Methods that change the database; refused while it is open read-only. */
const writing = new Set([
  'answer', 'undo', 'saveDraft', 'bury', 'suspend', 'unsuspend', 'unsuspendDeck', 'reloadDecks', 'updateSettings',
  'backupNow', 'restoreBackup',
]);

/** How often a running app looks whether the day's backup is due. */
const dailyCheckMs = 60 * 60 * 1000;

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
  private dataDir: string;
  dbPath: string;
  private readonly clock: () => Date;
  private live: Open | null = null;
  private fault: DbFault | null = null;
  private readOnly = false;
  private brokenCopy: string | null = null;
  private restored: AppStatus['restored'] = null;
  private backupRunning: Promise<unknown> = Promise.resolve();
  private readonly dailyTimer: NodeJS.Timeout;
  lastLoad: DeckLoadReport = { decks: [], problems: [] };
  private reloading: Promise<DeckLoadReport> | null = null;
  /** The start's deck load: settled at once for small folders, later for big ones loaded in the background. */
  decksReady: Promise<DeckLoadReport> = Promise.resolve(this.lastLoad);
  /** Where the last reload parsed its files: in the worker thread, or in place when no worker could start. */
  lastParse = { worker: 0, inPlace: 0 };
  /** Import and export (electron/transfer/). */
  readonly transfer: Transfer;

  constructor(private readonly opts: BackendOptions) {
    this.dataDir = opts.dataDir;
    this.dbPath = path.join(opts.dataDir, dbFileName);
    this.clock = opts.now ?? (() => new Date());
    this.open();
    this.dailyTimer = setInterval(() => this.dailyBackup(), dailyCheckMs);
    this.dailyTimer.unref();
    this.transfer = new Transfer({
      db: (method) => this.need(method).db,
      dbPath: this.dbPath,
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
      backup: () => this.backupNowFor('before-import'),
      chooseImportFile: opts.chooseImportFile,
      chooseExportPath: opts.chooseExportPath,
    });
  }

  get backupsDir(): string {
    return path.join(this.dataDir, backupsFolder);
  }

  private open(readOnly = false): void {
    const result = openDatabase(this.dbPath, {
      readOnly,
      beforeMigrate: (db) => {
        // Synchronous: migrations run next, inside this same open.
        takeBackupSync(db, this.backupsDir, 'before-migration', this.clock());
      },
    });
    this.readOnly = result.ok && result.readOnly;
    if (!result.ok) {
      this.fault = { kind: result.kind, problem: result.problem };
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
    this.fault = null;
    if (this.readOnly) return;
    this.dailyBackup();
    if (this.deckBytes() > (this.opts.backgroundDeckBytes ?? defaultBackgroundDeckBytes)) {
      this.decksReady = this.reloadDecks({}).catch((err: unknown) => this.deckLoadFailed(err));
      return;
    }
    try {
      this.loadDecks();
    } catch (err) {
      this.deckLoadFailed(err);
    }
    this.decksReady = Promise.resolve(this.lastLoad);
  }

  /** Starting without decks beats not starting: the learner sees the message and can fix it. */
  private deckLoadFailed(err: unknown): DeckLoadReport {
    const message = `decks could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
    this.lastLoad = { decks: [], problems: [{ file: shownPath(this.opts.decksDir), line: null, field: null, message }] };
    return this.lastLoad;
  }

  /** The size of the deck files in every folder decks load from (what a load may have to parse). */
  private deckBytes(): number {
    let total = 0;
    for (const { dir } of this.sources()) {
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!/\.ya?ml$/i.test(name)) continue;
        try {
          total += fs.statSync(path.join(dir, name)).size;
        } catch {
          // gone meanwhile: the load reports what it finds
        }
      }
    }
    return total;
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
      const way = this.fault?.kind === 'damaged' ? 'choose "Start fresh" to keep it aside and begin a new one' : 'see the choices the app offers';
      throw new Unavailable(`${method} is unavailable: ${this.fault?.problem ?? 'the database is closed.'} Your file is untouched; ${way}.`);
    }
    if (this.readOnly && writing.has(method)) {
      throw new Conflict(`${method} is unavailable: the progress database is open read-only, so nothing can be saved.`);
    }
    // An import writes on a thread of its own in one transaction; reading goes on meanwhile,
    // and a change waits until the import is written (a few seconds even for a big file).
    if (this.transfer?.writing && writing.has(method)) {
      throw new Conflict(`${method} is unavailable while ${this.transfer.writing} is being imported; try again when the import is written.`);
    }
    return this.live;
  }

  close(): void {
    clearInterval(this.dailyTimer);
    this.closeDatabase();
  }

  private closeDatabase(): void {
    this.live?.store.close();
    this.live = null;
  }

  /** Waits for a backup in progress (tests, and a host about to close). */
  async backupsSettled(): Promise<void> {
    await this.backupRunning.catch(() => {});
  }

  /**
   * Takes a backup now, then applies retention. The hook for anything about to rewrite much
   * at once (an import, a reset): await it before changing the database.
   */
  async backupNowFor(reason: BackupReason): Promise<BackupInfo> {
    const { db } = this.need('backupNow');
    const run = this.backupRunning
      .catch(() => {})
      .then(async () => {
        const file = await takeBackup(db, this.backupsDir, reason, this.clock());
        pruneBackups(this.backupsDir);
        return describeBackup(this.backupsDir, path.basename(file));
      });
    this.backupRunning = run;
    return run;
  }

  /** The day's backup, once per local calendar day, and only of a database that holds progress. */
  private dailyBackup(): void {
    const live = this.live;
    if (!live || this.readOnly || !live.db.open) return;
    if (hasBackupOn(this.backupsDir, this.clock()) || !holdsProgress(live.db)) return;
    this.backupNowFor('daily').catch((err: unknown) => {
      // A backend closed mid-copy (the app quitting) tries again at the next start.
      if (live.db.open) console.error(`daily backup failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  statusNow(): AppStatus {
    return {
      dataDir: this.dataDir,
      dbPath: this.dbPath,
      dbProblem: this.fault?.problem ?? null,
      dbFault: this.fault ? { kind: this.fault.kind, actions: actionsFor[this.fault.kind] } : null,
      readOnly: this.readOnly,
      restored: this.restored,
      brokenCopy: this.brokenCopy,
      deckProblems: this.lastLoad.problems,
      decksLoading: this.reloading !== null,
      host: this.opts.host,
      version: this.opts.version,
    };
  }

  async status(_: Args<'status'>): Promise<Results['status']> {
    return this.statusNow();
  }

  async startFresh(_: Args<'startFresh'>): Promise<Results['startFresh']> {
    if (this.live) throw new Conflict('The progress database is fine; there is nothing to start fresh from.');
    if (this.fault && this.fault.kind !== 'damaged') {
      throw new Conflict(`The progress database is not damaged, so it is not set aside: ${this.fault.problem}`);
    }
    if (fs.existsSync(this.dbPath)) this.brokenCopy = moveAside(this.dbPath, this.clock());
    this.open();
    return this.statusNow();
  }

  async openReadOnly(_: Args<'openReadOnly'>): Promise<Results['openReadOnly']> {
    if (!this.fault || !actionsFor[this.fault.kind].includes('openReadOnly')) {
      throw new Conflict('Opening read-only is offered only for a healthy database this app must not change.');
    }
    this.open(true);
    return this.statusNow();
  }

  async useDataDir(args: Args<'useDataDir'>): Promise<Results['useDataDir']> {
    if (this.live && !this.readOnly) throw new Conflict('The progress database is fine; keep using it.');
    if (!path.isAbsolute(args.dir)) throw new BadInput('dir', `"${args.dir}" is not a full path; give the folder's whole path.`);
    this.closeDatabase();
    this.dataDir = path.resolve(args.dir);
    this.dbPath = path.join(this.dataDir, dbFileName);
    this.brokenCopy = null;
    this.open();
    return this.statusNow();
  }

  async quit(_: Args<'quit'>): Promise<Results['quit']> {
    if (!this.opts.onQuit) throw new Conflict('This host cannot be quit from the page; close it where it was started.');
    // Answer first: the host stops only after this reply has gone out.
    setTimeout(this.opts.onQuit, 50);
    return { ok: true };
  }

  async listBackups(_: Args<'listBackups'>): Promise<Results['listBackups']> {
    return { dir: this.backupsDir, backups: listBackupFiles(this.backupsDir) };
  }

  async backupNow(_: Args<'backupNow'>): Promise<Results['backupNow']> {
    return this.backupNowFor('manual');
  }

  /**
   * Puts a backup in place of the progress. A healthy database is backed up first; a damaged
   * one (the one other case allowed) cannot be copied, so it is moved aside as Start fresh does.
   */
  async restoreBackup(args: Args<'restoreBackup'>): Promise<Results['restoreBackup']> {
    const damaged = !this.live && this.fault?.kind === 'damaged';
    if (!damaged) this.need('restoreBackup');
    const file = findBackup(this.backupsDir, args.name);
    if (!file) throw new NotFound(`There is no backup named "${args.name}" in ${this.backupsDir}.`);
    const problem = backupProblem(file);
    if (problem) throw new Conflict(`The backup ${args.name} cannot be restored: ${problem}. Your progress is unchanged.`);
    // Copied aside first: retention after the next backup may remove the file being restored.
    const incoming = stageRestore(file, this.dbPath);
    let previous: string | null = null;
    if (damaged) {
      if (fs.existsSync(this.dbPath)) this.brokenCopy = moveAside(this.dbPath, this.clock());
    } else {
      try {
        previous = (await this.backupNowFor('before-restore')).name;
      } catch (err) {
        fs.rmSync(incoming, { force: true });
        throw err;
      }
      this.closeDatabase();
    }
    commitRestore(incoming, this.dbPath);
    this.open();
    this.restored = { from: args.name, previous };
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
    const { session, ...answer } = args;
    const result = this.need('answer').scheduler.answer(answer);
    return session === undefined ? result : { ...result, next: await this.nextCard(session) };
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
    if (!info) throw new NotFound(`There is no card ${args.cardId}.`);
    return info;
  }

  async saveDraft(args: Args<'saveDraft'>): Promise<Results['saveDraft']> {
    const { store } = this.need('saveDraft');
    const card = store.card(args.cardId);
    if (!card) throw new NotFound(`There is no card ${args.cardId}.`);
    if (card.kind !== 'exercise') throw new Conflict(`Card ${args.cardId} is not an exercise; only exercises keep code.`);
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
    if (!store.decks().some((d) => d.id === args.deckId)) throw new NotFound(`There is no deck "${args.deckId}".`);
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
