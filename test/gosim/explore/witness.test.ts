// The witness format (gosim/explore/witness.ts): what parseWitness reads back from formatWitness,
// the run-length form for repeated choices, and the messages for strings that are no witness.
import { describe, expect, it } from 'vitest';
import { WITNESS_PREFIX, formatWitness, parseWitness } from '../../../gosim/explore/witness.ts';

describe('witness format', () => {
  it.each([
    [[], 'v1:'],
    [[0], 'v1:0'],
    [[1, 0, 2], 'v1:1.0.2'],
    [[3, 3], 'v1:3.3'],
    [[3, 3, 3], 'v1:3*3'],
    [[0, 1, 1, 1, 1, 0, 0, 12], 'v1:0.1*4.0.0.12'],
  ])('writes %j as %s and reads it back', (choices, text) => {
    expect(formatWitness(choices)).toBe(text);
    expect(parseWitness(text)).toEqual(choices);
  });

  it('reads surrounding blanks as nothing', () => {
    expect(parseWitness('  v1:2*2.1\n')).toEqual([2, 2, 1]);
  });

  it('refuses what is no witness, saying why', () => {
    expect(parseWitness('1.2')).toBe(`a witness starts with "${WITNESS_PREFIX}" (got "1.2")`);
    expect(parseWitness('v1:1.x')).toBe('"x" in the witness is neither a number nor number*count');
    expect(parseWitness('v1:0*10000001')).toBe('the witness is too long');
  });
});
