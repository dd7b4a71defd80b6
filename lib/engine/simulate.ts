// simulate(): one seeded run of a plan with its full trace (docs/engine.md). Pure and deterministic.
// The kernel decides everything; the TraceRecorder here only writes down what it reports, in words.
import type { Plan } from '../plan/schema';
import { compilePlan, type CompiledPlan } from './compile';
import { Kernel, type Recorder } from './kernel';
import { O_ABORTED, O_COMPLETE, O_DEADLINE, O_PARTIAL, O_STUCK } from './kernel';
import { R_ERROR, R_OK, R_PARTIAL, R_RATE, R_TIMEOUT } from './kernel';
import { S_CANCELLED, S_FAILED, S_HUNG, S_NOT_STARTED, S_PARTIAL, S_SKIPPED, S_SUCCEEDED, S_TIMED_OUT } from './kernel';
import { openAttempt, openRun, turnEndMs } from './portable/facts';
import { runBase } from './random';
import { attemptMessage, decidingFault, faultMessage } from './attempt-record';
import { EFFECT_NONE, EFFECT_ONCE } from './compile';
import {
  isSuccess,
  type Attempt,
  type AttemptEffect,
  type AttemptResult,
  type CallStatus,
  type CallTrace,
  type CompensationStatus,
  type CompensationTrace,
  type Outcome,
  type SimulateOptions,
  type Trace,
} from './types';

export const STATUS_NAME: Record<number, CallStatus> = {
  [S_SUCCEEDED]: 'succeeded',
  [S_PARTIAL]: 'partial',
  [S_FAILED]: 'failed',
  [S_TIMED_OUT]: 'timed_out',
  [S_SKIPPED]: 'skipped',
  [S_CANCELLED]: 'cancelled',
  [S_NOT_STARTED]: 'not_started',
  [S_HUNG]: 'hung',
};

export const OUTCOME_NAME: Record<number, Outcome> = {
  [O_COMPLETE]: 'complete',
  [O_PARTIAL]: 'partial',
  [O_ABORTED]: 'aborted',
  [O_DEADLINE]: 'deadline_exceeded',
  [O_STUCK]: 'stuck',
};

const COMP_STATUS_NAME: Record<number, CompensationStatus> = {
  [S_SUCCEEDED]: 'succeeded',
  [S_FAILED]: 'failed',
  [S_TIMED_OUT]: 'timed_out',
  [S_HUNG]: 'hung',
  [S_NOT_STARTED]: 'not_started',
};

const RESULT_NAME: Record<number, AttemptResult> = {
  [R_OK]: 'ok',
  [R_PARTIAL]: 'partial',
  [R_ERROR]: 'error',
  [R_RATE]: 'rate_limited',
  [R_TIMEOUT]: 'timeout',
};

class TraceRecorder implements Recorder {
  readonly trace: Trace;
  private readonly cp: CompiledPlan;
  private readonly kernel: Kernel;
  private currentTurn = -1;
  /** The recorder of each agent call's nested run in progress. */
  private readonly subs = new Map<number, TraceRecorder>();
  /** Compensations that ran or were due, by call index. */
  private readonly compensations = new Map<number, CompensationTrace>();

  constructor(cp: CompiledPlan, kernel: Kernel, seed: number, run: number) {
    this.cp = cp;
    this.kernel = kernel;
    this.trace = {
      strategy: cp.strategyName,
      seed,
      run,
      scenario: cp.scenario,
      ...openRun<Attempt>(cp.plan.calls, cp.wave),
      events: [],
    };
  }

  turn(t: number, wave: number | null): void {
    this.currentTurn = this.trace.turns.length;
    this.trace.turns.push({ index: this.currentTurn, wave, startMs: t - this.cp.modelTurnMs, emitMs: t, endMs: null, calls: [] });
    this.trace.events.push({ t, type: 'turn', turn: this.currentTurn, wave });
  }

  attemptStart(t: number, call: number, attempt: number): void {
    const c = this.trace.calls[call];
    if (attempt === 1) {
      c.startMs = t;
      c.turn = this.currentTurn;
      this.trace.turns[this.currentTurn].calls.push(call);
      c.missingInputs = this.missingInputs(call);
    }
    c.attempts.push(openAttempt(attempt, t));
    this.trace.events.push({ t, type: 'attempt_start', call, attempt });
  }

  attemptEnd(t: number, call: number, attempt: number, result: number, fault: number, retryable: boolean): void {
    const a = this.lastAttempt(call);
    a.endMs = t;
    a.result = RESULT_NAME[result];
    a.retryable = result !== R_OK && result !== R_PARTIAL && retryable;
    a.message = attemptMessage(this.cp, call, result, fault, a);
    const decided = decidingFault(this.cp, call, result, fault);
    if (decided !== undefined) a.fault = decided;
    if (this.cp.effect[call] !== EFFECT_NONE) a.effect = this.attemptEffect(result, fault);
    this.trace.events.push({ t, type: 'attempt_end', call, attempt, result: a.result, message: a.message });
  }

