// The worker pool, with fake workers that run the real worker code (worker-core.ts) on a later tick: shards give
// the numbers of one thread and of the CLI's runMonteCarlo, A and B run on the same seeds, cancel stops.
import { describe, expect, it } from 'vitest';
import { MonteCarlo, runMonteCarlo } from '../engine/montecarlo';
import { summarize, withoutFailures } from '../engine/reliability';
import { simulate } from '../engine/simulate';
import type { Plan } from '../plan';
import { example } from '../plan/test-examples';
import { CancelledError, McPool, type WorkerLike } from './pool';
import type { Job, WorkerMessage } from './protocol';
import { chunkSize, shard } from './shard';
import { createJobRunner } from './worker-core';

/** A worker that runs the job with the real worker code (its own plans kept), posting each message on a later macrotask. */
function fakeWorker(jobs: Job[] = []): WorkerLike {
  const runJob = createJobRunner();
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => {
      w.onmessage = null;
    },
    postMessage: (job: Job) => {
      jobs.push(job);
      // Structured clone, as postMessage does: the worker never shares the page's objects.
      const copy = structuredClone(job);
      setTimeout(() => runJob(copy, (m: WorkerMessage) => setTimeout(() => w.onmessage?.({ data: m } as MessageEvent<WorkerMessage>))));
    },
  };
  return w;
}

describe('shard', () => {
  it('covers every run once, in contiguous shares, none empty', () => {
    for (const [runs, workers] of [
      [10, 3],
      [1, 4],
      [100000, 2],
      [7, 7],
      [5, 1],
    ] as const) {
      const shares = shard(runs, workers);
      expect(shares.length).toBe(Math.min(runs, workers));
      let next = 0;
      for (const s of shares) {
        expect(s.offset).toBe(next);
        expect(s.count).toBeGreaterThan(0);
        next += s.count;
      }
      expect(next).toBe(runs);
    }
    expect(shard(0, 4)).toEqual([]);
  });

  it('reports progress at least every few thousand call-simulations, never in empty chunks', () => {
    expect(chunkSize(50, 5000)).toBeGreaterThanOrEqual(50);
    expect(chunkSize(50, 10)).toBe(10);
    expect(chunkSize(20000, 100)).toBe(50);
  });
});

