// Playback: what is drawn at the cursor. Pure functions over a Trace (docs/engine.md): each call's phase at an
// instant, the model turn in progress, and the instants to step through. At one instant an attempt that
// ends there has ended (ends come first at an instant, docs/engine.md#simultaneous-events), and a call whose `final` event is at t is final.
import type { CallStatus, Trace, TraceEvent } from './types';

/** What a call is doing at an instant: in flight (waiting, running, retry_wait) or its final status. */
export type CallPhase = 'waiting' | 'running' | 'retry_wait' | CallStatus;

export interface CallStateAt {
  phase: CallPhase;
  /** The current (or last) attempt number, 1-based; 0 if none has started. */
  attempt: number;
  /** When this phase began; null for `waiting` (the trace does not record readiness). */
  sinceMs: number | null;
  /** Running: time since the attempt started. */
  runningMs?: number;
  /** Running with a timeout: runningMs / timeoutMs (reaches 1 when the timeout cuts the attempt). */
  progress?: number;
  /** Running: when the attempt ends (for progress toward its latency), null if it hangs. */
  attemptEndMs?: number | null;
  /** Waiting to retry: the next attempt, when it is due and how long is left (0 once due but queued for a slot). */
  retry?: { attempt: number; dueMs: number; remainingMs: number };
}

/** The call timeouts, which the trace does not carry: e.g. `(i) => plan.calls[i].timeoutMs`. */
export type TimeoutMsOf = (index: number) => number | null;

/** A trace indexed once for playback, so that stateAt runs in O(calls + attempts) per frame. */
export interface PreparedTrace {
  trace: Trace;
  /** Per call: the instant of its `final` event, NaN if it has none (hung or never started in a stuck run). */
  finalAt: Float64Array;
  /** Per call: the status its `final` event recorded (the call's status if it has none). */
  finalStatus: CallStatus[];
  /** Per call: due instant of each scheduled retry, indexed by the attempt number it starts (null if none). */
  retryDue: (number[] | null)[];
  /** Per call: its timeout, null if none or unknown. */
  timeouts: (number | null)[];
  /** Sorted distinct event instants. */
  times: number[];
}

export type TraceLike = Trace | PreparedTrace;

function isPrepared(src: TraceLike): src is PreparedTrace {
  return 'finalAt' in src;
}

/** Index a trace once (O(events + calls)); pass the result to stateAt/callStateAt each frame. */
export function prepareTrace(trace: Trace, timeoutMsOf?: TimeoutMsOf): PreparedTrace {
  const n = trace.calls.length;
  const finalAt = new Float64Array(n).fill(NaN);
  const finalStatus = trace.calls.map((c) => c.status);
  const retryDue: (number[] | null)[] = new Array<number[] | null>(n).fill(null);
  const times: number[] = [];
  for (const e of trace.events) {
    if (times.length === 0 || times[times.length - 1] !== e.t) times.push(e.t);
    if (e.type === 'final') {
      finalAt[e.call] = e.t;
      finalStatus[e.call] = e.status;
    } else if (e.type === 'retry_scheduled') {
      const dues = retryDue[e.call] ?? (retryDue[e.call] = []);
      dues[e.attempt] = e.dueMs;
    }
  }
  const timeouts = trace.calls.map((_, i) => (timeoutMsOf ? timeoutMsOf(i) : null));
  return { trace, finalAt, finalStatus, retryDue, timeouts, times };
}

function prepared(src: TraceLike, timeoutMsOf?: TimeoutMsOf): PreparedTrace {
  if (!isPrepared(src)) return prepareTrace(src, timeoutMsOf);
  if (timeoutMsOf === undefined) return src;
  return { ...src, timeouts: src.trace.calls.map((_, i) => timeoutMsOf(i)) };
}

function stateOf(p: PreparedTrace, index: number, t: number): CallStateAt {
  const call = p.trace.calls[index];
  const attempts = call.attempts;
  // The last attempt started by t.
  let k = attempts.length - 1;
  while (k >= 0 && attempts[k].startMs > t) k--;
  const attempt = k >= 0 ? attempts[k].n : 0;
  const fin = p.finalAt[index];
  if (!Number.isNaN(fin) && t >= fin) return { phase: p.finalStatus[index], attempt, sinceMs: fin };
  if (k < 0) return { phase: 'waiting', attempt: 0, sinceMs: null };
  const a = attempts[k];
  if (a.endMs === null || t < a.endMs) {
    const runningMs = t - a.startMs;
    const timeout = p.timeouts[index];
    const s: CallStateAt = { phase: 'running', attempt, sinceMs: a.startMs, runningMs, attemptEndMs: a.endMs };
    if (timeout !== null && timeout > 0) s.progress = runningMs / timeout;
    return s;
  }
  if (a.retryWaitMs !== undefined) {
    const dueMs = p.retryDue[index]?.[a.n + 1] ?? a.endMs + a.retryWaitMs;
    return { phase: 'retry_wait', attempt, sinceMs: a.endMs, retry: { attempt: a.n + 1, dueMs, remainingMs: Math.max(0, dueMs - t) } };
  }
  // Ended with no retry and no final event after it (not produced by simulate): its status from the attempt's end.
  return { phase: call.status, attempt, sinceMs: a.endMs };
}

