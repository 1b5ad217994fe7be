// The deck file format (docs/deck-format.md): one YAML file per deck, cards keyed by stable ids.
// Parsing keeps line positions so every problem can point at the line to fix.
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { CardKind, Construct, DeckProblem, ExerciseCheck, StatedOutcome } from '../../api/contract.ts';

const slug = z.string().regex(/^[a-z0-9-]+$/, 'use only a-z, 0-9 and "-"');
const text = z.string();
const tags = z.array(z.string()).optional();

const common = { id: slug, kind: z.string(), tags };

/** The first line of a Go crash report, which is what a "what happens" drill asks for. */
const crashLine = z.string().regex(/^(panic: |fatal error: )[^\n]*$/, 'must be the first line of a Go crash report, starting with "panic: " or "fatal error: "');

export const constructNames = [
  'go', 'channel', 'buffered-channel', 'select', 'close', 'mutex', 'waitgroup', 'once', 'atomic', 'context', 'sleep',
] as const satisfies readonly Construct[];
const constructChoice = `must be one of ${constructNames.join(', ')}, or a list of them`;
const construct = z.enum(constructNames, { error: constructChoice });
const constructs = z.union([construct, z.array(construct).min(1)], { error: constructChoice });
const checkKeys = ['output', 'exit', 'noDeadlock', 'noLeaks', 'uses', 'avoids', 'maxSteps'];

export const cardSchemas = {
  term: z.object({ ...common, term: text.min(1), definition: text.min(1) }).strict(),
  question: z.object({ ...common, question: text.min(1), answer: text.min(1) }).strict(),
  predict: z
    .object({
      ...common,
      prompt: text.optional(),
      code: text.min(1),
      output: text.optional(),
      crash: crashLine.optional(),
      outcomes: z.array(z.object({ output: text, crash: crashLine.optional() }).strict()).min(1).optional(),
      asks: z.enum(['output', 'crash']).optional(),
      hint: text.optional(),
      explanation: text.optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      if ((c.output === undefined) === (c.outcomes === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['output'], message: 'give either output (one outcome) or outcomes (several), not both and not neither' });
      }
      if (c.crash !== undefined && c.outcomes !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['crash'], message: 'with outcomes, give each outcome its own crash' });
      }
      if (c.outcomes) {
        const seen = new Set<string>();
        c.outcomes.forEach((o, i) => {
          const key = JSON.stringify([o.output, o.crash ?? null]);
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['outcomes', i], message: 'this outcome is listed twice; each way the program can end goes in once' });
          seen.add(key);
        });
      }
      const crashes = c.outcomes ? c.outcomes.every((o) => o.crash !== undefined) : c.crash !== undefined;
      if (c.asks === 'crash' && !crashes) {
        ctx.addIssue({ code: 'custom', path: ['asks'], message: 'a "crash" drill needs the crash line of every outcome' });
      }
    }),
  exercise: z
    .object({
      ...common,
      task: text.min(1),
      starter: text,
      solution: text.min(1),
      checks: z
        .array(
          z
            .object({
              output: z.union([text, z.array(text).min(1)]).optional(),
              exit: z.number().int().min(0).max(255).optional(),
              noDeadlock: z.literal(true).optional(),
              noLeaks: z.literal(true).optional(),
              uses: constructs.optional(),
              avoids: constructs.optional(),
              maxSteps: z.number().int().positive().optional(),
            })
            .strict()
            .refine((c) => Object.keys(c).length > 0, `a check needs one of ${checkKeys.join(', ')}`),
        )
        .min(1),
      hint: text.optional(),
    })
    .strict(),
} as const;

export type DeckCard =
  | z.infer<(typeof cardSchemas)['term']> & { kind: 'term' }
  | z.infer<(typeof cardSchemas)['question']> & { kind: 'question' }
  | z.infer<(typeof cardSchemas)['predict']> & { kind: 'predict' }
  | z.infer<(typeof cardSchemas)['exercise']> & { kind: 'exercise' };

const deckSchema = z
  .object({
    format: z.literal(1),
    id: slug,
    name: text.min(1),
    description: text.optional(),
    cards: z.array(z.unknown()),
  })
  .strict();

