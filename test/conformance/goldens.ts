// Loads the conformance programs and the real-Go goldens recorded by scripts/record-goldens.sh.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const programsDir = join(dirname(fileURLToPath(import.meta.url)), 'programs');

export interface Golden {
  /** `area/name.go`, for test names. */
  id: string;
  area: string;
  filename: string;
  source: string;
  /** Every acceptable stdout: the recorded one first, then hand-written `.stdout.altN`. */
  stdouts: string[];
  stderr: string;
  exit: number;
}

export function loadGoldens(): Golden[] {
  const out: Golden[] = [];
  for (const area of readdirSync(programsDir, { withFileTypes: true })) {
    if (area.isDirectory()) out.push(...loadGoldenDir(join(programsDir, area.name), area.name, programsDir));
  }
  return out;
}

/**
 * The programs of one folder with their goldens, in the corpus's layout (NAME.go beside
 * NAME.stdout, NAME.stderr and NAME.exit); ids are paths relative to `idsFrom`.
 */
export function loadGoldenDir(dir: string, area: string, idsFrom = dir): Golden[] {
  const out: Golden[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.go')) continue;
    const base = join(dir, f.slice(0, -3));
    if (!existsSync(`${base}.exit`)) throw new Error(`${join(dir, f)}: no goldens beside it; record them with scripts/record-goldens.sh`);
    const stdouts = [readFileSync(`${base}.stdout`, 'utf8')];
    for (let n = 1; existsSync(`${base}.stdout.alt${n}`); n++) stdouts.push(readFileSync(`${base}.stdout.alt${n}`, 'utf8'));
    out.push({
      id: relative(idsFrom, join(dir, f)),
      area,
      filename: basename(f),
      source: readFileSync(join(dir, f), 'utf8'),
      stdouts,
      stderr: readFileSync(`${base}.stderr`, 'utf8'),
      exit: Number(readFileSync(`${base}.exit`, 'utf8').trim()),
    });
  }
  return out;
}
