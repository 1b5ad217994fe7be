// How much an import may make the app read or unpack. A package is a zip whose entries a
// hostile author can make expand a thousandfold, so every size is checked before anything
// is unpacked, and unpacking itself is bounded by those checked sizes.

export interface ImportLimits {
  /** The file as given (upload or chosen file). */
  maxFileBytes: number;
  /** All entries of a zip (or zstd frames) together, once unpacked. */
  maxUnpackedBytes: number;
  /** How many times larger than its compressed form one entry may claim to be. */
  maxRatio: number;
  /** Entries in one zip. */
  maxEntries: number;
  /** One field of a note or a CSV cell. */
  maxFieldBytes: number;
  /** Notes (or CSV rows, or deck cards) in one import. */
  maxNotes: number;
}

export const defaultLimits: ImportLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxUnpackedBytes: 2 * 1024 * 1024 * 1024 - 1,
  maxRatio: 200,
  maxEntries: 100_000,
  maxFieldBytes: 1024 * 1024,
  maxNotes: 500_000,
};

export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
