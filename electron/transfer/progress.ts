// Long imports report how far they are and can be stopped. The work runs on the server's own
// thread, so it hands the thread back every few dozen milliseconds: a progress call, a Cancel
// or a review answer is served in between.
import { setImmediate as yieldNow } from 'node:timers/promises';

export class Cancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was written.');
    this.name = 'Cancelled';
  }
}

export interface ProgressState {
  phase: string;
  done: number;
  total: number;
}

export class Progress {
  state: ProgressState = { phase: 'starting', done: 0, total: 0 };
  cancelled = false;
  private lastYield = Date.now();

  constructor(private readonly sliceMs = 30) {}

  /** Records where the work is; every `sliceMs` gives the thread back, and stops if cancelled. */
  async at(phase: string, done: number, total: number): Promise<void> {
    this.state = { phase, done, total };
    if (this.cancelled) throw new Cancelled();
    if (Date.now() - this.lastYield >= this.sliceMs) {
      await yieldNow();
      this.lastYield = Date.now();
      if (this.cancelled) throw new Cancelled();
    }
  }
}