/** One call's state at instant t (prepares the trace if given a raw Trace: O(events)). */
export function callStateAt(src: TraceLike, index: number, t: number, timeoutMsOf?: TimeoutMsOf): CallStateAt {
  return stateOf(prepared(src, timeoutMsOf), index, t);
}

/** Every call's state at instant t, in call order; O(calls + attempts) given a PreparedTrace. */
export function stateAt(src: TraceLike, t: number, timeoutMsOf?: TimeoutMsOf): CallStateAt[] {
  const p = prepared(src, timeoutMsOf);
  const n = p.trace.calls.length;
  const out = new Array<CallStateAt>(n);
  for (let i = 0; i < n; i++) out[i] = stateOf(p, i, t);
  return out;
}

export type TurnPhase = 'before' | 'thinking' | 'executing' | 'done';

/**
 * The model turn at t: thinking in [startMs, emitMs), executing in [emitMs, endMs) (for ever if endMs is
 * null); 'done' (turn = the last ended turn) between turns and after the last (null with no turns); 'before' (null) before the first.
 */
export function turnAt(src: TraceLike, t: number): { turn: number | null; phase: TurnPhase } {
  const turns = (isPrepared(src) ? src.trace : src).turns;
  let lo = 0;
  let hi = turns.length; // first turn with startMs > t
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].startMs <= t) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  if (k < 0) return { turn: null, phase: turns.length === 0 ? 'done' : 'before' };
  const turn = turns[k];
  if (t < turn.emitMs) return { turn: k, phase: 'thinking' };
  if (turn.endMs === null || t < turn.endMs) return { turn: k, phase: 'executing' };
  return { turn: k, phase: 'done' };
}

function timesOf(src: TraceLike): number[] {
  return isPrepared(src) ? src.times : eventTimes(src);
}

/** Sorted distinct instants of the trace's events. */
export function eventTimes(src: TraceLike): number[] {
  if (isPrepared(src)) return src.times.slice();
  const times: number[] = [];
  for (const e of src.events) if (times.length === 0 || times[times.length - 1] !== e.t) times.push(e.t);
  return times;
}

/** Index of the first element of the sorted list strictly greater than t. */
export function upperBound(xs: readonly number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first event instant strictly after t, or null. */
export function nextEventTime(src: TraceLike, t: number): number | null {
  const times = timesOf(src);
  const i = upperBound(times, t);
  return i < times.length ? times[i] : null;
}

/** The last event instant strictly before t, or null. */
export function prevEventTime(src: TraceLike, t: number): number | null {
  const times = timesOf(src);
  let lo = 0;
  let hi = times.length; // first index with times[i] >= t
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? times[lo - 1] : null;
}

/**
 * The end of playback: when the run settled (the makespan, or the end of the last compensation after a stop), or
 * for a stuck run or a hung compensation the last event instant (0 with no events).
 */
export function endTime(src: TraceLike): number {
  const trace = isPrepared(src) ? src.trace : src;
  if (trace.settledMs !== null) return trace.settledMs;
  const events = trace.events;
  return events.length > 0 ? events[events.length - 1].t : 0;
}

/** The next model turn's emit instant strictly after t, else the run's end if after t, else null. */
export function nextTurnTime(src: TraceLike, t: number): number | null {
  const trace = isPrepared(src) ? src.trace : src;
  for (const turn of trace.turns) if (turn.emitMs > t) return turn.emitMs;
  const end = endTime(trace);
  return end > t ? end : null;
}

/** Index of the last event with instant ≤ t, in trace order; -1 if none. */
export function lastEventIndexAt(src: TraceLike, t: number): number {
  const events = (isPrepared(src) ? src.trace : src).events;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The events with instant ≤ t, in trace order (for captions). */
export function eventsUpTo(src: TraceLike, t: number): TraceEvent[] {
  return (isPrepared(src) ? src.trace : src).events.slice(0, lastEventIndexAt(src, t) + 1);
}