  private attemptEffect(result: number, fault: number): AttemptEffect {
    if (result === R_OK || result === R_PARTIAL) return 'applied';
    if (result === R_TIMEOUT) return 'unknown';
    return result === R_ERROR && fault >= 0 && this.cp.fApplied[fault] === 1 ? 'applied' : 'not_applied';
  }

  compStart(t: number, call: number, attempt: number): void {
    const comp = this.compensationOf(call);
    if (attempt === 1) {
      comp.startMs = t;
      comp.status = 'hung';
    }
    comp.attempts.push(openAttempt(attempt, t));
    this.trace.events.push({ t, type: 'comp_start', call, attempt });
  }

  compEnd(t: number | null, call: number, attempt: number, result: number, fault: number, retryable: boolean): void {
    const comp = this.compensationOf(call);
    const a = comp.attempts[comp.attempts.length - 1];
    if (t === null) {
      a.message = 'no response: it hung with no timeout, so the compensations after it never started';
      return;
    }
    const slot = this.cp.compOf[call];
    a.endMs = t;
    a.result = RESULT_NAME[result];
    a.retryable = result !== R_OK && retryable;
    a.message =
      result === R_TIMEOUT ? `timed out after ${this.cp.timeout[slot]} ms` : (faultMessage(this.cp, slot, result, fault, a) ?? 'ok');
    const decided = decidingFault(this.cp, slot, result, fault);
    if (decided !== undefined) a.fault = decided;
    this.trace.events.push({ t, type: 'comp_end', call, attempt, result: a.result, message: a.message });
  }

  compRetry(t: number, call: number, nextAttempt: number, due: number, wait: number): void {
    const comp = this.compensationOf(call);
    comp.attempts[comp.attempts.length - 1].retryWaitMs = wait;
    this.trace.events.push({ t, type: 'comp_retry', call, attempt: nextAttempt, dueMs: due, waitMs: wait });
  }

  compFinal(t: number, call: number, status: number): void {
    const comp = this.compensationOf(call);
    comp.status = COMP_STATUS_NAME[status];
    if (!Number.isNaN(t)) {
      comp.endMs = t;
      this.trace.events.push({ t, type: 'comp_final', call, status: comp.status });
    }
  }

  /** The compensation record of a call, created (in run order) at its first mention. */
  private compensationOf(call: number): CompensationTrace {
    const existing = this.compensations.get(call);
    if (existing !== undefined) return existing;
    const spec = this.cp.plan.calls[call].compensation;
    const comp: CompensationTrace = {
      tool: spec?.tool ?? '',
      status: 'not_started',
      order: this.trace.compensations.length,
      startMs: null,
      endMs: null,
      attempts: [],
    };
    this.compensations.set(call, comp);
    this.trace.compensations.push(call);
    return comp;
  }

  retry(t: number, call: number, nextAttempt: number, due: number, wait: number): void {
    this.lastAttempt(call).retryWaitMs = wait;
    this.trace.events.push({ t, type: 'retry_scheduled', call, attempt: nextAttempt, dueMs: due, waitMs: wait });
  }

  final(t: number, call: number, status: number): void {
    const c = this.trace.calls[call];
    c.status = STATUS_NAME[status];
    if (status !== S_SKIPPED && status !== S_NOT_STARTED && status !== S_HUNG) c.endMs = t;
    if (status === S_SKIPPED) {
      const blockers: { id: string; status: CallStatus }[] = [];
      const cp = this.cp;
      for (let e = cp.upStart[call]; e < cp.upStart[call + 1]; e++) {
        const u = cp.upList[e];
        const us = STATUS_NAME[this.kernel.status[u]];
        if (cp.upOptional[e] === 0 && cp.plan.calls[u].onFailure !== 'ignore' && !isSuccess(us))
          blockers.push({ id: cp.ids[u], status: us });
      }
      c.reason = { kind: 'upstream', blockers };
    } else if ((status === S_CANCELLED || status === S_NOT_STARTED) && this.trace.stop !== null) {
      const stop = this.trace.stop;
      c.reason = stop.reason === 'abort' ? { kind: 'abort', by: stop.by ?? '', atMs: stop.atMs } : { kind: 'deadline', atMs: stop.atMs };
    }
    if (!Number.isNaN(t)) this.trace.events.push({ t, type: 'final', call, status: c.status });
  }

  attemptCut(t: number | null, call: number): void {
    const a = this.lastAttempt(call);
    if (t === null) {
      a.endMs = null;
      a.result = 'hang';
      a.message = 'no response: it hung with no timeout and no deadline';
      if (this.cp.effect[call] !== EFFECT_NONE) a.effect = 'unknown';
      return;
    }
    const stop = this.trace.stop;
    a.endMs = t;
    a.result = 'cancelled';
    if (this.cp.effect[call] !== EFFECT_NONE) a.effect = 'unknown';
    a.message =
      stop !== null && stop.reason === 'abort'
        ? `cancelled: the plan was aborted because ${stop.by} failed`
        : `cancelled at the plan's deadline (${t} ms)`;
    this.trace.events.push({ t, type: 'attempt_end', call, attempt: a.n, result: 'cancelled', message: a.message });
  }

