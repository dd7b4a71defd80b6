// Side effects: what each attempt of a call that writes did (applied, not applied, or unknown), and the saga rule
// after a stop: every landed effect with a compensation is undone, one at a time, latest landing first. The plan's
// deadline does not cut compensations; a compensation that never returns keeps the run waiting.
import { openAttempt } from '../../engine/portable/facts';
import { fromError, fromValue, retryWait, type Settled } from './outcomes';
import { resolveInput, type RefLookup } from './references';
import type { AttemptReport, CallReport, CompensationReport, ErrorClassifier, PlanSpec, RunEvent, RunReport, Tools } from './types';

export interface SagaIo {
  clock: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  classify: ErrorClassifier;
  fns: Tools;
  parents: readonly { callId: string; attempt: number }[];
  onEvent: (event: RunEvent) => void;
  lookup: RefLookup;
}

/** What one ended attempt did to the world (for a call with an effect). */
export function attemptEffect(s: Settled): 'applied' | 'not_applied' | 'unknown' {
  if (s.result === 'ok' || s.result === 'partial' || (s.result === 'error' && s.applied === true)) return 'applied';
  return s.result === 'timeout' ? 'unknown' : 'not_applied';
}

function landedAt(call: CallReport): number | null {
  let at: number | null = null;
  for (const a of call.attempts) if (a.effect === 'applied' || a.effect === 'unknown') at = a.endMs;
  return at;
}

/** Runs one compensation to its end: attempts cut at its timeout, retries as its policy says. */
async function undo(plan: PlanSpec, call: CallReport, comp: CompensationReport, io: SagaIo): Promise<void> {
  const spec = plan.calls[call.index].compensation;
  if (spec === undefined) return;
  const input = resolveInput(spec.input, io.lookup);
  const timers = new AbortController();
  for (let k = 1; ; k++) {
    const t = io.clock();
    if (k === 1) {
      comp.startMs = t;
      comp.status = 'hung';
    }
    const a: AttemptReport = openAttempt(k, t);
    comp.attempts.push(a);
    io.onEvent({ t, type: 'comp_start', call: call.id, attempt: k });
    const controller = new AbortController();
    // Filled when the compensation returns or throws (a box, so the check after the awaits reads the latest).
    const box: { settled: (Settled & { time: number }) | null } = { settled: null };
    let p: Promise<unknown>;
    try {
      p = Promise.resolve(io.fns[spec.tool](input, { signal: controller.signal, attempt: k, callId: call.id, parents: io.parents }));
    } catch (e) {
      p = Promise.reject(e);
    }
    const done = p.then(
      (v) => (box.settled = { ...fromValue(v), time: io.clock() }),
      (e: unknown) => (box.settled = { ...fromError(e, io.classify), time: io.clock() }),
    );
    const cutAt = spec.timeoutMs === null ? Infinity : t + spec.timeoutMs;
    if (spec.timeoutMs === null) await done;
    else {
      await Promise.race([done, io.sleep(spec.timeoutMs, timers.signal)]);
      // A result that comes in at the very instant of the timeout counts.
      if (box.settled === null) await io.sleep(0, timers.signal);
    }
    const got = box.settled;
    const s: Settled & { time: number } =
      got !== null && got.time <= cutAt
        ? got
        : { result: 'timeout', message: `timed out after ${spec.timeoutMs} ms`, retryable: true, time: cutAt };
    if (s.result === 'timeout') controller.abort(new Error(s.message));
    a.endMs = s.time;
    a.result = s.result;
    a.retryable = s.result !== 'ok' && s.retryable;
    a.message = s.message;
    if (s.code !== undefined) a.code = s.code;
    io.onEvent({ t: s.time, type: 'comp_end', call: call.id, attempt: k, result: s.result, message: s.message });
    if (s.result === 'ok' || s.result === 'partial') {
      comp.status = 'succeeded';
      break;
    }
    if (a.retryable && k < spec.retry.maxAttempts) {
      const wait = retryWait(spec.retry, k, s, io.random);
      a.retryWaitMs = wait;
      if (wait > 0) await io.sleep(wait, timers.signal);
      continue;
    }
    comp.status = s.result === 'timeout' ? 'timed_out' : 'failed';
    break;
  }
  comp.endMs = comp.attempts[comp.attempts.length - 1].endMs;
  io.onEvent({ t: comp.endMs ?? io.clock(), type: 'comp_final', call: call.id, status: comp.status });
}

/** After a stop: undoes each landed effect that has a compensation, latest landing first (a tie: the later call). */
export async function compensate(plan: PlanSpec, report: RunReport, io: SagaIo): Promise<Map<number, CompensationReport>> {
  const due = report.calls
    .filter(
      (c) => plan.calls[c.index].compensation !== undefined && c.attempts.some((a) => a.effect === 'applied' || a.effect === 'unknown'),
    )
    .sort((x, y) => (landedAt(y) ?? 0) - (landedAt(x) ?? 0) || y.index - x.index);
  const comps = new Map<number, CompensationReport>();
  for (const call of due) {
    const spec = plan.calls[call.index].compensation;
    if (spec === undefined) continue;
    const comp: CompensationReport = {
      tool: spec.tool,
      status: 'not_started',
      order: comps.size,
      startMs: null,
      endMs: null,
      attempts: [],
    };
    comps.set(call.index, comp);
    report.compensations.push(call.index);
    await undo(plan, call, comp, io);
  }
  return comps;
}

/** Each effectful call's tally: applied and unknown attempts, duplicates, where its effect landed, and its fate. */
export function recordEffects(plan: PlanSpec, report: RunReport, comps: ReadonlyMap<number, CompensationReport>): void {
  for (const c of report.calls) {
    const kind = plan.calls[c.index].effect;
    if (kind === undefined) continue;
    const applied = c.attempts.filter((a) => a.effect === 'applied').length;
    const unknown = c.attempts.filter((a) => a.effect === 'unknown').length;
    const once = kind === 'once';
    const compensation = comps.get(c.index) ?? null;
    c.effect = {
      kind,
      applied,
      unknown,
      duplicated: once && applied >= 2,
      maybeDuplicated: once && applied < 2 && applied + unknown >= 2,
      landedMs: landedAt(c),
      leftInPlace: report.stop !== null && applied + unknown > 0 && compensation?.status !== 'succeeded',
      compensation,
    };
  }
}
