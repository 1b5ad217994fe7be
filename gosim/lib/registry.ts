// Every library package gosim implements, by import path. Packages split over several files
// (sync: sync.ts + once.ts + cond.ts + rwmutex.ts) are merged here.
import type { NativePackage, Native } from './native.ts';
import { pkg as fmt } from './fmt.ts';
import { pkg as errors } from './errors.ts';
import { pkg as os } from './os.ts';
import { pkg as sync } from './sync.ts';
import { pkg as time } from './time.ts';
import { pkg as atomic } from './atomic.ts';
import { pkg as context } from './context.ts';
import { pkg as runtime } from './runtime.ts';
import { pkg as strconv } from './strconv.ts';
import { natives as once } from './once.ts';
import { natives as cond } from './cond.ts';
import { natives as rwmutex } from './rwmutex.ts';

function merge(base: NativePackage, ...more: Record<string, Native>[]): NativePackage {
  return { path: base.path, natives: Object.assign({}, base.natives, ...more) };
}

const all: NativePackage[] = [
  fmt, errors, os, merge(sync, once, cond, rwmutex), time, atomic, context, runtime, strconv,
];

export const packages: ReadonlyMap<string, NativePackage> = new Map(all.map((p) => [p.path, p]));
