// A pool of Monte Carlo workers (one per core): a batch of plans (A, B, "what hurts most" variants), each split in
// contiguous shares across the workers, with progress, cancel, and results merged in run order — the same numbers
// as one thread and as `npm run sim -- --runs N`. Workers stay alive between batches (warm), and a cancel
// terminates them at once (a worker busy in a chunk cannot be interrupted any other way).
import type { Plan, Strategy } from '../plan/schema';
import type { ChunkResult } from '../engine/montecarlo';
import { summarize, type Reliability } from '../engine/reliability';
import type { ChunkMessage, Job, WorkerMessage } from './protocol';
import { chunkSize, shard } from './shard';

/** What the pool needs of a Worker (a real one in the browser, a fake in tests). */
export interface WorkerLike {
  postMessage(message: Job): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** A plan of a batch, or a copy of one with some calls made never to fail (made in the worker, not sent). */
export type BatchPlan = Plan | { base: Plan; neverFail: string[] };

export interface BatchRequest {
  plans: BatchPlan[];
  /** Runs of each plan (same length as plans). */
  runs: number[];
  seed: number;
  strategy?: Strategy;
  /** Per plan: run it in one share on one worker (many variants keep every worker busy without splitting each). */
  whole?: boolean[];
}

export interface Progress {
  done: number;
  total: number;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A job waiting for a worker, with the plan it names (sent only to a worker that does not have it yet). */
interface Queued {
  job: Job;
  plan: Plan;
}

interface Pending {
  batch: number;
  jobs: Queued[];
  /** Plan keys each worker was sent in this batch. */
  sent: Map<WorkerLike, Set<number>>;
  chunks: ChunkResult[][];
  ids: (string[] | null)[];
  /** Each variant's call effects (codes), indexed like its ids. */
  effects: (number[] | undefined)[];
  sharesLeft: number[];
  done: number;
  total: number;
  onProgress: (p: Progress) => void;
  resolve: (r: Reliability[]) => void;
  reject: (e: Error) => void;
}

export function defaultWorkerCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(8, Number.isFinite(n) && n > 0 ? n : 2));
}

export class McPool {
  private workers: WorkerLike[] = [];
  private idle: WorkerLike[] = [];
  private pending: Pending | null = null;
  private nextBatch = 1;

  constructor(
    private readonly create: () => WorkerLike,
    readonly size: number = defaultWorkerCount(),
  ) {}

