// The Go standard library's own frames that real tracebacks show above the program's frames
// when a goroutine is blocked in (or crashed inside) the sync package. gosim's natives have no
// Go frames, so these are reproduced from Go 1.26 as `go build` binaries print them.
import type { FrameSnapshot } from './panic.ts';

const GOROOT = '/usr/local/go/src';

function f(func: string, file: string, line: number): FrameSnapshot {
  return { func, file: `${GOROOT}/${file}`, line };
}

/** Frames above the program's frames for a goroutine parked with this wait reason. */
export const waitFrames: Readonly<Record<string, FrameSnapshot[]>> = {
  'sync.WaitGroup.Wait': [f('sync.runtime_SemacquireWaitGroup', 'runtime/sema.go', 114), f('sync.(*WaitGroup).Wait', 'sync/waitgroup.go', 206)],
  'sync.Mutex.Lock': [
    f('internal/sync.runtime_SemacquireMutex', 'runtime/sema.go', 95),
    f('internal/sync.(*Mutex).lockSlow', 'internal/sync/mutex.go', 149),
    f('internal/sync.(*Mutex).Lock', 'internal/sync/mutex.go', 70),
    f('sync.(*Mutex).Lock', 'sync/mutex.go', 46),
  ],
  'sync.RWMutex.Lock': [f('sync.runtime_SemacquireRWMutex', 'runtime/sema.go', 105), f('sync.(*RWMutex).Lock', 'sync/rwmutex.go', 155)],
  'sync.RWMutex.RLock': [f('sync.runtime_SemacquireRWMutexR', 'runtime/sema.go', 100), f('sync.(*RWMutex).RLock', 'sync/rwmutex.go', 74)],
  'sync.Cond.Wait': [f('sync.runtime_notifyListWait', 'runtime/sema.go', 617), f('sync.(*Cond).Wait', 'sync/cond.go', 71)],
};

/** Frames above the program's frames for a fatal error raised inside the library, by message. */
export const fatalFrames: Readonly<Record<string, FrameSnapshot[]>> = {
  'sync: unlock of unlocked mutex': [
    f('internal/sync.fatal', 'runtime/panic.go', 1191),
    f('internal/sync.(*Mutex).unlockSlow', 'internal/sync/mutex.go', 204),
    f('internal/sync.(*Mutex).Unlock', 'internal/sync/mutex.go', 198),
    f('sync.(*Mutex).Unlock', 'sync/mutex.go', 65),
  ],
  'sync: RUnlock of unlocked RWMutex': [
    f('sync.fatal', 'runtime/panic.go', 1161),
    f('sync.(*RWMutex).rUnlockSlow', 'sync/rwmutex.go', 132),
    f('sync.(*RWMutex).RUnlock', 'sync/rwmutex.go', 122),
  ],
  'sync: Unlock of unlocked RWMutex': [
    f('sync.fatal', 'runtime/panic.go', 1161),
    f('sync.(*RWMutex).Unlock', 'sync/rwmutex.go', 217),
  ],
};

export const negativeWaitGroupFrames = (viaDone: boolean): FrameSnapshot[] => viaDone
  ? [f('sync.(*WaitGroup).Add', 'sync/waitgroup.go', 118), f('sync.(*WaitGroup).Done', 'sync/waitgroup.go', 156)]
  : [f('sync.(*WaitGroup).Add', 'sync/waitgroup.go', 118)];

/** The runtime's `panic` frame between a deferred call and the frame that panicked. */
export const panicFrame: FrameSnapshot = f('panic', 'runtime/panic.go', 860);
