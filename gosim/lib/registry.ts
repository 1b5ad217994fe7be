// Every library package gosim implements, by import path. Packages split over several files
// (sync: sync.ts + once.ts + cond.ts + rwmutex.ts) are merged here.
import type { NativePackage, Native } from '../runtime/native.ts';
import { pkg as fmt } from './fmt.ts';
import { pkg as io } from './io.ts';
import { pkg as errors } from './errors.ts';
import { pkg as os } from './os.ts';
import { pkg as sync } from './sync.ts';
import { pkg as time } from './time.ts';
import { pkg as atomic } from './atomic.ts';
import { pkg as context } from './context.ts';
import { pkg as runtime } from './runtime.ts';
import { pkg as strconv } from './strconv.ts';
import { pkg as bytes } from './bytes.ts';
import { pkg as cmp } from './cmp.ts';
import { pkg as maps } from './maps.ts';
import { pkg as math } from './math.ts';
import { pkg as rand } from './rand.ts';
import { pkg as slices } from './slices.ts';
import { pkg as sort } from './sort.ts';
import { pkg as strings } from './strings.ts';
import { pkg as unicode } from './unicode.ts';
import { pkg as utf8 } from './utf8.ts';
import { natives as once } from './once.ts';
import { natives as cond } from './cond.ts';
import { natives as rwmutex } from './rwmutex.ts';

function merge(base: NativePackage, ...more: Record<string, Native>[]): NativePackage {
  return { path: base.path, natives: Object.assign({}, base.natives, ...more) };
}

const all: NativePackage[] = [
  fmt, io, errors, os, merge(sync, once, cond, rwmutex), time, atomic, context, runtime, strconv,
  bytes, cmp, maps, math, rand, slices, sort, strings, unicode, utf8,
];

export const packages: ReadonlyMap<string, NativePackage> = new Map(all.map((p) => [p.path, p]));
