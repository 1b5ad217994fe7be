// The values of golden/fmtcases/main.go, built the way the compiled program would hold them.
import type { Iface } from '../../../gosim/runtime/values.ts';
import { goString } from '../../../gosim/runtime/values.ts';
import { Chan, GoArray, GoMap, Interface, Pointer, Slice, Struct, Field } from '../../../gosim/types/types.ts';
import type { Type } from '../../../gosim/types/types.ts';
import { newStructPointer } from '../../../gosim/lib/fmt/values.ts';
import { TestCtx, T, named, struct, sig, slice } from './harness.ts';

const iv = (t: Type, v: unknown): Iface => ({ t, v });
const map = (entries: [unknown, unknown][]) => new Map(entries.map(([k, v], i) => [typeof k === 'object' ? i : k, [k, v] as [unknown, unknown]]));

export function fmtFixtures() {
  const ctx = new TestCtx();
  const errorIface = new Interface([], []);
  const error = named('', 'error', errorIface);
  const errorString = named('errors', 'errorString', struct([['s', T.string]]));
  ctx.defineType('errors.errorString', errorString);
  ctx.defineType('error', error);
  ctx.addMethod(errorString, 'Error', true, function* (_c, p) { return ((p as { load(): unknown[] }).load())[0]; });
  const wrapError = named('fmt', 'wrapError', struct([['msg', T.string], ['err', error]]));
  const wrapErrors = named('fmt', 'wrapErrors', struct([['msg', T.string], ['errs', new Slice(error)]]));
  ctx.defineType('fmt.wrapError', wrapError);
  ctx.defineType('fmt.wrapErrors', wrapErrors);
  ctx.addMethod(wrapError, 'Error', true, function* (_c, p) { return ((p as { load(): unknown[] }).load())[0]; });
  ctx.addMethod(wrapErrors, 'Error', true, function* (_c, p) { return ((p as { load(): unknown[] }).load())[0]; });

  const P = named('main', 'P', struct([['X', T.int], ['Y', T.int]]));
  const Inner = named('main', 'Inner', struct([['a', T.int], ['B', T.string]]));
  const Color = named('main', 'Color', T.int);
  const colorNames = ['Red', 'Green', 'Blue'];
  ctx.addMethod(Color, 'String', false, function* (_c, v) { return colorNames[v as number]; });
  const PS = named('main', 'PS', struct([['N', T.int]]));
  ctx.addMethod(PS, 'String', true, function* (c, p) {
    if (p === null) c.runtimeError('invalid memory address or nil pointer dereference');
    return 'PS(' + ((p as { load(): unknown[] }).load())[0] + ')';
  });
  const MyErr = named('main', 'MyErr', struct([['Code', T.int]]));
  ctx.addMethod(MyErr, 'Error', false, function* (_c, v) { return 'code ' + (v as unknown[])[0]; });
  const Boom = named('main', 'Boom', new Struct([]));
  ctx.addMethod(Boom, 'String', false, function* (c) { return c.panic({ t: T.string, v: 'boom' }); });
  const Wrapper = named('main', 'Wrapper', struct([['C', Color], ['c', Color], ['E', error]]));
  const Celsius = named('main', 'Celsius', T.float64);
  const Name = named('main', 'Name', T.string);
  const Outer = named('main', 'Outer', new Struct([new Field('P', P, true), new Field('Tags', new Slice(T.string), false), new Field('M', new GoMap(T.string, T.int), false)]));
  const anon = struct([['A', T.int], ['b', T.int]]);
  const errNew = (s: string): Iface => ({ t: new Pointer(errorString), v: newStructPointer([s]) });
  const anyT = T.any;

  const values: Record<string, Iface | null> = {
    int0: iv(T.int, 0), int42: iv(T.int, 42), intNeg: iv(T.int, -7), int8Min: iv(T.int8, -128), uint8: iv(T.uint8, 200),
    uint64Max: iv(T.uint64, 18446744073709551615n), int64Min: iv(T.int64, -9223372036854775808n), big: iv(T.int, 1234567),
    runeX: iv(T.rune, 120), runeSmile: iv(T.rune, 0x1f600), runeBad: iv(T.rune, -1), uintptr: iv(T.uintptr, 255),
    pi: iv(T.float64, 3.14159), negZero: iv(T.float64, -0), million: iv(T.float64, 1e6), tiny: iv(T.float64, 1e-7),
    lakh: iv(T.float64, 100000), nine: iv(T.float64, 123456789), tenth: iv(T.float64, 0.1),
    f32tenth: iv(T.float32, Math.fround(0.1)), f32big: iv(T.float32, 16777216), inf: iv(T.float64, Infinity),
    negInf: iv(T.float64, -Infinity), nan: iv(T.float64, NaN), twoHalf: iv(T.float64, 2.5), e21: iv(T.float64, 1e21),
    denorm: iv(T.float64, 5e-324), third: iv(T.float64, 1 / 3), negF: iv(T.float64, -1234.5678),
    c128: iv(T.complex128, { re: 1, im: 2 }), c64: iv(T.complex64, { re: -1.5, im: -0.5 }),
    empty: iv(T.string, ''), hi: iv(T.string, 'hi'), accent: iv(T.string, goString('héllo')), tab: iv(T.string, 'tab\there'),
    badUTF8: iv(T.string, '\xff'), backq: iv(T.string, '`q`'), japanese: iv(T.string, goString('日本語')),
    quote: iv(T.string, 'say "hi"\\'), ctrl: iv(T.string, '\x00\x7f\xc2\xad'),
    true: iv(T.bool, true), false: iv(T.bool, false),
    bytes: iv(new Slice(T.byte), slice([104, 105])), ints: iv(new Slice(T.int), slice([1, 2, 3])),
    strs: iv(new Slice(T.string), slice(['a', 'b c'])), nilInts: iv(new Slice(T.int), null),
    bools: iv(new GoArray(T.bool, 2), [true, false]),
    anys: iv(new Slice(anyT), slice([iv(T.int, 1), iv(T.string, 'a'), null, iv(T.float64, 2.5)])),
    emptyInts: iv(new Slice(T.int), slice([])),
    mapSI: iv(new GoMap(T.string, T.int), map([['b', 2], ['a', 1], ['c', 3]])),
    mapIS: iv(new GoMap(T.int, T.string), map([[3, 'c'], [-1, 'z'], [2, 'b']])),
    mapF: iv(new GoMap(T.float64, T.int), map([[NaN, 1], [-1, 2], [1.5, 3]])),
    mapB: iv(new GoMap(T.bool, T.int), map([[true, 1], [false, 0]])),
    nilMap: iv(new GoMap(T.string, T.int), null),
    mapP: iv(new GoMap(P, T.string), map([[[2, 1], 'b'], [[1, 9], 'a']])),
    mapAny: iv(new GoMap(anyT, T.int), map([[iv(T.string, 'x'), 1], [iv(T.string, 'a'), 2], [null, 0]])),
    p: iv(P, [1, 2]), pp: iv(new Pointer(P), newStructPointer([1, 2])), nilP: iv(new Pointer(P), null),
    inner: iv(Inner, [3, 'x']),
    outer: iv(Outer, [[1, 2], slice(['t']), map([['k', 1]])]), anonStruct: iv(anon, [1, 2]),
    color: iv(Color, 1), colors: iv(new Slice(Color), slice([0, 2])), ps: iv(new Pointer(PS), newStructPointer([7])),
    psVal: iv(PS, [8]), nilPS: iv(new Pointer(PS), null), nilColor: iv(new Pointer(Color), null),
    myErr: iv(MyErr, [404]), boom: iv(Boom, []), wrapper: iv(Wrapper, [1, 2, iv(MyErr, [5])]),
    wrapperNil: iv(Wrapper, [0, 0, null]), celsius: iv(Celsius, 36.6), name: iv(Name, 'bob'),
    errNew: errNew('plain'), nil: null,
  };

  const I = (n: number | bigint) => iv(T.int, n);
  const F = (n: number) => iv(T.float64, n);
  const S = (s: string) => iv(T.string, goString(s));
  const R = (c: string) => iv(T.rune, c.codePointAt(0)!);
  const calls: (Iface | null)[][] = [
    [I(1), I(2)], [I(1), I(2)], [I(1), I(2)], [], [I(1), I(2)], [I(1)], [], [], [I(5), I(1)],
    [I(5), I(1)], [I(-5), I(1)], [I(2), F(3.14159)], [S('x'), I(1)],
    [I(-1), I(5)], [I(3), I(4)], [I(7), I(4)], [I(1), I(2)],
    [null, S('x')], [errNew('e')], [I(1)], [I(1)],
    [I(0)], [I(0)], [R('a'), R('b')], [F(-1.5)],
    [I(-5)], [iv(new Slice(T.string), slice(['ab', 'c']))], [iv(new Slice(T.string), slice(['a\n', 'b']))],
    [iv(T.bool, true), iv(T.bool, false)], [S('héllo')], [S('日本語')], [I(50)],
    [iv(new Slice(anyT), slice([iv(new Slice(T.byte), slice([120])), iv(Color, 2)]))], [iv(new Slice(new Pointer(PS)), slice([null]))],
    [iv(new GoMap(Color, T.int), map([[2, 1], [0, 2]]))],
    [iv(Color, 1)], [I(42)], [iv(T.int8, -1), iv(T.uint16, 65535)], [I(-255)],
    [I(5), I(8), I(255)], [F(Math.PI)], [I(42)], [I(42)],
    [I(3)], [I(3)], [iv(new Slice(error), slice([iv(MyErr, [1]), null]))], [F(0)],
    [F(0.5), F(1.5), F(2.5), F(0.25), F(1.005)], [F(0.1)], [F(9.9999)],
    [F(1e-5), F(1e-4), F(1e20), F(1e21)], [F(0.15), F(1234)], [iv(T.float32, Math.fround(Math.fround(1) / 3))],
    [S('abcdef')], [iv(new Slice(anyT), slice([null, I(1), S('s')]))], [iv(new GoMap(T.string, anyT), map([['a', null]]))],
    [iv(new Struct([]), [])], [iv(new Struct([]), [])], [iv(new Slice(T.byte), null)], [iv(T.uint, 7)],
    [R('x'), iv(T.int64, 3)], [null, iv(new Slice(anyT), slice([])), iv(new GoMap(T.string, new Slice(T.int)), map([]))],
    [iv(new Chan('both', T.int), {})],
    [iv(sig([T.int, new Slice(T.string)], [T.bool, error], true), () => undefined)],
    [iv(struct([['A', T.int], ['b', T.string]]), [0, ''])], [iv(new GoArray(new Pointer(T.int), 3), [null, null, null])],
  ];
  const printCases: (Iface | null)[][] = [
    [S('a'), S('b')], [I(1), I(2)], [S('a'), I(1), I(2), S('b')], [I(1), S('a'), I(2)], [null, null],
    [iv(Name, 'x'), I(1)], [F(1.5), iv(T.bool, true)], [], [iv(new Slice(T.int), slice([1])), I(2)],
  ];
  return { ctx, values, calls, printCases, types: { P, PS, MyErr, Color, error, errorString, wrapError } };
}
