// Reading a zip (an Anki package, an exported progress file) without trusting it: the central
// directory's claims are checked against the caps before any entry is inflated, and inflating
// writes into a buffer of the claimed size, so an entry that lies about its size cannot grow.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { megabytes, type ImportLimits } from './limits.ts';

export class BadFile extends Error {
  constructor(
    /** Where in the file: an entry name, a line, a note id. */
    readonly place: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadFile';
  }
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface ZipEntryInfo {
  name: string;
  size: number;
  originalSize: number;
}

/** Every entry's name and sizes, checked against the caps; nothing is inflated. */
export function listZip(bytes: Uint8Array, file: string, limits: ImportLimits): ZipEntryInfo[] {
  if (!looksLikeZip(bytes)) throw new BadFile(file, 'is not a zip file (it does not start with the zip signature "PK"); an Anki package (.apkg) is a zip');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f: UnzipFileInfo) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        if (entries.length > limits.maxEntries) throw new BadFile(file, `holds more than ${limits.maxEntries} entries`);
        total += f.originalSize;
        checkEntry(f, file, total, limits);
        return false;
      },
    });
  } catch (err) {
    throw asBadFile(err, file);
  }
  return entries;
}

function checkEntry(f: { name: string; size: number; originalSize: number }, file: string, total: number, limits: ImportLimits): void {
  const place = `${file}: ${f.name}`;
  if (f.originalSize > limits.maxUnpackedBytes || total > limits.maxUnpackedBytes) {
    throw new BadFile(place, `unpacks to more than ${megabytes(limits.maxUnpackedBytes)} in all; the import refuses it as a possible zip bomb`);
  }
  if (f.originalSize > 1024 * 1024 && f.originalSize > f.size * limits.maxRatio) {
    throw new BadFile(place, `claims to expand ${Math.round(f.originalSize / Math.max(1, f.size))} times (${megabytes(f.originalSize)} from ${megabytes(f.size)}); more than ${limits.maxRatio} times is refused as a possible zip bomb`);
  }
}

function asBadFile(err: unknown, file: string): BadFile {
  if (err instanceof BadFile) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new BadFile(file, `is not a readable zip file (${msg}); it may be truncated or damaged — export it again`);
}

/** The named entries (those present), inflated within the caps. */
export function readZipEntries(bytes: Uint8Array, file: string, wanted: (name: string) => boolean, limits: ImportLimits): Map<string, Uint8Array> {
  listZip(bytes, file, limits);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (err) {
    throw asBadFile(err, file);
  }
  return new Map(Object.entries(files));
}
