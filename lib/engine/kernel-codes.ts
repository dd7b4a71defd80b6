// The kernel's codes (docs/engine.md): call statuses, attempt results, fault markers and run outcomes, as small
// integers stored in typed arrays, and the Recorder a traced run reports to. Shared by the kernel's modules.
import type { Kernel } from './kernel';

// Live statuses, then final ones (>= S_SUCCEEDED).
export const S_WAITING = 0;
export const S_QUEUED = 1;
export const S_RUNNING = 2;
export const S_RETRY_WAIT = 3;
export const S_SUCCEEDED = 10;
export const S_PARTIAL = 11;
export const S_FAILED = 12;
export const S_TIMED_OUT = 13;
export const S_SKIPPED = 14;
export const S_CANCELLED = 15;
export const S_NOT_STARTED = 16;
export const S_HUNG = 17;

// How the current attempt will end (decided when it starts).
export const R_OK = 0;
export const R_PARTIAL = 1;
export const R_ERROR = 2;
export const R_RATE = 3;
export const R_TIMEOUT = 4;
export const R_HANG = 5;

/** pendFault marker: the result comes from the sub-agent's nested outcome, not from a fault. */
export const FAULT_NESTED = -2;
export const FAULT_NONE = -1;

export const O_COMPLETE = 0;
export const O_PARTIAL = 1;
export const O_ABORTED = 2;
export const O_DEADLINE = 3;
export const O_STUCK = 4;

/** What simulate() listens to; Monte Carlo passes none. Calls are indices; times virtual ms. */
export interface Recorder {
  /** A model turn emits its calls at t (every first attempt until the next turn belongs to it). */
  turn(t: number, wave: number | null): void;
  attemptStart(t: number, call: number, attempt: number): void;
  /** The attempt's planned result, known at its start: the kernel reports it at its end. */
  attemptEnd(t: number, call: number, attempt: number, result: number, fault: number, retryable: boolean): void;
  retry(t: number, call: number, nextAttempt: number, due: number, wait: number): void;
  final(t: number, call: number, status: number): void;
  /** A running attempt cut by a stop, or left hanging at the end (t null). */
  attemptCut(t: number | null, call: number): void;
  stop(t: number, reason: 'abort' | 'deadline', by: number): void;
  /** Recorder for the nested run of a sub-agent attempt, run by `child`. */
  nested(call: number, attempt: number, child: Kernel): Recorder;
  /** Called once the nested run of that attempt is over, with the child kernel's final state. */
  nestedDone(call: number, attempt: number, child: Kernel): void;
  /** Compensation phase (after a stop): call's compensation starts attempt k at t. */
  compStart(t: number, call: number, attempt: number): void;
  /** The compensation attempt ends at t (null: it hangs, and no compensation after it starts). */
  compEnd(t: number | null, call: number, attempt: number, result: number, fault: number, retryable: boolean): void;
  compRetry(t: number, call: number, nextAttempt: number, due: number, wait: number): void;
  /** The compensation's final status (S_SUCCEEDED, S_FAILED, S_TIMED_OUT, S_HUNG or S_NOT_STARTED; t NaN when it has no end). */
  compFinal(t: number, call: number, status: number): void;
  /** Called at the end of the run (compensations included). */
  done(kernel: Kernel): void;
}
