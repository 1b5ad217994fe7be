// The one API the UI calls. Both hosts (Electron IPC and the local web host) serve exactly
// these methods from the same backend object, and validate arguments with these schemas
// before the backend sees them. The renderer imports only the types from this file.
import { z } from 'zod';

export const CardKind = z.enum(['term', 'question', 'predict', 'exercise']);
export type CardKind = z.infer<typeof CardKind>;

/** ts-fsrs ratings: Again 1, Hard 2, Good 3, Easy 4. */
export const Rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Rating = z.infer<typeof Rating>;

/** ts-fsrs states: New 0, Learning 1, Review 2, Relearning 3. */
export type CardState = 0 | 1 | 2 | 3;

const deckId = z.string().min(1).max(200);
/**
 * The most code or typed text one call carries (256 KiB, the size of source gosim accepts):
 * even escaped as JSON it fits the web host's 1 MiB request limit.
 */
const sourceLimit = 262_144;
const cardId = z.number().int().positive();
const importId = z.string().min(1).max(64);

/** What can be exported: the progress file, the review log as CSV, one deck as a deck file, a copy of the database. */
export const ExportKind = z.enum(['progress', 'reviewsCsv', 'deck', 'database']);
export type ExportKind = z.infer<typeof ExportKind>;

export const Settings = z.object({
  desiredRetention: z.number().min(0.7).max(0.99),
  newPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99999),
  /** Hour of local time at which a new study day starts (Anki's default is 4). */
  dayStartHour: z.number().int().min(0).max(23),
  /** Where new cards come among the day's reviews: spread among them (Anki's default), after them, or before. */
  newReviewOrder: z.enum(['mix', 'afterReviews', 'beforeReviews']),
  /** New cards do not use up the review limit (Anki's default: they do, and reviews come first). */
  newIgnoresReviewLimit: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

/** Argument schemas: one entry per method; `z.void()`-like methods take an empty object. */
export const argSchemas = {
  status: z.object({}).strict(),
  startFresh: z.object({}).strict(),
  today: z.object({}).strict(),
  nextCard: z.object({ deckId: deckId.optional() }).strict(),
  answer: z
    .object({
      cardId,
      rating: Rating,
      /** How long the learner looked at the card, in milliseconds. */
      durationMs: z.number().int().min(0).max(86_400_000),
      /** For drills: what the learner typed (a prediction, or an exercise's code), and whether it was right. */
      typed: z.string().max(sourceLimit).optional(),
      correct: z.boolean().optional(),
      /** The session the answer belongs to (all decks, or one): the result then carries its next card. */
      session: z.object({ deckId: deckId.optional() }).strict().optional(),
    })
    .strict(),
  /** Takes back the last action of the study day (answer, bury, suspend, unsuspend, forget): in this deck when given. */
  undo: z.object({ deckId: deckId.optional() }).strict(),
  /** Keep the learner's code for an exercise (null forgets it, back to the starter). */
  saveDraft: z.object({ cardId, code: z.string().max(sourceLimit).nullable() }).strict(),
  bury: z.object({ cardId }).strict(),
  suspend: z.object({ cardId }).strict(),
  unsuspend: z.object({ cardId }).strict(),
  /** Back to new, as if never studied; the review history is kept. */
  forget: z.object({ cardId }).strict(),
  /** The card browser: every filter optional, one page of cards at a time. */
  browseCards: z
    .object({
      /** Words anywhere in the card (its text, code, tags or key), case-insensitive. */
      text: z.string().max(500).optional(),
      deckId: deckId.optional(),
      kind: CardKind.optional(),
      tag: z.string().min(1).max(200).optional(),
      state: z.enum(['new', 'learning', 'review', 'suspended', 'buried']).optional(),
      sort: z.enum(['due', 'interval', 'lapses']).optional(),
      descending: z.boolean().optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  /** Every deck and tag there is, for the browser's filters. */
  browseFilters: z.object({}).strict(),
  /** One card in full, with every review it has had. */
  cardInfo: z.object({ cardId }).strict(),
  /** Bring back every suspended card of a deck. */
  unsuspendDeck: z.object({ deckId }).strict(),
  listDecks: z.object({}).strict(),
  reloadDecks: z.object({}).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: Settings.partial().strict(),
  /** After a fault that leaves the file healthy (newer app, read-only): open it without writing, to look and export. */
  openReadOnly: z.object({}).strict(),
  /** After a fault: keep progress in another folder (an absolute path) for this session. */
  useDataDir: z.object({ dir: z.string().min(1).max(4096) }).strict(),
  /** Ends the app (the desktop window, or the web host's server). */
  quit: z.object({}).strict(),
  listBackups: z.object({}).strict(),
  backupNow: z.object({}).strict(),
  /**
   * Puts a backup (a name listBackups gave) in place of the progress; the current state is backed
   * up first, or, when it is damaged, moved aside.
   */
  restoreBackup: z.object({ name: z.string().min(1).max(200) }).strict(),
  /** Electron: pick a file in the native dialog and start reading it (the web host takes an upload instead). */
  importChoose: z.object({}).strict(),
  /** How far reading an import is, and once read, its preview. */
  importStatus: z.object({ importId }).strict(),
  importCancel: z.object({ importId }).strict(),
  /** Writes a previewed import, in one transaction. */
  importCommit: z.object({ importId }).strict(),
  /** Electron: save an export where the learner picks in the save dialog (the web host downloads it). */
  exportSave: z.object({ what: ExportKind, deckId: deckId.optional() }).strict(),
} as const;

export type MethodName = keyof typeof argSchemas;
export const methodNames = Object.keys(argSchemas) as MethodName[];
export type Args<M extends MethodName> = z.infer<(typeof argSchemas)[M]>;

/** Why the progress database could not be opened; decides which ways forward are offered. */
export type DbFaultKind = 'damaged' | 'newer' | 'readOnlyFile' | 'readOnlyFolder' | 'noFolder';
/** A way forward from a fault: only a damaged file may be started fresh over. */
export type DbAction = 'restoreBackup' | 'startFresh' | 'openReadOnly' | 'chooseFolder' | 'quit';

export interface AppStatus {
  dataDir: string;
  dbPath: string;
  /** Set when the database could not be opened or failed its integrity check. The file is kept. */
  dbProblem: string | null;
  /** With dbProblem: what kind of fault it is and what the learner may do about it. */
  dbFault?: { kind: DbFaultKind; actions: DbAction[] } | null;
  /** The learner chose to open a database this app must not write: reading works, saving is refused. */
  readOnly?: boolean;
  /** After restoreBackup: which backup was restored, and the backup of the state it replaced. */
  restored?: { from: string; previous: string | null } | null;
  /** After startFresh: where the unreadable database was moved (it is kept, never deleted). */
  brokenCopy?: string | null;
  /** Problems found in deck files at the last load (start or reloadDecks); those decks were skipped. */
  deckProblems?: DeckProblem[];
  /** Deck files are being loaded (a big folder at start, or a reload): decks may be missing or out of date until it ends. */
  decksLoading?: boolean;
  host: 'electron' | 'web';
  version: string;
}

export interface DeckProblem {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export interface DeckInfo {
  id: string;
  name: string;
  file: string;
  description: string;
  cardCount: number;
  retiredCount: number;
  suspendedCount: number;
}

export interface DeckLoadReport {
  decks: DeckInfo[];
  problems: DeckProblem[];
}

export interface DeckToday {
  deckId: string;
  name: string;
  newCount: number;
  learningCount: number;
  dueCount: number;
}

export interface TodaySummary {
  /** ISO time at which the current study day started (the rollover hour). */
  dayStart: string;
  decks: DeckToday[];
  /** Cards answered today, across all decks. */
  reviewedToday: number;
  /** When the earliest card already in study (not new) comes due, across all decks; null if none. */
  nextDue: string | null;
}

/** Constructs an exercise can require or forbid, decided on the syntax tree (docs/deck-format.md). */
export type Construct =
  | 'go' | 'channel' | 'buffered-channel' | 'select' | 'close' | 'mutex' | 'waitgroup' | 'once' | 'atomic' | 'context' | 'sleep';

/** One check of an exercise; it holds only if it holds under every schedule. */
export type ExerciseCheck =
  | { kind: 'output'; expected: string[] }
  | { kind: 'exit'; code: number }
  | { kind: 'noDeadlock' }
  | { kind: 'noLeaks' }
  | { kind: 'uses'; construct: Construct }
  | { kind: 'avoids'; construct: Construct }
  | { kind: 'maxSteps'; steps: number };

/** One way a drill's program can end, as its deck states it. */
export interface StatedOutcome {
  stdout: string;
  /** The first line of Go's crash report, or null when the program exits by itself. */
  crash: string | null;
}

export interface PredictDrill {
  /** What the learner types: the standard output, or the first line Go prints when the program crashes. */
  asks: 'output' | 'crash';
  /** Every outcome the program can have (checked against gosim's exploration by the deck linter). */
  outcomes: StatedOutcome[];
  /** Markdown shown with the answer. */
  explanation: string;
}

export interface ExerciseSpec {
  starter: string;
  solution: string;
  checks: ExerciseCheck[];
  /** The learner's saved code, or null when there is none (start from the starter). */
  draft: string | null;
}

/** A card as the UI shows it; Markdown fields are raw and sanitized by the renderer when shown. */
export interface CardView {
  id: number;
  key: string;
  deckId: string;
  kind: CardKind;
  /** Front of the card: term, question, drill prompt or exercise task (Markdown). */
  front: string;
  /** Back of the card for terms and questions: definition or answer (Markdown); '' for drills and exercises. */
  back: string;
  /** Front and back are HTML (cards imported from Anki or text files), not Markdown; sanitized when shown all the same. */
  html?: boolean;
  /** The Go program of a predict drill, or an exercise's starter code. */
  code: string | null;
  hint: string | null;
  predict: PredictDrill | null;
  exercise: ExerciseSpec | null;
  tags: string[];
  state: CardState;
  due: string;
  reps: number;
  lapses: number;
}

export interface IntervalPreview {
  rating: Rating;
  due: string;
  /** Short human form of the interval, e.g. "10m", "3d", "1.2mo". */
  label: string;
}

export interface ReviewItem {
  card: CardView;
  previews: IntervalPreview[];
  remaining: { newCount: number; learningCount: number; dueCount: number };
}

export interface AnswerResult {
  cardId: number;
  due: string;
  state: CardState;
  canUndo: boolean;
  /** With `session`: the session's next card (null when nothing more is due), so the page need not ask again. */
  next?: ReviewItem | null;
}

export interface BackupInfo {
  /** The file's name inside the backups folder; what restoreBackup takes. */
  name: string;
  takenAt: string;
  /** Why it was taken: daily, manual, before-migration, before-restore, before-import, before-reset. */
  reason: string;
  sizeBytes: number;
  /** Cards in study (not retired) and review-log rows; null with `problem` when the file cannot be read. */
  cards: number | null;
  reviews: number | null;
  problem: string | null;
}

export interface BackupList {
  dir: string;
  backups: BackupInfo[];
}

export type UndoAction = 'answer' | 'bury' | 'suspend' | 'unsuspend' | 'forget';

/** What undo took back, so the page can say which card. */
export interface Undone {
  cardId: number;
  key: string;
  deckId: string;
  action: UndoAction;
  /** The card's front as one short line of plain text. */
  title: string;
}

export type BrowseState = 'new' | 'learning' | 'review' | 'suspended' | 'buried';

/** One line of the card browser. */
export interface BrowseRow {
  id: number;
  key: string;
  deckId: string;
  deckName: string;
  kind: CardKind;
  title: string;
  tags: string[];
  state: CardState;
  suspended: boolean;
  /** Set while the card is buried: when it comes back. */
  buriedUntil: string | null;
  due: string;
  /** Days until the next review as last scheduled (0 for new and learning cards). */
  intervalDays: number;
  reps: number;
  lapses: number;
}

export interface BrowsePage {
  /** How many cards match, across every page. */
  total: number;
  offset: number;
  cards: BrowseRow[];
}

export interface BrowseFilters {
  decks: { id: string; name: string }[];
  tags: string[];
}

/** One answer in a card's history. */
export interface ReviewEntry {
  at: string;
  rating: Rating;
  /** The state the card was in when answered. */
  state: CardState;
  /** The interval this answer gave, e.g. "10m" or "4d"; null when later changes (forget) hide it. */
  interval: string | null;
  durationMs: number;
  /** For drills: the prediction or code typed, and whether it was right. */
  typed: string | null;
  correct: boolean | null;
}

export interface CardInfo {
  card: CardView;
  deckName: string;
  suspended: boolean;
  buriedUntil: string | null;
  retired: boolean;
  stability: number;
  difficulty: number;
  intervalDays: number;
  lastReview: string | null;
  /** Oldest first. */
  reviews: ReviewEntry[];
}

/** Where a problem is: the file, and the entry, line or note inside it. */
export interface ImportProblem {
  place: string;
  message: string;
}

export type ImportFormat = 'apkg' | 'csv' | 'deck' | 'progress';
/** What kind of note or file a card came from (counted in the preview). */
export type ImportNoteKind = 'basic' | 'reversed' | 'cloze' | 'other' | 'text' | 'deck';

export interface ImportPreview {
  importId: string;
  file: string;
  format: ImportFormat;
  /** reading: still being read (see progress); ready: can be imported; failed: problems stop it. */
  state: 'reading' | 'ready' | 'failed' | 'cancelled' | 'done';
  progress: { phase: string; done: number; total: number };
  decks: { id: string; name: string; cards: number; newCards: number; updatedCards: number }[];
  kinds: { kind: ImportNoteKind | string; cards: number }[];
  /** Reviews the import adds to the log. */
  reviews: number;
  images: number;
  /** The first few cards, as they will be shown (fields are HTML for Anki and text imports). */
  firstCards: { deck: string; kind: string; front: string; back: string; html: boolean }[];
  /** Every problem; any problem stops the import (fix the file and import it again). */
  problems: ImportProblem[];
  notices: string[];
  /** For a progress file: restore (empty profile) or merge by card key. */
  mode: 'add' | 'restore' | 'merge';
}

export interface ImportOutcome {
  decks: number;
  added: number;
  updated: number;
  reviews: number;
  images: number;
}

export interface Results {
  status: AppStatus;
  startFresh: AppStatus;
  today: TodaySummary;
  nextCard: ReviewItem | null;
  answer: AnswerResult;
  undo: Undone | null;
  saveDraft: { saved: boolean };
  bury: { ok: true };
  suspend: { ok: true };
  unsuspend: { ok: true };
  forget: { ok: true };
  browseCards: BrowsePage;
  browseFilters: BrowseFilters;
  cardInfo: CardInfo;
  unsuspendDeck: { unsuspended: number };
  listDecks: DeckInfo[];
  reloadDecks: DeckLoadReport;
  getSettings: Settings;
  updateSettings: Settings;
  openReadOnly: AppStatus;
  useDataDir: AppStatus;
  quit: { ok: true };
  listBackups: BackupList;
  backupNow: BackupInfo;
  restoreBackup: AppStatus;
  importChoose: { importId: string } | null;
  importStatus: ImportPreview;
  importCancel: { cancelled: boolean };
  importCommit: ImportOutcome;
  exportSave: { savedTo: string } | null;
}

/** What the renderer holds: one async function per method, whichever host serves it. */
export type Api = { [M in MethodName]: (args: Args<M>) => Promise<Results[M]> };

/** An error the UI can show: which method, and a message a person can act on. */
export interface ApiErrorBody {
  error: { method: string; message: string; issues?: { path: string; message: string }[] };
}

/**
 * One call's outcome as data, the same on both hosts: the web host sends `status` as the HTTP
 * status and `body` as JSON; over Electron IPC the whole envelope is the invoke's return value
 * (nothing is thrown across IPC, so status and issues arrive intact).
 */
export type ApiEnvelope = { status: 200; body: { result: unknown } } | { status: number; body: ApiErrorBody };

/** What the Electron preload exposes as window.trainerApi: one function per method, returning the envelope. */
export type WireApi = { [M in MethodName]: (args: Args<M>) => Promise<ApiEnvelope> };