describe('McPool', () => {
  it('gives the statistics of one thread, and of the CLI, whatever the number of workers', async () => {
    const plan = example('flaky-api');
    const cli = runMonteCarlo(plan, { runs: 3000 });
    const one = new MonteCarlo(plan);
    const thread = summarize(one.cp.ids, [one.runChunk(0, 3000)]);
    for (const size of [1, 2, 3, 5]) {
      const pool = new McPool(() => fakeWorker(), size);
      const progress: number[] = [];
      const [r] = await pool.run({ plans: [plan], runs: [3000], seed: plan.settings.seed }, (p) => progress.push(p.done));
      expect(r.stats).toEqual(cli);
      expect(r.stats).toEqual(thread.stats);
      expect([...r.makespans]).toEqual([...thread.makespans]);
      expect(r.misledShare).toBe(thread.misledShare);
      expect(progress[progress.length - 1]).toBe(3000);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
    }
  });

  it('runs A and B on the same seeds: every job of both carries the batch seed and the same run offsets', async () => {
    const a = example('research-agent');
    const b: Plan = { ...a, calls: a.calls.map((c) => (c.id === 'fetch_3' ? { ...c, retry: { ...c.retry, maxAttempts: 3 } } : c)) };
    const jobs: Job[] = [];
    const pool = new McPool(() => fakeWorker(jobs), 2);
    const [ra, rb] = await pool.run({ plans: [a, b], runs: [400, 400], seed: 77 });
    expect(new Set(jobs.map((j) => j.seed))).toEqual(new Set([77]));
    const ranges = (v: number) => jobs.filter((j) => j.variant === v).map((j) => [j.offset, j.count]);
    expect(ranges(0)).toEqual(ranges(1));
    expect(ra.stats).toEqual(runMonteCarlo(a, { runs: 400, seed: 77 }));
    expect(rb.stats).toEqual(runMonteCarlo(b, { runs: 400, seed: 77 }));
    // Common random numbers: a call B did not change draws as in A, run by run.
    for (let r = 0; r < 5; r++) expect(simulate(b, { seed: 77, run: r }).calls[0]).toEqual(simulate(a, { seed: 77, run: r }).calls[0]);
  });

  it('cancel rejects the batch at once and the pool runs the next batch on fresh workers', async () => {
    let made = 0;
    const pool = new McPool(() => {
      made++;
      return fakeWorker();
    }, 2);
    const plan = example('flaky-api');
    const running = pool.run({ plans: [plan], runs: [50000], seed: 1 });
    pool.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(pool.running).toBe(false);
    const [r] = await pool.run({ plans: [plan], runs: [200], seed: 1 });
    expect(r.stats.runs).toBe(200);
    expect(made).toBe(4);
  });

  it('sums a batch of many variants in slices (the page gets its turn) and in order', async () => {
    const plan = example('research-agent');
    const plans = Array.from({ length: 12 }, () => plan);
    const pool = new McPool(() => fakeWorker(), 2);
    let ticks = 0;
    let ticksAtLastChunk = -1;
    const timer = setInterval(() => ticks++, 0);
    const results = await pool.run({ plans, runs: plans.map(() => 20000), seed: 3 }, (p) => {
      if (p.done === p.total) ticksAtLastChunk = ticks;
    });
    clearInterval(timer);
    expect(results).toHaveLength(12);
    const one = runMonteCarlo(plan, { runs: 20000, seed: 3 });
    for (const r of results) expect(r.stats).toEqual(one);
    // Timers ran between the last chunk and the answer: the summing was not one long task.
    expect(ticksAtLastChunk).toBeGreaterThanOrEqual(0);
    expect(ticks).toBeGreaterThan(ticksAtLastChunk);
  });

  it('a cancel while the results are being summed rejects, and nothing resolves later', async () => {
    const plan = example('research-agent');
    const plans = Array.from({ length: 12 }, () => plan);
    const pool = new McPool(() => fakeWorker(), 2);
    let done = 0;
    const running = pool.run({ plans, runs: plans.map(() => 20000), seed: 3 }, (p) => {
      done = p.done;
      // The last chunk is in: the pool starts summing on this tick, then yields.
      if (p.done === p.total) setTimeout(() => pool.cancel(), 0);
    });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(done).toBe(12 * 20000);
    expect(pool.running).toBe(false);
  });

  it('reports an invalid plan sent to a worker as an error, not as numbers', async () => {
    const pool = new McPool(() => fakeWorker(), 2);
    const bad = { ...example('flaky-api'), calls: [] as Plan['calls'], dependencies: [{ from: 'x', to: 'y', optional: false }] } as Plan;
    await expect(pool.run({ plans: [bad], runs: [10], seed: 1 })).rejects.toThrow(/the plan is invalid/);
  });
});

describe('McPool with large plans and "what hurts most" variants', () => {
  it('sends each plan to a worker once per batch, and a variant by name only, with the variant’s own numbers', async () => {
    const a = example('research-agent');
    const jobs: Job[] = [];
    const pool = new McPool(() => fakeWorker(jobs), 2);
    const plans = [a, { base: a, neverFail: ['fetch_3'] }, { base: a, neverFail: ['search'] }];
    const [ra, rf, rs] = await pool.run({ plans, runs: [300, 300, 300], seed: 9, whole: [false, true, true] });
    expect(jobs.filter((j) => j.plan !== undefined)).toHaveLength(2);
    expect(jobs.filter((j) => j.variant > 0).map((j) => [j.variant, j.offset, j.count, j.neverFail])).toEqual([
      [1, 0, 300, ['fetch_3']],
      [2, 0, 300, ['search']],
    ]);
    expect(ra.stats).toEqual(runMonteCarlo(a, { runs: 300, seed: 9 }));
    expect(rf.stats).toEqual(runMonteCarlo(withoutFailures(a, 'fetch_3'), { runs: 300, seed: 9 }));
    expect(rs.stats).toEqual(runMonteCarlo(withoutFailures(a, 'search'), { runs: 300, seed: 9 }));
    expect(rf.failureRates.fetch_3).toBe(0);
    expect(ra.failureRates.fetch_3).toBeGreaterThan(0.01);
  });

  it('a worker asked to run a plan it was never sent says so, rather than guessing', () => {
    const posted: WorkerMessage[] = [];
    createJobRunner()({ type: 'job', batch: 1, variant: 0, planKey: 3, seed: 1, offset: 0, count: 10, chunk: 10 }, (m) => posted.push(m));
    expect(posted).toEqual([{ type: 'error', batch: 1, variant: 0, message: 'the plan was not sent to this worker' }]);
  });
});
