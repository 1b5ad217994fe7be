import { describe, expect, it } from 'vitest';
import { diffLines, gradePrediction, type PredictedOutcome } from '../../renderer/review/predict.ts';

const out = (stdout: string, crash: string | null = null): PredictedOutcome => ({ stdout, crash });

describe('grading a typed prediction against one outcome', () => {
  it('accepts the exact output, with or without the final newline or Windows line ends', () => {
    expect(gradePrediction('1\n2\n3', [out('1\n2\n3\n')], 'output')).toMatchObject({ correct: true, matched: 0 });
    expect(gradePrediction('1\r\n2\r\n3\r\n', [out('1\n2\n3\n')], 'output').correct).toBe(true);
  });

  it('rejects output that differs only in spacing: where Print puts a space is often the point', () => {
    expect(gradePrediction('1\n2 \n3', [out('1\n2\n3\n')], 'output').correct).toBe(false);
    expect(gradePrediction('hello world', [out('hello  world\n')], 'output').correct).toBe(false);
  });

  it('rejects missing or extra lines, blank ones included', () => {
    expect(gradePrediction('a\nb', [out('a\nb\nc\n')], 'output').correct).toBe(false);
    expect(gradePrediction('a\nb\nc\nd', [out('a\nb\nc\n')], 'output').correct).toBe(false);
    expect(gradePrediction('a\n\n', [out('a\n')], 'output').correct).toBe(false);
  });

  it('takes an empty prediction as "prints nothing", and tells it from one empty line', () => {
    expect(gradePrediction('', [out('')], 'output').correct).toBe(true);
    expect(gradePrediction('', [out('x\n')], 'output').correct).toBe(false);
    expect(gradePrediction('', [out('\n')], 'output').correct).toBe(false);
    expect(gradePrediction('\n', [out('\n')], 'output').correct).toBe(true);
    expect(gradePrediction('\n', [out('')], 'output').correct).toBe(false);
  });
});

describe('grading against several outcomes', () => {
  const both = [out('a\nb\n'), out('b\na\n')];

  it('is right when the prediction is any one of them, and says which', () => {
    expect(gradePrediction('b\na', both, 'output')).toMatchObject({ correct: true, matched: 1, closest: 1 });
    expect(gradePrediction('a\nb', both, 'output')).toMatchObject({ correct: true, matched: 0 });
  });

  it('compares a wrong prediction with the closest outcome, line by line', () => {
    const g = gradePrediction('b\nc', both, 'output');
    expect(g.correct).toBe(false);
    expect(g.matched).toBeNull();
    expect(g.closest).toBe(1);
    expect(g.diff).toEqual([
      { op: 'same', text: 'b' },
      { op: 'missing', text: 'a' },
      { op: 'extra', text: 'c' },
    ]);
  });
});

describe('"what happens" drills', () => {
  const crashing = [out('before\n', 'fatal error: all goroutines are asleep - deadlock!')];

  it('compare the first line typed with the crash report’s first line', () => {
    expect(gradePrediction('fatal error: all goroutines are asleep - deadlock!', crashing, 'crash').correct).toBe(true);
    expect(gradePrediction('\n  fatal error: all goroutines are asleep - deadlock!  \n\ngoroutine 1 [chan send]:', crashing, 'crash').correct).toBe(true);
  });

  it('do not accept the program’s output or a different crash', () => {
    expect(gradePrediction('before', crashing, 'crash').correct).toBe(false);
    expect(gradePrediction('panic: send on closed channel', crashing, 'crash').correct).toBe(false);
  });
});

describe('line diff', () => {
  it('keeps common lines and marks the rest, in order', () => {
    expect(diffLines(['x', 'y', 'z'], ['x', 'z', 'w'])).toEqual([
      { op: 'same', text: 'x' },
      { op: 'missing', text: 'y' },
      { op: 'same', text: 'z' },
      { op: 'extra', text: 'w' },
    ]);
  });

  it('still answers, line against line, for outputs too long to align', () => {
    const long = Array.from({ length: 3000 }, (_, i) => String(i));
    const typed = [...long];
    typed[5] = 'oops';
    const d = diffLines(long, typed);
    expect(d.filter((l) => l.op !== 'same')).toEqual([
      { op: 'missing', text: '5' },
      { op: 'extra', text: 'oops' },
    ]);
  });
});
