// Real traces conform to gosim/trace.schema.json, and the schema (through the checker in
// schema.ts) refuses what a consumer could not read: an unknown event kind, a missing field.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { traced } from './helpers.ts';
import { validate } from './schema.ts';
import type { Trace } from '../../../gosim/trace.ts';

const schema = JSON.parse(readFileSync(new URL('../../../gosim/trace.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

// One program touching every kind of event: goroutines, channels (hand-off, buffered, closed),
// select, timers (set, fire, stop), Mutex and RWMutex, WaitGroup, Once, Cond, context, output.
const everything = `package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var rw sync.RWMutex
	var once sync.Once
	cond := sync.NewCond(&mu)
	ready := false
	ch := make(chan int)
	buf := make(chan string, 2)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { fmt.Println("once") })
			rw.RLock()
			rw.RUnlock()
			ch <- i
		}()
	}
	for i := 0; i < 3; i++ {
		<-ch
	}
	wg.Wait()
	go func() {
		mu.Lock()
		ready = true
		cond.Broadcast()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()
	rw.Lock()
	rw.Unlock()
	buf <- "x"
	close(buf)
	for s := range buf {
		fmt.Fprintln(os.Stderr, s)
	}
	t := time.NewTimer(time.Hour)
	t.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	select {
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	case <-time.After(time.Second):
	}
	time.Sleep(time.Millisecond)
}
`;

describe('trace.schema.json', () => {
  const { trace, result } = traced(everything);

  it('accepts a trace with every kind of event', () => {
    expect(result.exitCode).toBe(0);
    expect(validate(schema, trace)).toEqual([]);
    const kinds = new Set(trace.events.map((e) => e.kind));
    for (const k of ['start', 'end', 'block', 'unblock', 'make', 'send', 'recv', 'close', 'select', 'timer-set', 'timer-fire', 'timer-stop', 'lock', 'unlock', 'wg', 'write']) {
      expect(kinds, k).toContain(k);
    }
    const objectKinds = new Set(trace.objects.map((o) => o.kind));
    for (const k of ['chan', 'mutex', 'rwmutex', 'waitgroup', 'timer', 'cond', 'once']) expect(objectKinds, k).toContain(k);
  });

  it('accepts a cut trace, and survives JSON', () => {
    const cut = traced(everything, { maxEvents: 20 }).trace;
    expect(cut.truncated).toBe(true);
    expect(validate(schema, JSON.parse(JSON.stringify(cut)))).toEqual([]);
  });

  const copy = (): Trace => JSON.parse(JSON.stringify(trace)) as Trace;

  it('refuses an unknown event kind', () => {
    const t = copy();
    (t.events[3] as { kind: string }).kind = 'teleport';
    expect(validate(schema, t).join('\n')).toMatch(/\$\.events\[3\]: matches 0 of the oneOf/);
  });

  it('refuses an event with a missing field', () => {
    const t = copy();
    const send = t.events.find((e) => e.kind === 'send')! as Partial<Extract<Trace['events'][number], { kind: 'send' }>>;
    delete send.msg;
    expect(validate(schema, t)).not.toEqual([]);
    const t2 = copy();
    delete (t2.events[0] as Partial<Trace['events'][number]>).t;
    expect(validate(schema, t2)).not.toEqual([]);
  });

  it('refuses a field it does not know, and a wrong version', () => {
    const t = copy();
    (t.events[0] as unknown as Record<string, unknown>).extra = 1;
    expect(validate(schema, t)).not.toEqual([]);
    const t2 = copy() as unknown as Record<string, unknown>;
    t2.version = 2;
    expect(validate(schema, t2)).toEqual(['$.version: expected 1, got 2']);
  });
});