  stop(t: number, reason: 'abort' | 'deadline', by: number): void {
    const id = by >= 0 ? this.cp.ids[by] : null;
    this.trace.stop = { reason, atMs: t, by: id };
    this.trace.events.push({ t, type: 'stop', reason, by: id });
  }

  nested(call: number, _attempt: number, child: Kernel): Recorder {
    const sub = new TraceRecorder(child.cp, child, this.trace.seed, this.trace.run);
    this.subs.set(call, sub);
    return sub;
  }

  nestedDone(call: number): void {
    const sub = this.subs.get(call);
    if (sub === undefined) return;
    this.lastAttempt(call).nested = sub.trace;
    this.subs.delete(call);
  }

  done(kernel: Kernel): void {
    const trace = this.trace;
    trace.outcome = OUTCOME_NAME[kernel.outcome];
    trace.makespanMs = Number.isNaN(kernel.makespan) ? null : kernel.makespan;
    trace.settledMs = Number.isNaN(kernel.settled) ? null : kernel.settled;
    const cp = this.cp;
    // Calls that never started because something hung: say what they wait on.
    const firstHung = trace.calls.find((c) => c.status === 'hung');
    for (const c of trace.calls) {
      if (c.status !== 'not_started' || c.reason !== null) continue;
      let waitingOn: string | null = null;
      for (let e = cp.upStart[c.index]; e < cp.upStart[c.index + 1] && waitingOn === null; e++) {
        const u = trace.calls[cp.upList[e]];
        if (u.status === 'hung' || u.status === 'not_started') waitingOn = u.id;
      }
      if (waitingOn !== null) c.reason = { kind: 'hung_upstream', waitingOn };
      else if (firstHung !== undefined) c.reason = { kind: 'wave_held', by: firstHung.id };
    }
    for (const turn of trace.turns) turn.endMs = turnEndMs(turn, trace.calls);
    for (const c of trace.calls) {
      if (c.status === 'partial') c.warning = c.attempts[c.attempts.length - 1]?.message;
      const last = c.attempts[c.attempts.length - 1];
      if (cp.plan.calls[c.index].kind === 'agent' && cp.plan.calls[c.index].report === 'opaque' && last?.nested !== undefined) {
        c.hiddenFailures = last.nested.calls.filter((x) => x.status !== 'succeeded').length;
      }
      if (cp.effect[c.index] !== EFFECT_NONE) this.recordEffect(c);
    }
  }

  /** The call's effect from its attempts (the kernel counts the same; the trace keeps the detail). */
  private recordEffect(c: CallTrace): void {
    const once = this.cp.effect[c.index] === EFFECT_ONCE;
    let applied = 0;
    let unknown = 0;
    let landedMs: number | null = null;
    for (const a of c.attempts) {
      if (a.effect === 'applied' || a.effect === 'unknown') {
        if (a.effect === 'applied') applied++;
        else unknown++;
        landedMs = a.endMs;
      }
    }
    const landed = applied + unknown > 0;
    const compensation = this.compensations.get(c.index) ?? null;
    const stopped = this.trace.stop !== null;
    c.effect = {
      kind: once ? 'once' : 'idempotent',
      applied,
      unknown,
      duplicated: once && applied >= 2,
      maybeDuplicated: once && applied < 2 && applied + unknown >= 2,
      landedMs,
      leftInPlace: stopped && landed && compensation?.status !== 'succeeded',
      compensation,
    };
  }

  private lastAttempt(call: number): Attempt {
    const list = this.trace.calls[call].attempts;
    return list[list.length - 1];
  }

  private missingInputs(call: number): { id: string; status: CallStatus }[] {
    const cp = this.cp;
    const out: { id: string; status: CallStatus }[] = [];
    for (let e = cp.upStart[call]; e < cp.upStart[call + 1]; e++) {
      const u = cp.upList[e];
      const s = STATUS_NAME[this.kernel.status[u]];
      if (!isSuccess(s)) out.push({ id: cp.ids[u], status: s });
    }
    return out;
  }
}

/** One run (run 0 unless opts.run says otherwise) with every attempt and event recorded. */
export function simulate(plan: Plan, opts: SimulateOptions = {}): Trace {
  const seed = opts.seed ?? plan.settings.seed;
  const run = opts.run ?? 0;
  const cp = compilePlan(plan, { strategy: opts.strategy });
  const kernel = new Kernel(cp);
  const rec = new TraceRecorder(cp, kernel, seed, run);
  kernel.run(runBase(seed, run), rec);
  return rec.trace;
}
