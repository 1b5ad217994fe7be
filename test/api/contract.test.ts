// api/ may import nothing but zod (test/layers.test.ts), so the contract states the exercise
// checks and constructs that gosim decides in its own words. These assertions make the type
// checker hold the two statements equal: adding a check or a construct to one side only fails
// `npm run typecheck`.
import { describe, expect, it } from 'vitest';
import type { Construct as ApiConstruct, ExerciseCheck as ApiCheck } from '../../api/contract.ts';
import { constructNames, type Construct as GosimConstruct, type ExerciseCheck as GosimCheck } from '../../gosim/index.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const checksAgree: Same<ApiCheck, GosimCheck> = true;
const constructsAgree: Same<ApiConstruct, GosimConstruct> = true;

describe('the contract and gosim', () => {
  it('state the same exercise checks and constructs', () => {
    expect(checksAgree && constructsAgree).toBe(true);
    const named: ApiConstruct[] = [...constructNames];
    expect(named.length).toBeGreaterThan(0);
  });
});
