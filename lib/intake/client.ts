// Starts an intake (an import or a share link) on a fresh worker and hands back its outcome, with its stages as it
// goes and a cancel that terminates the worker at once. Where there is no Worker (tests, old browsers) or the worker
// fails to start, the same code runs on this thread. A worker can be started ahead of an import the user is about to
// make (prewarmIntake), so the first import does not wait for the worker's scripts.
import type { IntakeOutcome, IntakeRequest, IntakeStage } from './intake-core';
import { createAssembler, type IntakeJob, type IntakeMessage } from './protocol';

export class IntakeCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'IntakeCancelled';
  }
}

/** What the client needs of a Worker (a real one in the browser, a fake in tests). */
export interface IntakeWorkerLike {
  postMessage(message: IntakeJob): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<IntakeMessage>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface IntakeTask {
  /** Resolves with the outcome; rejects with IntakeCancelled after cancel(). */
  done: Promise<IntakeOutcome>;
  cancel(): void;
}

function browserWorker(): IntakeWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./intake.worker.ts', import.meta.url)) as unknown as IntakeWorkerLike;
  } catch {
    return null;
  }
}

/** The worker started ahead of the next intake; one that failed before it was needed is dropped. */
let warm: { worker: IntakeWorkerLike; failed: boolean } | null = null;

/**
 * Starts the intake worker now, for an import the user is about to make (the Import button under the pointer or
 * focused, files dragged over the page): the next intake takes it instead of starting its own. At most one waits.
 */
export function prewarmIntake(createWorker: () => IntakeWorkerLike | null = browserWorker): void {
  if (warm !== null) return;
  const worker = createWorker();
  if (worker === null) return;
  const entry = { worker, failed: false };
  // Until an intake takes it, a worker that cannot start is set aside (the intake then starts its own).
  worker.onerror = () => {
    entry.failed = true;
    worker.terminate();
    if (warm === entry) warm = null;
  };
  warm = entry;
}

/** The worker started ahead, if there is one still good, else a new one. */
function takeWorker(): IntakeWorkerLike | null {
  const entry = warm;
  warm = null;
  if (entry !== null && !entry.failed) {
    entry.worker.onerror = null;
    return entry.worker;
  }
  return browserWorker();
}

export function startIntake(
  request: IntakeRequest,
  onStage: (stage: IntakeStage) => void = () => {},
  createWorker: () => IntakeWorkerLike | null = takeWorker,
): IntakeTask {
  let cancelled = false;
  let worker: IntakeWorkerLike | null = null;
  let reject: (err: Error) => void = () => {};
  const done = new Promise<IntakeOutcome>((resolve, rej) => {
    reject = rej;
    const inline = () => {
      worker = null;
      // Loaded only here: with a worker, the page never loads the importers at all.
      void import('./intake-core')
        .then(({ runIntake }) =>
          runIntake(request, (stage) => {
            if (!cancelled) onStage(stage);
          }),
        )
        .then((outcome) => {
          if (!cancelled) resolve(outcome);
        });
    };
    worker = createWorker();
    if (worker === null) {
      inline();
      return;
    }
    const assembler = createAssembler();
    let heard = false;
    worker.onmessage = (e) => {
      if (cancelled) return;
      heard = true;
      if (e.data.type === 'stage') {
        onStage(e.data.stage);
        return;
      }
      const outcome = assembler.add(e.data);
      if (outcome !== null) {
        worker?.terminate();
        worker = null;
        resolve(outcome);
      }
    };
    worker.onerror = (e) => {
      if (cancelled) return;
      worker?.terminate();
      // A worker that never started (blocked, or its script missing): the same work on this thread.
      if (!heard) inline();
      else
        resolve({
          kind: 'refused',
          problems: [{ path: '(import)', message: `could not be read (${e.message || 'the import worker failed'})` }],
        });
    };
    worker.postMessage({ type: 'intake', request });
  });
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      worker?.terminate();
      worker = null;
      reject(new IntakeCancelled());
    },
  };
}
