// Small questions about types that fmt asks everywhere.
import type { Type } from '../../types/types.ts';

export function under(t: Type): Type {
  return t.tag === 'Named' ? t.underlying : t;
}

export function isSigned(kind: string): boolean {
  return kind === 'int' || kind === 'int8' || kind === 'int16' || kind === 'int32' || kind === 'int64' || kind === 'untyped int' || kind === 'untyped rune';
}

export function isUnsigned(kind: string): boolean {
  return kind === 'uint' || kind === 'uint8' || kind === 'uint16' || kind === 'uint32' || kind === 'uint64' || kind === 'uintptr';
}
