// What the app lets one job of the simulator use. The deck linter uses the same numbers, so a
// drill it passes as exhaustively explorable is exhaustively explored in the app too.
import type { Budget } from './protocol.ts';

/**
 * Running a program once: five seconds, as the Go playground allows about as much before it
 * says "timeout running program", and Stop ends it sooner. The step limit is set far enough
 * out that the clock is what a runaway loop meets (50M steps, gosim's default, take a tight
 * loop well under a second), while still bounding a run on any machine.
 */
export const runBudget: Budget = { wallMs: 5000, steps: 2_000_000_000, runs: 1 };

/** Finding every outcome of a drill, or deciding an exercise's checks over every schedule. */
export const searchBudget: Budget = { wallMs: 15_000, steps: 2_000_000, runs: 5000 };
