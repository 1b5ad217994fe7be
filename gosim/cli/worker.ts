// Runs one program inside a worker thread, whose stack can be made much larger than the main
// thread's: compiled Go calls nest JS generators, so the stack bounds how deep Go code recurses.
import { parentPort, workerData } from 'node:worker_threads';
import { run, type RunOptions } from '../index.ts';

const { source, options } = workerData as { source: string; options: RunOptions };
parentPort!.postMessage(run(source, options));
