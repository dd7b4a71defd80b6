// What a Monte Carlo worker does with a job, as a plain function (the worker file only wires it to postMessage),
// so Node tests run exactly the code the browser runs. A worker keeps the few plans it was sent, by key: a batch
// sends a large plan to each worker once, and its "what hurts most" variants are made here from it.
import { MonteCarlo, chunkBuffers } from '../engine/montecarlo';
import { neverFailing } from '../engine/reliability';
import { parsePlan } from '../plan/parse';
import type { Plan } from '../plan/schema';
import type { Job, WorkerMessage } from './protocol';
import { errorText } from '../format/error';

export type Post = (message: WorkerMessage, transfer: Transferable[]) => void;

/** Plans a worker keeps: a batch names at most two (A and B). */
const KEPT_PLANS = 4;

/** One worker's job runner, with its own plans kept by key. */
export function createJobRunner(): (job: Job, post: Post) => void {
  const plans = new Map<number, Plan>();
  return (job, post) => {
    const { batch, variant } = job;
    const fail = (message: string) => post({ type: 'error', batch, variant, message }, []);
    if (job.plan !== undefined) {
      const parsed = parsePlan(job.plan);
      if (!parsed.ok) {
        fail(`the plan is invalid: ${parsed.problems[0]?.path ?? ''} ${parsed.problems[0]?.message ?? ''}`.trim());
        return;
      }
      plans.delete(job.planKey);
      plans.set(job.planKey, parsed.plan);
      for (const key of plans.keys()) if (plans.size > KEPT_PLANS) plans.delete(key);
    }
    const base = plans.get(job.planKey);
    if (base === undefined) {
      fail('the plan was not sent to this worker');
      return;
    }
    try {
      const plan = job.neverFail !== undefined && job.neverFail.length > 0 ? neverFailing(base, job.neverFail) : base;
      const mc = new MonteCarlo(plan, { seed: job.seed, strategy: job.strategy });
      const step = Math.max(1, Math.floor(job.chunk));
      for (let done = 0; done < job.count; done += step) {
        const n = Math.min(step, job.count - done);
        const r = mc.runChunk(job.offset + done, n);
        post({ type: 'chunk', batch, variant, ...r }, chunkBuffers(r));
      }
      post({ type: 'done', batch, variant, ids: [...mc.cp.ids], effects: Array.from(mc.cp.effect) }, []);
    } catch (err) {
      fail(errorText(err));
    }
  };
}

/** Runs one job that carries its plan, on a runner of its own. */
export function runJob(job: Job, post: Post): void {
  createJobRunner()(job, post);
}