  /** Starts the workers ahead of the first batch (module load and JIT warm-up off the critical path). */
  warm(): void {
    while (this.workers.length < this.size) {
      const w = this.create();
      w.onmessage = (e) => this.onMessage(w, e.data);
      w.onerror = (e) => this.fail(new Error(e.message || 'a worker failed'));
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get running(): boolean {
    return this.pending !== null;
  }

  /** Runs a batch; a batch already running is cancelled first. */
  run(req: BatchRequest, onProgress: (p: Progress) => void = () => {}): Promise<Reliability[]> {
    if (this.pending !== null) this.cancel();
    this.warm();
    const batch = this.nextBatch++;
    const jobs: Queued[] = [];
    const sharesLeft: number[] = [];
    const keys = new Map<Plan, number>();
    let total = 0;
    req.plans.forEach((entry, variant) => {
      const runs = req.runs[variant];
      const plan = 'base' in entry ? entry.base : entry;
      const neverFail = 'base' in entry ? entry.neverFail : undefined;
      if (!keys.has(plan)) keys.set(plan, keys.size + 1);
      const planKey = keys.get(plan) as number;
      const shares = req.whole?.[variant] === true && runs > 0 ? [{ offset: 0, count: runs }] : shard(runs, this.size);
      sharesLeft.push(shares.length);
      total += runs;
      for (const s of shares) {
        const job: Job = {
          type: 'job',
          batch,
          variant,
          planKey,
          seed: req.seed,
          strategy: req.strategy,
          offset: s.offset,
          count: s.count,
          chunk: chunkSize(plan.calls.length, s.count),
        };
        jobs.push({ job: neverFail === undefined ? job : { ...job, neverFail }, plan });
      }
    });
    return new Promise<Reliability[]>((resolve, reject) => {
      this.pending = {
        batch,
        jobs,
        sent: new Map(),
        chunks: req.plans.map(() => []),
        ids: req.plans.map(() => null),
        effects: req.plans.map(() => undefined),
        sharesLeft,
        done: 0,
        total,
        onProgress,
        resolve,
        reject,
      };
      onProgress({ done: 0, total });
      if (total === 0) this.finish();
      else this.dispatch();
    });
  }

  /** Stops the batch now: its workers are terminated (fresh ones start on the next run) and its promise rejects. */
  cancel(): void {
    this.stop()?.reject(new CancelledError());
  }

  /** Ends the running batch (if any) and terminates its workers; returns it. */
  private stop(): Pending | null {
    const p = this.pending;
    if (p === null) return null;
    this.pending = null;
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.idle = [];
    return p;
  }

  dispose(): void {
    this.cancel();
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.idle = [];
  }

  private dispatch(): void {
    const p = this.pending;
    if (p === null) return;
    while (this.idle.length > 0 && p.jobs.length > 0) {
      const w = this.idle.pop() as WorkerLike;
      const { job, plan } = p.jobs.shift() as Queued;
      const has = p.sent.get(w) ?? new Set<number>();
      p.sent.set(w, has);
      // A large plan is copied to each worker once per batch, not once per job.
      if (has.has(job.planKey)) w.postMessage(job);
      else {
        has.add(job.planKey);
        w.postMessage({ ...job, plan });
      }
    }
  }

  private onMessage(w: WorkerLike, m: WorkerMessage): void {
    const p = this.pending;
    if (p === null || m.batch !== p.batch) return;
    if (m.type === 'chunk') {
      p.chunks[m.variant].push(chunkOf(m));
      p.done += m.count;
      p.onProgress({ done: p.done, total: p.total });
    } else if (m.type === 'done') {
      p.ids[m.variant] = m.ids;
      p.effects[m.variant] = m.effects;
      p.sharesLeft[m.variant]--;
      this.idle.push(w);
      if (p.sharesLeft.every((n) => n === 0)) this.finish();
      else this.dispatch();
    } else {
      this.fail(new Error(m.message));
    }
  }

  private fail(err: Error): void {
    this.stop()?.reject(err);
  }

  /**
   * Adds each variant up, yielding to the page between variants once a slice of work has taken its budget: a
   * 100,000-run summary sorts its makespans (some 10–25 ms), so A and B together in one task could pass 50 ms.
   * The batch stays pending (cancellable) until the last variant is summed.
   */
  private finish(): void {
    const p = this.pending;
    if (p === null) return;
    const out: Reliability[] = [];
    const step = () => {
      if (this.pending !== p) return;
      const started = now();
      try {
        while (out.length < p.chunks.length) {
          const v = out.length;
          out.push(summarize(p.ids[v] ?? [], p.chunks[v], p.effects[v]));
          if (out.length < p.chunks.length && now() - started > SLICE_MS) {
            setTimeout(step, 0);
            return;
          }
        }
      } catch (err) {
        this.pending = null;
        p.reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      this.pending = null;
      p.resolve(out);
    };
    step();
  }
}

/** The chunk inside a chunk message (without its addressing). */
function chunkOf(m: ChunkMessage): ChunkResult {
  return {
    offset: m.offset,
    count: m.count,
    outcomes: m.outcomes,
    makespans: m.makespans,
    successes: m.successes,
    attempts: m.attempts,
    failures: m.failures,
    misled: m.misled,
    duplicated: m.duplicated,
    maybeDuplicated: m.maybeDuplicated,
    leftInPlace: m.leftInPlace,
    effectRuns: m.effectRuns,
  };
}

/** Work per main-thread task while summing results, ms. */
const SLICE_MS = 12;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The browser's pool: module workers built by the bundler from mc.worker.ts. */
export function createBrowserPool(size?: number): McPool {
  return new McPool(() => new Worker(new URL('./mc.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike, size);
}
