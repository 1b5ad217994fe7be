// Reading a zip (an Anki package, an exported progress file) without trusting it: the central
// directory's claims are checked against the caps before any entry is inflated, and inflating
// writes into a buffer of the claimed size, so an entry that lies about its size cannot grow.
import zlib from 'node:zlib';
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
  /** Compressed size, as the central directory says. */
  size: number;
  originalSize: number;
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** Every entry's name and sizes from the central directory, checked against the caps; nothing is inflated. */
export function listZip(bytes: Uint8Array, file: string, limits: ImportLimits): ZipEntryInfo[] {
  if (!looksLikeZip(bytes)) throw new BadFile(file, 'is not a zip file (it does not start with the zip signature "PK"); an Anki package (.apkg) is a zip');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) => new BadFile(file, `is not a readable zip file (${why}); it may be truncated or damaged — export it again`);
  // The end-of-central-directory record is in the last 64 KiB (its comment is at most that long).
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('no central directory at its end');
  const count = buf.readUInt16LE(end + 10);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new BadFile(file, 'is a zip64 archive (over 4 GB or 65,535 entries), more than the import takes');
  if (count > limits.maxEntries) throw new BadFile(file, `holds ${count} entries; the import takes at most ${limits.maxEntries}`);
  const entries: ZipEntryInfo[] = [];
  let pos = dirOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (pos + 46 > buf.length || buf.readUInt32LE(pos) !== 0x02014b50) throw damaged(`entry ${n + 1} of its directory is missing`);
    const method = buf.readUInt16LE(pos + 10);
    const size = buf.readUInt32LE(pos + 20);
    const originalSize = buf.readUInt32LE(pos + 24);
    const nameLen = buf.readUInt16LE(pos + 28);
    const extraLen = buf.readUInt16LE(pos + 30);
    const commentLen = buf.readUInt16LE(pos + 32);
    const offset = buf.readUInt32LE(pos + 42);
    const name = buf.toString('utf8', pos + 46, pos + 46 + nameLen);
    pos += 46 + nameLen + extraLen + commentLen;
    total += originalSize;
    const entry = { name, size, originalSize, method, offset };
    checkEntry(entry, file, total, limits);
    entries.push(entry);
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

/**
 * The named entries (those present), inflated by Node's zlib. Inflating stops at the size the
 * directory claimed (already checked against the caps), so an entry that lies cannot grow.
 */
export function readZipEntries(bytes: Uint8Array, file: string, wanted: (name: string) => boolean, limits: ImportLimits): Map<string, Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  for (const e of listZip(bytes, file, limits)) {
    if (!wanted(e.name)) continue;
    const place = `${file}: ${e.name}`;
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw new BadFile(file, `is not a readable zip file (the data of ${e.name} is missing); it may be truncated or damaged — export it again`);
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    if (start + e.size > buf.length) throw new BadFile(file, `is not a readable zip file (${e.name} is cut short); it may be truncated or damaged — export it again`);
    const raw = buf.subarray(start, start + e.size);
    if (e.method === 0) out.set(e.name, raw);
    else if (e.method === 8) {
      let data: Buffer;
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.originalSize) });
      } catch (err) {
        throw new BadFile(place, `cannot be unpacked (${err instanceof Error ? err.message : String(err)}); the file may be damaged`);
      }
      if (data.length !== e.originalSize) throw new BadFile(place, `unpacks to ${data.length} bytes where the zip says ${e.originalSize}; the file is damaged`);
      out.set(e.name, data);
    } else throw new BadFile(place, `uses zip compression method ${e.method}; only stored and deflated entries can be read`);
  }
  return out;
}

/**
 * Writes a zip with Node's own deflate (several times faster than a JS one on the hundreds of
 * megabytes a big review log makes). Plain zip: no zip64, so each entry stays under 4 GiB.
 */
export function writeZip(entries: { name: string; data: Uint8Array }[], level = 1): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = zlib.deflateRawSync(e.data, { level });
    const crc = zlib.crc32(e.data);
    if (packed.length >= 0xffffffff || e.data.length >= 0xffffffff) throw new Error(`${e.name} is too big for a zip without zip64`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time and date: none
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    parts.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
