// What a Monte Carlo worker does with a job, as a plain function (the worker file only wires it to postMessage),
// so Node tests run exactly the code the browser runs.
import { MonteCarlo, chunkBuffers } from '../engine/montecarlo';
import { parsePlan } from '../plan/parse';
import type { Job, WorkerMessage } from './protocol';

export type Post = (message: WorkerMessage, transfer: Transferable[]) => void;

/** Runs the job's share chunk by chunk, posting each chunk, then `done` (or one `error`). */
export function runJob(job: Job, post: Post): void {
  const { batch, variant } = job;
  const parsed = parsePlan(job.plan);
  if (!parsed.ok) {
    post({ type: 'error', batch, variant, message: `the plan is invalid: ${parsed.problems[0]?.path ?? ''} ${parsed.problems[0]?.message ?? ''}`.trim() }, []);
    return;
  }
  try {
    const mc = new MonteCarlo(parsed.plan, { seed: job.seed, strategy: job.strategy });
    const step = Math.max(1, Math.floor(job.chunk));
    for (let done = 0; done < job.count; done += step) {
      const n = Math.min(step, job.count - done);
      const r = mc.runChunk(job.offset + done, n);
      post({ type: 'chunk', batch, variant, ...r }, chunkBuffers(r));
    }
    post({ type: 'done', batch, variant, ids: [...mc.cp.ids], effects: Array.from(mc.cp.effect) }, []);
  } catch (err) {
    post({ type: 'error', batch, variant, message: err instanceof Error ? err.message : String(err) }, []);
  }
}
