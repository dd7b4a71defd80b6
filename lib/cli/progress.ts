// Many runs for the CLI, in chunks, with a progress line for a person watching a terminal.
// The statistics are exactly those of one uninterrupted batch; progress never goes to stdout, and never more than once a second.
import { mergeChunks, MonteCarlo, type ChunkResult, type MonteCarloStats } from '../engine/montecarlo';
import { OUTCOMES } from '../engine/types';
import type { Plan, Strategy } from '../plan/schema';

/** A terminal to show progress on (stderr when it is a TTY), and a clock in ms. */
export interface ProgressSink {
  now(): number;
  write(text: string): void;
}

/** No line before the batch has run this long (a short batch shows nothing), then at most one per interval. */
export const PROGRESS_AFTER_MS = 2000;
export const PROGRESS_EVERY_MS = 1000;
/** Chunks are sized to take about this long, so the clock is read often enough and rarely enough. */
const CHUNK_MS = 200;
const MAX_CHUNK = 100_000;

/** `\r` and erase-line: the progress line rewrites itself in place and leaves nothing behind. */
const CLEAR_LINE = '\r\u001b[K';

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = m / 60;
  return h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`;
}

/** `sim: 120,000 of 1,000,000 runs (12%) · 25 s so far, about 3 min left`. */
export function progressLine(done: number, runs: number, elapsedMs: number): string {
  const pct = Math.floor((done / runs) * 100);
  const left = done === 0 ? '' : `, about ${duration((elapsedMs / done) * (runs - done))} left`;
  return `sim: ${done.toLocaleString('en-US')} of ${runs.toLocaleString('en-US')} runs (${pct}%) · ${duration(elapsedMs)} so far${left}`;
}

/** Adds chunk `b` into `acc` (counts are whole numbers, so the sums are exact; makespans go to their run's place). */
function addInto(acc: ChunkResult, b: ChunkResult): void {
  const add = (x: Float64Array, y: Float64Array) => {
    for (let i = 0; i < x.length; i++) x[i] += y[i];
  };
  add(acc.outcomes, b.outcomes);
  add(acc.successes, b.successes);
  add(acc.attempts, b.attempts);
  add(acc.failures, b.failures);
  add(acc.duplicated, b.duplicated);
  add(acc.maybeDuplicated, b.maybeDuplicated);
  add(acc.leftInPlace, b.leftInPlace);
  add(acc.effectRuns, b.effectRuns);
  acc.misled += b.misled;
  acc.makespans.set(b.makespans, b.offset);
}

/**
 * Runs 0..runs−1 of the plan and returns the many-runs statistics (docs/cli.md), the same as runMonteCarlo. With a sink, it runs in
 * chunks of about CHUNK_MS and, once PROGRESS_AFTER_MS have passed, writes a progress line at most every
 * PROGRESS_EVERY_MS, erased at the end.
 */
export function runManyWithProgress(
  plan: Plan,
  opts: { runs: number; seed: number; strategy: Strategy },
  sink?: ProgressSink,
): MonteCarloStats {
  const mc = new MonteCarlo(plan, { seed: opts.seed, strategy: opts.strategy });
  const { runs } = opts;
  if (sink === undefined) return mergeChunks(mc.cp.ids, [mc.runChunk(0, runs)], mc.cp.effect);
  const n = mc.cp.ids.length;
  const acc: ChunkResult = {
    offset: 0,
    count: runs,
    outcomes: new Float64Array(OUTCOMES.length),
    makespans: new Float64Array(runs),
    successes: new Float64Array(n),
    attempts: new Float64Array(n),
    failures: new Float64Array(n),
    misled: 0,
    duplicated: new Float64Array(n),
    maybeDuplicated: new Float64Array(n),
    leftInPlace: new Float64Array(n),
    effectRuns: new Float64Array(4),
  };
  const start = sink.now();
  let shownAt = -Infinity;
  let shown = false;
  let size = 1;
  for (let done = 0; done < runs;) {
    const count = Math.min(size, runs - done);
    const t0 = sink.now();
    const chunk = mc.runChunk(done, count);
    addInto(acc, chunk);
    done += count;
    const t = sink.now();
    const perRun = (t - t0) / count;
    size = perRun > 0 ? Math.max(1, Math.min(MAX_CHUNK, Math.round(CHUNK_MS / perRun))) : Math.min(MAX_CHUNK, size * 2);
    if (done < runs && t - start >= PROGRESS_AFTER_MS && t - shownAt >= PROGRESS_EVERY_MS) {
      sink.write(`${CLEAR_LINE}${progressLine(done, runs, t - start)}`);
      shownAt = t;
      shown = true;
    }
  }
  if (shown) sink.write(CLEAR_LINE);
  return mergeChunks(mc.cp.ids, [acc], mc.cp.effect);
}
