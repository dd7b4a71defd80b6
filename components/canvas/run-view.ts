// What the canvas draws of the run on view at the playback cursor: each call's state, each dependency's outcome and
// the model turn's wave band. Pure (no React, no store): each answer is a flat record of primitives, quantized to
// what is drawn, so a store selector over it returns an equal value until the picture changes.
import type { CallPhase, CallStatus, PreparedTrace } from '@/lib/engine';
import { callStateAt, endTime, turnAt } from '@/lib/engine/playback';
import { STATUS_LABEL } from '@/lib/engine/portable/facts';
import { shortDuration } from '@/lib/format/duration';

/** A call's phase at the cursor, or `none` when there is no run of it to show. */
export type NodePhase = CallPhase | 'none';

export interface NodeRunView {
  phase: NodePhase;
  /** The current (or last) attempt, 1-based; 0 if none has started. */
  attempt: number;
  /** Running: time since the attempt started, rounded down to what is shown (10 ms under a second, else 100 ms). */
  elapsedMs: number;
  /** Running: whole percent of the way to the attempt's end; -1 when it never returns. */
  latencyPct: number;
  /** Running with a timeout: whole percent of the timeout used; -1 with no timeout. */
  timeoutPct: number;
  /** The call's timeout (0 for none), for the words beside the bar. */
  timeoutMs: number;
  /** Waiting to retry: the attempt it will start. */
  retryAttempt: number;
  /** Waiting to retry: time left, rounded up to what is shown (0 once due but queued for a slot). */
  remainingMs: number;
  /** Once final, for an opaque sub-agent: failures inside it that the orchestrator never saw. */
  hiddenFailures: number;
  /** Once started: the optional inputs it ran without, as `fetch_2 (timed out), fetch_3 (failed)`; '' if none. */
  missing: string;
}

export const NO_RUN_VIEW: NodeRunView = Object.freeze({
  phase: 'none',
  attempt: 0,
  elapsedMs: 0,
  latencyPct: -1,
  timeoutPct: -1,
  timeoutMs: 0,
  retryAttempt: 0,
  remainingMs: 0,
  hiddenFailures: 0,
  missing: '',
});

const IN_FLIGHT: ReadonlySet<NodePhase> = new Set(['waiting', 'running', 'retry_wait']);

/** Whether a phase is a final status (not waiting, running or waiting to retry, and not `none`). */
export function isFinalPhase(phase: NodePhase): phase is CallStatus {
  return phase !== 'none' && !IN_FLIGHT.has(phase);
}

/** The step a duration is shown at: `340 ms` to 10 ms, `1.2 s` to 100 ms. */
function stepOf(ms: number): number {
  return ms < 1000 ? 10 : 100;
}

/** Rounded down to the step it is shown at (elapsed time never runs ahead). */
export function floorShown(ms: number): number {
  const v = Math.max(0, ms);
  const step = stepOf(v);
  return Math.floor(v / step) * step;
}

/** Rounded up to the step it is shown at (a countdown reads 0 only when it is due). */
export function ceilShown(ms: number): number {
  const v = Math.max(0, ms);
  const up = Math.ceil(v / 10) * 10;
  if (up < 1000) return up;
  return Math.ceil(v / 100) * 100;
}

const pct = (x: number) => Math.min(100, Math.max(0, Math.floor(x * 100)));

/**
 * A call's phase at t, with the two cases the playback kernel leaves open settled for drawing: at the end of
 * playback a call with no final event (a stuck run's hung call, or one that waited on it) shows its status.
 */
function phaseOf(p: PreparedTrace, index: number, t: number): { phase: CallPhase; state: ReturnType<typeof callStateAt> } {
  const state = callStateAt(p, index, t);
  if (Number.isNaN(p.finalAt[index]) && t >= endTime(p)) return { phase: p.trace.calls[index].status, state };
  return { phase: state.phase, state };
}

/** What the node of call `index` draws at instant t (on the clock of the run `p`). */
export function nodeRunView(p: PreparedTrace, index: number, t: number): NodeRunView {
  const call = p.trace.calls[index];
  if (call === undefined) return NO_RUN_VIEW;
  const { phase, state } = phaseOf(p, index, t);
  const timeout = p.timeouts[index] ?? null;
  const view: NodeRunView = { ...NO_RUN_VIEW, phase, attempt: state.attempt };
  if (phase === 'running') {
    const running = state.runningMs ?? 0;
    view.elapsedMs = floorShown(running);
    const start = state.sinceMs ?? t;
    const end = state.attemptEndMs ?? null;
    view.latencyPct = end === null ? -1 : end > start ? pct(running / (end - start)) : 100;
    if (timeout !== null && timeout > 0) {
      view.timeoutPct = pct(running / timeout);
      view.timeoutMs = timeout;
    }
  } else if (phase === 'retry_wait' && state.retry !== undefined) {
    view.retryAttempt = state.retry.attempt;
    view.remainingMs = ceilShown(state.retry.remainingMs);
  }
  if (isFinalPhase(phase) && (call.hiddenFailures ?? 0) > 0) view.hiddenFailures = call.hiddenFailures ?? 0;
  if (state.attempt > 0 && call.missingInputs.length > 0)
    view.missing = call.missingInputs.map((m) => `${m.id} (${STATUS_LABEL[m.status]})`).join(', ');
  return view;
}

