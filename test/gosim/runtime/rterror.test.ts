// Runtime errors as panics (gosim/runtime/rterror.ts): the message is there at once, the Go value
// recover() returns is made of the types the program was handed, once, so that a value
// recovered twice (and panicked again) is the same value.
import { describe, expect, it } from 'vitest';
import { GoPanic } from '../../../gosim/runtime/panic.ts';
import { boundsPanic, nilDeref, plainPanic, recoveredValue, typeAssertPanic, type RuntimeErrorTypes } from '../../../gosim/runtime/rterror.ts';
import { Named, TypeName, type Type } from '../../../gosim/types/types.ts';

const named = (name: string): Type => new Named(new TypeName(name, null as unknown as Type, null, 'runtime'), 'runtime');
const types: RuntimeErrorTypes = { plain: named('plainError'), errorString: named('errorString'), bounds: named('boundsError'), typeAssert: named('TypeAssertionError') };
const none: RuntimeErrorTypes = { plain: null, errorString: null, bounds: null, typeAssert: null };

describe('runtime error panics', () => {
  it('carry their message, and a value only once recovered', () => {
    const p = boundsPanic('index out of range [5] with length 3');
    expect(p.message).toBe('runtime error: index out of range [5] with length 3');
    expect(p.value).toBeNull();
    const v = recoveredValue(p, types);
    expect(v).toEqual({ t: types.bounds, v: ['runtime error: index out of range [5] with length 3'] });
    expect(p.value).toBe(v);
    expect(recoveredValue(p, types)).toBe(v);
  });

  it('take each kind of error to its own type', () => {
    expect(recoveredValue(plainPanic('close of nil channel'), types)).toEqual({ t: types.plain, v: 'close of nil channel' });
    const nd = nilDeref();
    expect(nd.sigsegv).toBe(true);
    expect(recoveredValue(nd, types)).toEqual({ t: types.errorString, v: 'runtime error: invalid memory address or nil pointer dereference' });
    const ta = recoveredValue(typeAssertPanic('interface {} is string, not int'), types)!;
    expect(ta.t).toBe(types.typeAssert);
    expect((ta.v as { load(): unknown }).load()).toEqual(['interface conversion: interface {} is string, not int']);
  });

  it('have no value without the types, and leave a plain panic its own', () => {
    expect(recoveredValue(plainPanic('all goroutines are asleep'), none)).toBeNull();
    const own = { t: types.plain!, v: 'mine' };
    expect(recoveredValue(new GoPanic(own), types)).toBe(own);
  });
});
