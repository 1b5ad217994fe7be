// How many different orders a worker pool's results can reach the results channel in: a lower
// bound on the runs any exact explore of such a pool needs (docs/architecture.md, "What no exact
// search reaches quickly"). The model: jobs 1..J taken from one queue in order by W workers, each
// worker sending a job's result before it takes the next. `labelled`: each result also carries
// the worker's id, as in the corpus's idiom/worker_pool.go.
// Run: npx tsx test/bench/explore/states.ts
function orders(workers: number, jobs: number, labelled: boolean): number {
  const finals = new Set<string>();
  const seen = new Set<string>();
  const visit = (next: number, holding: number[], sent: string[]): void => {
    // Identical workers: which one holds which job does not matter, unless results carry ids.
    const key = `${next}|${labelled ? holding.join(',') : [...holding].sort().join(',')}|${sent.join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (next > jobs && holding.every((h) => h === 0)) { finals.add(sent.join(',')); return; }
    holding.forEach((job, w) => {
      const h = [...holding];
      if (job === 0 && next <= jobs) { h[w] = next; visit(next + 1, h, sent); }
      else if (job !== 0) { h[w] = 0; visit(next, h, [...sent, labelled ? `${job}@${w}` : String(job)]); }
    });
  };
  visit(1, new Array<number>(workers).fill(0), []);
  return finals.size;
}

console.log(`4 identical workers × 8 jobs: ${orders(4, 8, false)} orders of the results`);
console.log(`3 workers × 9 jobs, results carrying the worker's id: ${orders(3, 9, true)} sequences`);
