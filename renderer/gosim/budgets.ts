// What the app lets one job of the simulator use. The deck linter uses the same numbers, so a
// drill it passes as exhaustively explorable is exhaustively explored in the app too.
import type { Budget } from './protocol.ts';

/** Running a program once: the Go playground's kind of limit, in gosim's virtual time. */
export const runBudget: Budget = { wallMs: 5000, steps: 50_000_000, runs: 1 };

/** Finding every outcome of a drill, or deciding an exercise's checks over every schedule. */
export const searchBudget: Budget = { wallMs: 15_000, steps: 2_000_000, runs: 5000 };
