// zstd frames from Anki packages (collection.anki21b, its media list and files), unpacked only
// after the frame header says how big the result is, or how big a window it needs.
import { decompress } from 'fzstd';
import { megabytes } from './limits.ts';
import { BadFile } from './zip.ts';

const magic = [0x28, 0xb5, 0x2f, 0xfd];

export function isZstd(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && magic.every((b, i) => bytes[i] === b);
}

/** The size the first frame declares, or null when it does not say; the window size either way. */
function frameSizes(bytes: Uint8Array, place: string): { content: number | null; window: number } {
  if (bytes.length < 6) throw new BadFile(place, 'is a truncated zstd frame');
  const fhd = bytes[4]!;
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  const dictFlag = fhd & 3;
  let pos = 5;
  let window = 0;
  if (!single) {
    const wd = bytes[pos++]!;
    const exp = 10 + (wd >> 3);
    const base = 2 ** exp;
    window = base + (base / 8) * (wd & 7);
  }
  pos += [0, 1, 2, 4][dictFlag]!;
  const fcsBytes = [single ? 1 : 0, 2, 4, 8][fcsFlag]!;
  if (pos + fcsBytes > bytes.length) throw new BadFile(place, 'is a truncated zstd frame');
  let content: number | null = null;
  if (fcsBytes > 0) {
    let v = 0;
    for (let i = fcsBytes - 1; i >= 0; i--) v = v * 256 + bytes[pos + i]!;
    content = fcsBytes === 2 ? v + 256 : v;
  }
  return { content, window: single ? (content ?? 0) : window };
}

export function unzstd(bytes: Uint8Array, place: string, maxBytes: number): Uint8Array {
  if (!isZstd(bytes)) throw new BadFile(place, 'is not zstd-compressed as the package format says it should be');
  const { content, window } = frameSizes(bytes, place);
  const claim = Math.max(content ?? 0, window);
  if (claim > maxBytes) throw new BadFile(place, `would unpack to ${megabytes(claim)}, over the ${megabytes(maxBytes)} the import allows`);
  let out: Uint8Array;
  try {
    out = decompress(bytes);
  } catch (err) {
    throw new BadFile(place, `cannot be unpacked (${err instanceof Error ? err.message : String(err)}); the file may be damaged`);
  }
  if (out.length > maxBytes) throw new BadFile(place, `unpacks to ${megabytes(out.length)}, over the ${megabytes(maxBytes)} the import allows`);
  return out;
}
