#!/usr/bin/env node
// Checks the bundled deck against the real Go toolchain: every predict card's program and
// every exercise solution is run with `go run`, and its stdout must equal the card's
// recorded answer. A deck that teaches a wrong answer is worse than no deck.
// Usage: node test/conformance/verify-deck-outputs.mjs [deck.yaml]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const deckPath = process.argv[2] ?? join(root, 'decks', 'go-concurrency.yaml');
const deck = parse(readFileSync(deckPath, 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'deck-verify-'));
// Inside a module, so Go 1.26's semantics and GODEBUG defaults apply (a file run outside any
// module gets Go 1.20's defaults, e.g. the old timer channels).
writeFileSync(join(work, 'go.mod'), 'module deck\n\ngo 1.26\n');
let failures = 0;
let checked = 0;

function goRun(id, code) {
  const file = `${id}.go`;
  writeFileSync(join(work, file), code);
  try {
    const stdout = execFileSync('go', ['run', `./${file}`], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    return { stdout, status: 0 };
  } catch (err) {
    // A card may deliberately crash (the deadlock drill); its stdout still has to match.
    return { stdout: String(err.stdout ?? ''), status: err.status ?? -1, stderr: String(err.stderr ?? '') };
  }
}

for (const card of deck.cards) {
  let code;
  let want;
  if (card.kind === 'predict') {
    code = card.code;
    want = card.output;
  } else if (card.kind === 'exercise') {
    code = card.solution;
    want = card.checks.find((c) => typeof c.output === 'string')?.output;
    if (want === undefined) continue;
  } else continue;
  checked++;
  const got = goRun(card.id, code);
  if (got.stdout === want) {
    console.log(`ok    ${card.id}${got.status ? ` (exit ${got.status})` : ''}`);
  } else {
    failures++;
    console.log(`FAIL  ${card.id}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got.stdout)}${got.stderr ? `\n  stderr ${got.stderr}` : ''}`);
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`${checked - failures}/${checked} deck programs print their recorded output`);
process.exit(failures ? 1 : 0);