export interface DeckFile {
  id: string;
  /** The line of the deck's `id`, where a clash with another deck file is reported. */
  idLine: number;
  name: string;
  description: string;
  /** Cards in file order, each with the line it starts on. */
  cards: { card: DeckCard; line: number }[];
}

export type ParseOutcome = { ok: true; deck: DeckFile } | { ok: false; problems: DeckProblem[] };

const kinds = Object.keys(cardSchemas) as CardKind[];

function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/**
 * The most a deck file may hold. YAML parsing costs about a second and a few hundred MB per
 * megabyte here, so these keep one file's load bounded; the bundled deck is under 50 KB and
 * 100 cards.
 */
export const maxDeckBytes = 4 * 1024 * 1024;
export const maxDeckCards = 5000;
/** Aliases a file may expand (the yaml package's own default, stated so it cannot drift). */
const maxAliasCount = 100;

export function tooBig(bytes: number): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `the file is ${mb(bytes)}; a deck file may be at most ${mb(maxDeckBytes)} (split it into several decks)`;
}

/** Parses and validates one deck file; `label` is how the file is named in messages. */
export function parseDeck(source: string, label: string): ParseOutcome {
  if (source.length > maxDeckBytes) return { ok: false, problems: [problem(label, null, null, tooBig(source.length))] };
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 5).map((e) => {
        const line = e.linePos?.[0].line ?? lines.linePos(e.pos[0]).line;
        const first = e.message.split('\n')[0] ?? e.message;
        return problem(label, line, null, `YAML syntax: ${first}`);
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (err) {
    // An alias bomb (aliases of aliases, expanding to millions of nodes) stops here, for this file alone.
    const why = /alias/i.test(String(err))
      ? `YAML aliases (*name) expand to too much; at most ${maxAliasCount} alias uses are allowed in a deck file`
      : `YAML could not be read: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, problems: [problem(label, null, null, why)] };
  }
  const lineOf = (path: readonly PropertyKey[]): number | null => nodeLine(doc, lines, path);
  const problems: DeckProblem[] = [];

  const top = deckSchema.safeParse(data);
  if (!top.success) {
    for (const issue of top.error.issues) {
      problems.push(fromIssue(label, data, issue.path, issue, lineOf, null));
    }
    return { ok: false, problems };
  }

  if (top.data.cards.length > maxDeckCards) {
    const n = top.data.cards.length;
    return { ok: false, problems: [problem(label, lineOf(['cards']), 'cards', `${n} cards; a deck file may hold at most ${maxDeckCards} (split it into several decks)`)] };
  }
  const cards: DeckFile['cards'] = [];
  const firstLine = new Map<string, number>();
  top.data.cards.forEach((raw, i) => {
    const at = ['cards', i];
    const where = fieldName(at);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(problem(label, lineOf(at), where, 'each card must be a mapping with id and kind'));
      return;
    }
    const kind = (raw as Record<string, unknown>).kind;
    if (typeof kind !== 'string' || !kinds.includes(kind as CardKind)) {
      const got = kind === undefined ? 'it is missing' : `got ${JSON.stringify(kind)}`;
      problems.push(problem(label, lineOf([...at, 'kind']) ?? lineOf(at), `${where}.kind`, `must be one of ${kinds.join(', ')} (${got})`));
      return;
    }
    const parsed = cardSchemas[kind as CardKind].safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(fromIssue(label, data, [...at, ...issue.path], issue, lineOf, kind));
      }
      return;
    }
    const line = lineOf(at) ?? 0;
    const id = parsed.data.id;
    const seen = firstLine.get(id);
    if (seen !== undefined) {
      problems.push(
        problem(label, lineOf([...at, 'id']) ?? line, `${where}.id`, `duplicate card id "${id}" (first used on line ${seen}); card ids must be unique in a deck`),
      );
      return;
    }
    firstLine.set(id, lineOf([...at, 'id']) ?? line);
    cards.push({ card: parsed.data as DeckCard, line });
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    deck: { id: top.data.id, idLine: lineOf(['id']) ?? 1, name: top.data.name, description: top.data.description ?? '', cards },
  };
}

function problem(file: string, line: number | null, field: string | null, message: string): DeckProblem {
  return { file, line, field, message };
}

/** Renders a problem the way compilers do: `file:line: field: message`. */
export function formatProblem(p: DeckProblem): string {
  return `${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function fromIssue(
  label: string,
  data: unknown,
  path: readonly PropertyKey[],
  issue: z.core.$ZodIssue,
  lineOf: (p: readonly PropertyKey[]) => number | null,
  kind: string | null,
): DeckProblem {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const full = [...path, key];
    return problem(label, lineOf(full) ?? lineOf(path), fieldName(full), `unknown field${kind ? ` for kind "${kind}"` : ''} (check the spelling)`);
  }
  const field = fieldName(path);
  // A missing field has no line of its own, so point at the mapping that should hold it.
  let line: number | null = null;
  for (let n = path.length; n >= 0 && line === null; n--) line = lineOf(path.slice(0, n));
  // A rule across fields (output or outcomes, say) words its own message.
  if (issue.code === 'custom') return problem(label, line, field, issue.message);
  const missing = valueAt(data, path) === undefined;
  if (missing) {
    return problem(label, line, field, kind ? `required for kind "${kind}"` : 'required');
  }
  if (path.length === 0) {
    return problem(label, line ?? 1, null, 'a deck file is a mapping with format, id, name and cards (see docs/deck-format.md)');
  }
  const words: Record<string, string> = { string: 'text', array: 'a list', object: 'a mapping', boolean: 'true or false', number: 'a number' };
  let message = issue.message;
  if (issue.code === 'invalid_type') message = `must be ${words[issue.expected] ?? issue.expected}`;
  else if (issue.code === 'too_small' && issue.origin === 'string') message = 'must not be empty';
  else if (issue.code === 'too_small' && issue.origin === 'array') message = 'needs at least one entry';
  else if (issue.code === 'invalid_value' && path.length === 1 && path[0] === 'format') message = 'must be 1 (the only deck format so far)';
  return problem(label, line, field, message);
}

function nodeLine(doc: Document.Parsed, lines: LineCounter, path: readonly PropertyKey[]): number | null {
  let node: unknown = doc.contents;
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === p);
      if (!pair) return null;
      // For a key, the key's own line reads best (the value may start on the next line).
      if (p === path[path.length - 1]) {
        const k = pair.key as YamlNode | null;
        if (k?.range) return lines.linePos(k.range[0]).line;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof p === 'number') {
      node = node.items[p];
    } else {
      return null;
    }
  }
  const range = (node as YamlNode | null)?.range;
  return range ? lines.linePos(range[0]).line : null;
}

type ExerciseCard = DeckCard & { kind: 'exercise' };
type PredictCard = DeckCard & { kind: 'predict' };

/** Every outcome a predict card states, one shape whether it gave output or outcomes. */
export function statedOutcomes(c: PredictCard): StatedOutcome[] {
  if (c.outcomes) return c.outcomes.map((o) => ({ stdout: o.output, crash: o.crash ?? null }));
  return [{ stdout: c.output ?? '', crash: c.crash ?? null }];
}

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** An exercise's checks, one per condition, in the order the deck gives them. */
export function exerciseChecks(c: ExerciseCard): ExerciseCheck[] {
  const out: ExerciseCheck[] = [];
  for (const k of c.checks) {
    if (k.output !== undefined) out.push({ kind: 'output', expected: list(k.output) });
    if (k.exit !== undefined) out.push({ kind: 'exit', code: k.exit });
    if (k.noDeadlock) out.push({ kind: 'noDeadlock' });
    if (k.noLeaks) out.push({ kind: 'noLeaks' });
    for (const u of k.uses === undefined ? [] : list(k.uses)) out.push({ kind: 'uses', construct: u });
    for (const a of k.avoids === undefined ? [] : list(k.avoids)) out.push({ kind: 'avoids', construct: a });
    if (k.maxSteps !== undefined) out.push({ kind: 'maxSteps', steps: k.maxSteps });
  }
  return out;
}
