// Imports in progress. A file is handed over (uploaded, or chosen in Electron's dialog), read
// in the background into a plan, previewed, and then written or thrown away. Nothing touches
// the collection before Import is pressed.
import crypto from 'node:crypto';
import path from 'node:path';
import type { DeckFile } from '../decks/format.ts';
import { readApkg } from './anki.ts';
import { readText } from './csv.ts';
import { readDeckFile } from './deckfile.ts';
import { defaultLimits, megabytes, type ImportLimits } from './limits.ts';
import type { ImportPlan, ImportProblem } from './plan.ts';
import { Cancelled, Progress } from './progress.ts';
import { readProgressFile, type ProgressFile } from './progressFile.ts';
import { BadFile, looksLikeZip } from './zip.ts';

export type ImportFormat = 'apkg' | 'csv' | 'deck' | 'progress';

export interface ImportJob {
  id: string;
  file: string;
  format: ImportFormat;
  progress: Progress;
  state: 'reading' | 'ready' | 'failed' | 'cancelled' | 'done';
  plan: ImportPlan | null;
  deck: { deck: DeckFile; text: string } | null;
  progressFile: ProgressFile | null;
  /** A progress file's bytes: it is read again by the thread that writes it. */
  bytes: Uint8Array | null;
  /** Problems that stop the import (the file is refused as a whole). */
  problems: ImportProblem[];
  finished: Promise<void>;
}

/** Which reader a file goes to: by its content first, then by its name. */
export function formatOf(file: string, bytes: Uint8Array): ImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.gctprogress') return 'progress';
  if (ext === '.apkg' || ext === '.colpkg') return 'apkg';
  if (ext === '.yaml' || ext === '.yml') return 'deck';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (looksLikeZip(bytes)) return 'apkg';
  throw new BadFile(file, 'is not a file the app imports: use an Anki package (.apkg), a text file (.csv, .tsv, .txt), a deck file (.yaml) or an exported progress file (.gctprogress)');
}

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    readonly limits: ImportLimits = defaultLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Starts reading `bytes`; the job is returned at once and becomes ready (or failed) later. */
  start(file: string, bytes: Uint8Array): ImportJob {
    const name = path.basename(file);
    const id = crypto.randomBytes(12).toString('base64url');
    const job: ImportJob = {
      id, file: name, format: 'apkg', progress: new Progress(), state: 'reading',
      plan: null, deck: null, progressFile: null, bytes: null, problems: [], finished: Promise.resolve(),
    };
    this.jobs.set(id, job);
    // Finished jobs keep their preview until the next import replaces them; only a few are kept.
    for (const [k, j] of this.jobs) if (this.jobs.size > 4 && j !== job && j.state !== 'reading') this.jobs.delete(k);
    job.finished = this.read(job, bytes);
    return job;
  }

  private async read(job: ImportJob, bytes: Uint8Array): Promise<void> {
    try {
      if (bytes.length > this.limits.maxFileBytes) throw new BadFile(job.file, `is ${megabytes(bytes.length)}; imports take files of at most ${megabytes(this.limits.maxFileBytes)}`);
      job.format = formatOf(job.file, bytes);
      await job.progress.at('reading', 0, 1);
      if (job.format === 'apkg') job.plan = await readApkg(bytes, job.file, this.limits, job.progress, this.clock());
      else if (job.format === 'csv') job.plan = await readText(bytes, job.file, this.limits, job.progress);
      else if (job.format === 'progress') {
        job.progressFile = readProgressFile(bytes, job.file, this.limits);
        job.bytes = bytes;
      }
      else {
        const out = readDeckFile(bytes, job.file, this.limits);
        if ('problems' in out) job.problems = out.problems;
        else job.deck = out;
      }
      if (job.plan) job.problems.push(...job.plan.problems);
      if (job.state === 'reading') job.state = job.problems.length > 0 ? 'failed' : 'ready';
    } catch (err) {
      if (err instanceof Cancelled) {
        job.state = 'cancelled';
        return;
      }
      job.state = 'failed';
      if (err instanceof BadFile) job.problems.push({ place: err.place, message: err.message });
      else job.problems.push({ place: job.file, message: `could not be read: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    job.progress.cancelled = true;
    if (job.state !== 'done') job.state = 'cancelled';
    job.plan = null;
    job.deck = null;
    job.progressFile = null;
    job.bytes = null;
    return true;
  }
}
