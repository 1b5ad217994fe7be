import { describe, expect, it } from 'vitest';
import { checkPrediction } from '../../renderer/review/predict.ts';

describe('checking a typed prediction', () => {
  it('accepts the exact output, with or without the final newline or Windows line ends', () => {
    expect(checkPrediction('1\n2\n3', '1\n2\n3\n')).toEqual({ correct: true, firstDifferentLine: null });
    expect(checkPrediction('1\r\n2\r\n3\r\n', '1\n2\n3\n').correct).toBe(true);
  });

  it('rejects output that differs only in spacing, and says on which line', () => {
    expect(checkPrediction('1\n2 \n3', '1\n2\n3\n')).toEqual({ correct: false, firstDifferentLine: 2 });
    expect(checkPrediction('hello world', 'hello  world\n')).toEqual({ correct: false, firstDifferentLine: 1 });
  });

  it('rejects missing or extra lines', () => {
    expect(checkPrediction('a\nb', 'a\nb\nc\n')).toEqual({ correct: false, firstDifferentLine: 3 });
    expect(checkPrediction('a\nb\nc\nd', 'a\nb\nc\n')).toEqual({ correct: false, firstDifferentLine: 4 });
    expect(checkPrediction('a\n\n', 'a\n').correct).toBe(false);
  });
});