/** A phase in words, as the node's status says it: `running · attempt 2 · 1.2 s`, `attempt 2 in 340 ms`, `timed out`. */
export function phaseText(v: Pick<NodeRunView, 'phase' | 'attempt' | 'elapsedMs' | 'retryAttempt' | 'remainingMs'>): string {
  switch (v.phase) {
    case 'none':
      return '';
    case 'waiting':
      return 'waiting';
    case 'running':
      return `running · attempt ${v.attempt} · ${shortDuration(v.elapsedMs)}`;
    case 'retry_wait':
      // The attempt that comes next (the caption counts retries: attempt 2 is retry 1).
      return v.remainingMs > 0
        ? `attempt ${v.retryAttempt} in ${shortDuration(v.remainingMs)}`
        : `attempt ${v.retryAttempt} due, waiting for a slot`;
    default:
      return STATUS_LABEL[v.phase];
  }
}

/** The same, short enough for a node seen from far out: `try 2 · 1.2 s`, `retry in 340 ms`, `timed out`. */
export function phaseTextShort(v: Pick<NodeRunView, 'phase' | 'attempt' | 'elapsedMs' | 'retryAttempt' | 'remainingMs'>): string {
  if (v.phase === 'running') return `try ${v.attempt} · ${shortDuration(v.elapsedMs)}`;
  if (v.phase === 'retry_wait') return v.remainingMs > 0 ? `retry in ${shortDuration(v.remainingMs)}` : 'retry due';
  return phaseText(v);
}

/**
 * What a dependency shows at the cursor:
 * - `pending`: its source has not ended yet; `flowing` / `partial`: the source's result (complete or partial) went down it;
 * - `broken`: the source ended without a result and the target was (or will be) skipped or never started for it;
 * - `missing`: the source ended without a result, and the target runs (ran) without this optional input;
 * - `idle`: the plan stopped before either end ran; `none`: nothing to show (no run).
 */
export type EdgeRunState = 'none' | 'idle' | 'pending' | 'flowing' | 'partial' | 'broken' | 'missing';

export interface EdgeRunView {
  state: EdgeRunState;
  from: NodePhase;
  to: NodePhase;
}

export const NO_EDGE_VIEW: EdgeRunView = Object.freeze({ state: 'none', from: 'none', to: 'none' });

/** The dependency from call `from` to call `to` (indices in the run `p`) at instant t. */
export function edgeRunState(p: PreparedTrace, from: number, to: number, t: number): EdgeRunView {
  const source = p.trace.calls[from];
  const target = p.trace.calls[to];
  if (source === undefined || target === undefined) return NO_EDGE_VIEW;
  const a = phaseOf(p, from, t).phase;
  const b = phaseOf(p, to, t).phase;
  let state: EdgeRunState;
  if (IN_FLIGHT.has(a)) state = 'pending';
  else if (a === 'succeeded') state = 'flowing';
  else if (a === 'partial') state = 'partial';
  else if (a === 'not_started' && b === 'not_started') state = 'idle';
  else {
    const r = target.reason;
    const blockedBy =
      (r?.kind === 'upstream' && r.blockers.some((x) => x.id === source.id)) || (r?.kind === 'hung_upstream' && r.waitingOn === source.id);
    state = blockedBy || b === 'skipped' || b === 'not_started' ? 'broken' : 'missing';
  }
  return { state, from: a, to: b };
}

/** A phase in one or two words: `running`, `waiting to retry`, `timed out`. */
export function phaseWord(phase: NodePhase): string {
  if (phase === 'none') return 'not run';
  if (phase === 'retry_wait') return 'waiting to retry';
  if (phase === 'waiting' || phase === 'running') return phase;
  return STATUS_LABEL[phase];
}

/** A dependency's state in words, for its tooltip and screen readers ('' with no run). */
export function edgeText(fromId: string, toId: string, v: EdgeRunView): string {
  const head = `${fromId} → ${toId}`;
  switch (v.state) {
    case 'none':
      return '';
    case 'idle':
      return `${head}: the plan stopped before either ran`;
    case 'pending':
      return `${head}: waiting for ${fromId} (${phaseWord(v.from)})`;
    case 'flowing':
      return `${head}: ${fromId} succeeded, its result flows to ${toId}`;
    case 'partial':
      return `${head}: ${fromId} returned a partial result to ${toId}`;
    case 'broken': {
      const then = v.to === 'skipped' ? 'is skipped' : v.to === 'not_started' ? 'never starts' : 'will be skipped';
      return `${head}: broken, ${fromId} ${phaseWord(v.from)}, so ${toId} ${then}`;
    }
    case 'missing':
      return `${head}: ${fromId} ${phaseWord(v.from)}, ${toId} runs without it`;
  }
}

/** Whether a wave band is the current model turn's, and what that turn is doing. */
export type BandPhase = 'off' | 'thinking' | 'executing';

/**
 * The phase of the model turn at t for graph wave `wave`'s band. Under `waves` each turn emits one wave
 * (`Turn.wave`). Under the other strategies a turn is not a wave: the band is lit only when every call the turn
 * emitted lies in this one wave (under `sequential`, the one call of the turn; under `eager` the single turn emits
 * calls of every wave, which would light every band and say nothing, so no band is lit unless the plan has one wave).
 */
export function bandPhase(p: PreparedTrace, wave: number, t: number): BandPhase {
  const { turn, phase } = turnAt(p, t);
  if (turn === null || (phase !== 'thinking' && phase !== 'executing')) return 'off';
  const tr = p.trace.turns[turn];
  if (p.trace.strategy === 'waves') return tr.wave === wave ? phase : 'off';
  if (tr.calls.length === 0) return 'off';
  return tr.calls.every((i) => p.trace.calls[i]?.wave === wave) ? phase : 'off';
}
