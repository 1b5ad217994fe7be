#!/usr/bin/env node
// Helps scripts/record-goldens.sh record what real Go does with the bundled decks' programs.
//
//   node scripts/deck-programs.mjs extract DIR
//       writes every predict card's program as DIR/<deck>/<card>.go and every exercise's
//       reference solution as DIR/<deck>/<card>.solution.go, and removes .go files there that
//       no card has any more (with their goldens), so the folder mirrors the decks exactly.
//   node scripts/deck-programs.mjs playback FILE
//       prints the data of a stream written by a binary built with `-tags faketime` (the Go
//       playground's mode), without its playback headers: each write is framed as
//       0 0 'P' 'B', 8 bytes of virtual time, 4 bytes of length (big endian), then the bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function extract(dir) {
  const decksDir = path.join(root, 'decks');
  const wanted = new Set();
  for (const file of fs.readdirSync(decksDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const deck = parse(fs.readFileSync(path.join(decksDir, file), 'utf8'));
    const out = path.join(dir, deck.id);
    fs.mkdirSync(out, { recursive: true });
    for (const card of deck.cards) {
      const programs = card.kind === 'predict' ? [[`${card.id}.go`, card.code]] : card.kind === 'exercise' ? [[`${card.id}.solution.go`, card.solution]] : [];
      for (const [name, source] of programs) {
        const target = path.join(out, name);
        wanted.add(target);
        fs.writeFileSync(target, source);
      }
    }
  }
  for (const deckDir of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const full = path.join(dir, deckDir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const f of fs.readdirSync(full)) {
      if (!f.endsWith('.go') || wanted.has(path.join(full, f))) continue;
      const base = path.join(full, f.slice(0, -3));
      for (const ext of ['.go', '.stdout', '.stderr', '.exit']) fs.rmSync(base + ext, { force: true });
    }
  }
  for (const f of [...wanted].sort()) console.log(f);
}

function playback(file) {
  const data = fs.readFileSync(file);
  const parts = [];
  let i = 0;
  while (i < data.length) {
    if (i + 16 > data.length || data[i] !== 0 || data[i + 1] !== 0 || data[i + 2] !== 0x50 || data[i + 3] !== 0x42) {
      throw new Error(`${file}: no playback header at byte ${i}; was the binary built with -tags faketime?`);
    }
    const n = data.readUInt32BE(i + 12);
    parts.push(data.subarray(i + 16, i + 16 + n));
    i += 16 + n;
  }
  process.stdout.write(Buffer.concat(parts));
}

const [command, arg] = process.argv.slice(2);
if (command === 'extract' && arg) extract(path.resolve(arg));
else if (command === 'playback' && arg) playback(arg);
else {
  console.error('usage: deck-programs.mjs extract DIR | playback FILE');
  process.exit(2);
}
