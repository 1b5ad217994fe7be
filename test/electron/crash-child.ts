// The process the crash test kills: a learner answering and undoing as fast as the API lets
// them, through the same dispatch door both hosts use. After each call that changed the
// review log it prints what changed ("A <log id>" or "U <log id>"), so the parent knows which
// changes were acknowledged before the SIGKILL.
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../electron/api/dispatch.ts';
import { Backend } from '../../electron/backend.ts';
import { seededRandom } from '../../gosim/runtime/random.ts';

const [dataDir, decksDir, startArg, seedArg] = process.argv.slice(2);
let t = Number(startArg);
const random = seededRandom(Number(seedArg));

const backend = new Backend({ dataDir: dataDir!, decksDir: decksDir!, host: 'web', version: 'crash', now: () => new Date(t) });
// A second connection, only to learn the id an answer got (the API does not return it).
const reader = new Database(path.join(dataDir!, 'progress.db'), { readonly: true });
const lastLog = reader.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM review_log');
const lastLogId = (): number | null => lastLog.get()?.id ?? null;
const say = (line: string): void => {
  process.stdout.write(line + '\n');
};

async function call(method: string, args: unknown): Promise<unknown> {
  const out = await dispatch(backend, method, args, (m) => process.stderr.write(m + '\n'));
  if (out.status !== 200) throw new Error(`${method}: ${JSON.stringify(out.body)}`);
  return (out.body as { result: unknown }).result;
}

async function learn(): Promise<never> {
  say('ready');
  for (;;) {
    // Mostly minutes apart (learning steps, undo within the day), sometimes days (reviews).
    t += random() < 0.9 ? Math.floor(random() * 15 * 60_000) : Math.floor(random() * 5 * 86_400_000);
    if (random() < 0.75) {
      const next = (await call('nextCard', {})) as { card: { id: number } } | null;
      if (!next) continue;
      const rating = 1 + Math.floor(random() * 4);
      await call('answer', { cardId: next.card.id, rating, durationMs: Math.floor(random() * 20_000) });
      const last = lastLogId();
      say(`A ${last}`);
    } else {
      const before = lastLogId();
      const undone = await call('undo', {});
      if (undone) say(`U ${before}`);
    }
  }
}

learn().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
