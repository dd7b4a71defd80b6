// `npm run bench`: Monte Carlo speed in call-simulations per second, one thread, warm.
// Run it alone: builds or browsers on the other core skew the numbers.
import { performance } from 'node:perf_hooks';
import { parsePlan } from '../lib/plan/parse';
import { layeredPlan } from '../lib/engine/layered';
import { MonteCarlo, mergeChunks } from '../lib/engine/montecarlo';

function plan(calls: number, strategy: 'waves' | 'eager', cap: number | null, faultHeavy = false) {
  const r = parsePlan(layeredPlan({ calls, strategy, maxConcurrency: cap, faultHeavy }));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.plan;
}

/** Best of `reps` timed chunks after one untimed warm-up chunk. */
function time(mc: MonteCarlo, runs: number, reps: number): number {
  mc.runChunk(0, runs);
  let best = Infinity;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    mc.runChunk(k * runs, runs);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const rows: string[] = [];
const pad = (s: string, w: number) => s.padStart(w);
rows.push(`${'calls'.padEnd(7)}${pad('strategy', 9)}${pad('cap', 5)}${pad('runs', 8)}${pad('ms', 9)}${pad('Mcall-sims/s', 14)}`);
const budget = 2_000_000;
for (const calls of [50, 1000, 10000]) {
  for (const strategy of ['eager', 'waves'] as const) {
    for (const cap of [null, 4]) {
      const mc = new MonteCarlo(plan(calls, strategy, cap));
      const runs = Math.max(20, Math.round(budget / calls));
      const ms = time(mc, runs, 3);
      const rate = (runs * calls) / (ms / 1000) / 1e6;
      rows.push(
        `${String(calls).padEnd(7)}${pad(strategy, 9)}${pad(cap === null ? '-' : String(cap), 5)}${pad(String(runs), 8)}${pad(ms.toFixed(1), 9)}${pad(rate.toFixed(2), 14)}`,
      );
    }
  }
}
console.log('Monte Carlo, one thread, warm (best of 3 after a warm-up):');
console.log(rows.join('\n'));

const mc50 = new MonteCarlo(plan(50, 'waves', null));
const ms = time(mc50, 10_000, 5);
console.log(`\n10,000 runs x 50 calls (waves, no cap): ${ms.toFixed(1)} ms warm (target < 80 ms)`);
const mc1k = new MonteCarlo(plan(1000, 'waves', null));
const ms1k = time(mc1k, 2000, 3);
console.log(`1,000 calls (waves, no cap): ${((2000 * 1000) / (ms1k / 1000) / 1e6).toFixed(2)} M call-sims/s (target >= 8)`);

// The realistic plan: 1,000 calls, lognormal latencies, a 2–15% retryable error per call, timeouts that cut about
// one attempt in twenty, 3 attempts with full jitter, every call degrade, eager, side effects on a quarter of the calls.
// Timed as `sim --runs 10000` spends it after start-up: the runs and the statistics pass over them.
const heavy = new MonteCarlo(plan(1000, 'eager', null, true));
const heavyRuns = 10_000;
mergeChunks(heavy.cp.ids, [heavy.runChunk(0, 1000)], heavy.cp.effect);
let heavyBest = Infinity;
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  mergeChunks(heavy.cp.ids, [heavy.runChunk(0, heavyRuns)], heavy.cp.effect);
  heavyBest = Math.min(heavyBest, performance.now() - t0);
}
const heavyRate = (heavyRuns * 1000) / (heavyBest / 1000) / 1e6;
console.log(
  `fault-heavy 1,000 calls (eager, errors 2-15%, timeouts, effects), 10,000 runs + statistics: ${heavyBest.toFixed(0)} ms, ${heavyRate.toFixed(2)} M call-sims/s (target >= 12)`,
);
