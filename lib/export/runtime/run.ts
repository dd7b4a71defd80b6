// Runs a plan's tool calls with its policies: waves, eager or sequential turns, a cap on calls in flight,
// per-attempt timeouts, retries with capped exponential backoff, degrade / abort / ignore, and the plan deadline.
// Events at one instant are handled in a fixed order (attempts that end, then a stop, then skips and readiness,
// then due retries, then turn starts, then free slots), so the same tools on the same clock give the same run.
import { buildGraph } from './graph';
import { closeReport, shiftReport, Waker } from './instant';
import { fromError, fromNestedRun, fromValue, retryWait, type Settled } from './outcomes';
import { jsonOf, resolveInput, type RefLookup } from './references';
import { attemptEffect, compensate, recordEffects } from './saga';
import type { Scope } from './scope';
import { isSuccess, openAttempt, openRun, type CallStatus } from '../../engine/portable/facts';
import type { AttemptReport, PlanSpec, RunReport, Tools } from './types';

type Live = 'waiting' | 'queued' | 'running' | 'retry_wait';

interface Running {
  attempt: number;
  controller: AbortController;
  timeoutAt: number;
  settled: (Settled & { time: number }) | null;
}

const isFinal = (s: CallStatus | Live): s is CallStatus => s !== 'waiting' && s !== 'queued' && s !== 'running' && s !== 'retry_wait';

/** One run of `plan`; null when the enclosing sub-agent attempt ended first (`scope.outer` aborted). */
export async function execute(plan: PlanSpec, tools: Tools, scope: Scope): Promise<RunReport | null> {
  const g = buildGraph(plan);
  const n = g.n;
  const nPlus = n + 1;
  const { clock, sleep, onEvent } = scope;
  const turnMs = scope.modelTurnMs ?? plan.modelTurnMs;
  const t0 = scope.origin;
  const deadline = plan.deadlineMs === null ? Infinity : t0 + plan.deadlineMs;
  const cap = plan.maxConcurrency ?? Infinity;
  const run = new AbortController();

  const status: (CallStatus | Live)[] = new Array(n).fill('waiting');
  const attempts: number[] = new Array(n).fill(0);
  const remUp = g.up.map((u) => u.length);
  const bad: boolean[] = new Array(n).fill(false);
  const outputs: unknown[] = new Array(n).fill(undefined);
  const waveRem = g.waves.map((w) => w.length);
  const running: (Running | null)[] = new Array(n).fill(null);
  // Retries due and turn starts: (time, key), key = 1·(n+1) + call for a retry, 2·(n+1) + argument for a turn.
  const timers: { time: number; key: number }[] = [];
  const ready: { time: number; key: number }[] = [];
  const readyList: number[] = [];

  const report: RunReport = { plan, strategy: plan.strategy, ...openRun<AttemptReport>(plan.calls, g.wave) };

  const waker = new Waker(scope.parent, clock, sleep, run.signal);
  const wake = () => waker.wake();
  const arm = (due: number, delay: number) => waker.arm(due, delay);
  if (scope.outer !== null) {
    const outer = scope.outer;
    const stopAll = () => {
      waker.interrupted = true;
      for (const r of running) r?.controller.abort(outer.reason);
      run.abort(outer.reason);
      wake();
    };
    if (outer.aborted) {
      waker.setBusy(false);
      return null;
    }
    outer.addEventListener('abort', stopAll, { once: true });
  }
  const push = (list: { time: number; key: number }[], time: number, key: number) => {
    let i = list.length;
    while (i > 0 && (list[i - 1].time > time || (list[i - 1].time === time && list[i - 1].key > key))) i--;
    list.splice(i, 0, { time, key });
  };

  let finalCount = 0;
  let lastFinal = t0;
  let inFlight = 0;
  let abortBy = -1;
  let gatePending = false;
  let currentWave = -1;
  let seqPos = 0;
  let eagerOpen = false;
  let currentTurn = -1;
  let stopped = false;

  const finalize = (c: number, s: CallStatus, t: number) => {
    status[c] = s;
    finalCount++;
    if (t > lastFinal) lastFinal = t;
    waveRem[g.wave[c]]--;
    const call = report.calls[c];
    call.status = s;
    if (s !== 'skipped' && s !== 'not_started' && s !== 'hung') call.endMs = t;
    if (s === 'skipped') {
      const blockers = g.up[c]
        .filter((u) => u.blocks && !isSuccess(status[u.from]))
        .map((u) => ({ id: plan.calls[u.from].id, status: asStatus(u.from) }));
      call.reason = { kind: 'upstream', blockers };
    } else if ((s === 'cancelled' || s === 'not_started') && report.stop !== null) {
      const stop = report.stop;
      call.reason = stop.reason === 'abort' ? { kind: 'abort', by: stop.by ?? '', atMs: stop.atMs } : { kind: 'deadline', atMs: stop.atMs };
    }
    onEvent({ t, type: 'final', call: call.id, status: s });
    const failed = !isSuccess(s);
    for (const d of g.down[c]) {
      if (failed && d.blocks) bad[d.to] = true;
      if (--remUp[d.to] === 0) readyList.push(d.to);
    }
  };
  const asStatus = (c: number): CallStatus => {
    const s = status[c];
    return isFinal(s) ? s : 'not_started';
  };
  /** What `{{id}}` stands for now: the output of a call that succeeded, null for one that did not (yet). */
  const lookup: RefLookup = (id) => {
    const u = g.index.get(id);
    if (u === undefined) return undefined;
    return isSuccess(status[u]) ? jsonOf(outputs[u]) : null;
  };
  const lastAttempt = (c: number): AttemptReport => {
    const list = report.calls[c].attempts;
    return list[list.length - 1];
  };

  const startAttempt = (c: number, t: number) => {
    inFlight++;
    const k = ++attempts[c];
    status[c] = 'running';
    const spec = plan.calls[c];
    const call = report.calls[c];
    if (k === 1) {
      call.startMs = t;
      call.turn = currentTurn;
      report.turns[currentTurn].calls.push(c);
      call.missingInputs = g.up[c]
        .filter((u) => !isSuccess(status[u.from]))
        .map((u) => ({ id: plan.calls[u.from].id, status: asStatus(u.from) }));
      call.input = resolveInput(spec.input, lookup);
    }
    call.attempts.push(openAttempt(k, t));
    onEvent({ t, type: 'attempt_start', call: spec.id, attempt: k });
    const controller = new AbortController();
    const r: Running = { attempt: k, controller, timeoutAt: spec.timeoutMs === null ? Infinity : t + spec.timeoutMs, settled: null };
    running[c] = r;
    if (spec.timeoutMs !== null) arm(r.timeoutAt, spec.timeoutMs);
    const settle = (s: Settled) => {
      if (running[c] !== r || r.settled !== null || run.signal.aborted) return;
      r.settled = { ...s, time: clock() };
      wake();
    };
    waker.bump();
    const parents = [...scope.parents, { callId: spec.id, attempt: k }];
    if (spec.agent !== undefined) {
      const agent = spec.agent;
      const nested = execute(agent.plan, tools, {
        ...scope,
        modelTurnMs: undefined,
        origin: t,
        outer: controller.signal,
        parents,
        parent: waker.node,
        onEvent: () => {},
      });
      nested.then(
        (rep) => {
          if (rep === null) return;
          const planned = call.missingInputs.length > 0 && agent.degradedAnswer !== undefined ? agent.degradedAnswer : agent.answer;
          settle(fromNestedRun(agent, rep, scope.agentAnswer === undefined ? planned : scope.agentAnswer(spec.id, rep)));
        },
        (e: unknown) => settle(fromError(e, scope.classify)),
      );
      return;
    }
    let p: Promise<unknown>;
    try {
      p = Promise.resolve(
        tools[spec.tool](call.input ?? {}, { signal: controller.signal, attempt: k, callId: spec.id, parents: scope.parents }),
      );
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      (v) => settle(fromValue(v)),
      (e: unknown) => settle(fromError(e, scope.classify)),
    );
  };

  const endAttempt = (c: number, s: Settled, t: number) => {
    inFlight--;
    running[c] = null;
    const spec = plan.calls[c];
    const a = lastAttempt(c);
    const k = attempts[c];
    a.endMs = t;
    a.result = s.result;
    a.retryable = s.result !== 'ok' && s.result !== 'partial' && s.retryable;
    a.message = s.message;
    if (s.code !== undefined) a.code = s.code;
    if (s.nested !== undefined) a.nested = s.nested;
    if (spec.effect !== undefined) a.effect = attemptEffect(s);
    onEvent({ t, type: 'attempt_end', call: spec.id, attempt: k, result: s.result, message: s.message });
    if (s.result === 'ok' || s.result === 'partial') {
      outputs[c] = s.output;
      report.calls[c].output = s.output;
      finalize(c, s.result === 'ok' ? 'succeeded' : 'partial', t);
    } else if (a.retryable && k < spec.retry.maxAttempts) {
      const wait = retryWait(spec.retry, k, s, scope.random);
      status[c] = 'retry_wait';
      a.retryWaitMs = wait;
      push(timers, t + wait, nPlus + c);
      arm(t + wait, wait);
      onEvent({ t, type: 'retry_scheduled', call: spec.id, attempt: k + 1, dueMs: t + wait, waitMs: wait });
    } else {
      if (spec.onFailure === 'abort' && abortBy === -1) abortBy = c;
      finalize(c, s.result === 'timeout' ? 'timed_out' : 'failed', t);
    }
  };

  const stopRun = (t: number, reason: 'abort' | 'deadline', by: number) => {
    const byId = by >= 0 ? plan.calls[by].id : null;
    report.stop = { reason, atMs: t, by: byId };
    onEvent({ t, type: 'stop', reason, by: byId });
    for (let c = 0; c < n; c++) {
      const s = status[c];
      if (isFinal(s)) continue;
      if (s === 'running' || s === 'retry_wait' || (s === 'queued' && attempts[c] > 0)) {
        const r = running[c];
        if (s === 'running' && r !== null) {
          const a = lastAttempt(c);
          a.endMs = t;
          a.result = 'cancelled';
          a.message =
            reason === 'abort'
              ? `cancelled: the plan was aborted because ${byId} failed`
              : `cancelled at the plan's deadline (${plan.deadlineMs} ms)`;
          // A request in flight when the plan stops may have gone through.
          if (plan.calls[c].effect !== undefined) a.effect = 'unknown';
          onEvent({ t, type: 'attempt_end', call: plan.calls[c].id, attempt: a.n, result: 'cancelled', message: a.message });
          r.controller.abort(new Error(a.message));
          running[c] = null;
        }
        finalize(c, 'cancelled', t);
      } else {
        finalize(c, 'not_started', t);
      }
    }
    report.outcome = reason === 'abort' ? 'aborted' : 'deadline_exceeded';
    report.makespanMs = t;
  };

  const openTurn = (t: number, wave: number | null) => {
    currentTurn = report.turns.length;
    report.turns.push({ index: currentTurn, wave, startMs: t - turnMs, emitMs: t, endMs: null, calls: [] });
    onEvent({ t, type: 'turn', turn: currentTurn, wave });
  };
  const release = (t: number, key: number) => push(ready, t, key);

  /** One instant, in the order the file header gives. */
  const step = (t: number) => {
    // 1. Attempts that end at t: their results are in (a result at exactly the timeout instant counts).
    for (let c = 0; c < n; c++) {
      const r = running[c];
      if (r === null) continue;
      if (r.settled !== null && r.settled.time <= t && r.settled.time <= r.timeoutAt) endAttempt(c, r.settled, r.settled.time);
      else if (r.timeoutAt <= t) {
        r.controller.abort(new Error(`timed out after ${plan.calls[c].timeoutMs} ms`));
        endAttempt(c, { result: 'timeout', message: `timed out after ${plan.calls[c].timeoutMs} ms`, retryable: true }, r.timeoutAt);
      }
    }
    // 2. An abort, or the deadline, stops the plan.
    if (abortBy !== -1 || (t >= deadline && finalCount < n)) {
      stopRun(t, abortBy !== -1 ? 'abort' : 'deadline', abortBy);
      stopped = true;
      return;
    }
    // 3. Skips (they cascade at this instant) and readiness.
    for (let r = 0; r < readyList.length; r++) {
      const c = readyList[r];
      if (bad[c]) finalize(c, 'skipped', t);
      else if (plan.strategy === 'eager' && eagerOpen) {
        status[c] = 'queued';
        release(t, g.wave[c] * n + c);
      }
    }
    readyList.length = 0;
    // The next wave or turn, once the current one is over.
    if (!gatePending) {
      if (plan.strategy === 'waves' && currentWave >= 0 && waveRem[currentWave] === 0) {
        let k = currentWave + 1;
        while (k < g.waves.length && waveRem[k] === 0) k++;
        if (k < g.waves.length) {
          push(timers, t + turnMs, 2 * nPlus + k);
          arm(t + turnMs, turnMs);
          gatePending = true;
        }
      } else if (plan.strategy === 'sequential' && isFinal(status[g.seqOrder[seqPos]])) {
        while (seqPos < n && isFinal(status[g.seqOrder[seqPos]])) seqPos++;
        if (seqPos < n) {
          push(timers, t + turnMs, 2 * nPlus + seqPos);
          arm(t + turnMs, turnMs);
          gatePending = true;
        }
      }
    }
    // 4. Retries that are due, then 5. turn starts.
    while (timers.length > 0 && timers[0].time <= t) {
      const { key } = timers.shift() as { time: number; key: number };
      if (key < 2 * nPlus) {
        const c = key - nPlus;
        status[c] = 'queued';
        release(t, g.wave[c] * n + c);
        continue;
      }
      const arg = key - 2 * nPlus;
      gatePending = false;
      if (plan.strategy === 'waves') {
        currentWave = arg;
        openTurn(t, arg);
        for (const c of g.waves[arg]) {
          if (status[c] !== 'waiting') continue;
          status[c] = 'queued';
          release(t, arg * n + c);
        }
      } else if (plan.strategy === 'eager') {
        eagerOpen = true;
        openTurn(t, null);
        for (let c = 0; c < n; c++) {
          if (status[c] !== 'waiting' || remUp[c] !== 0) continue;
          status[c] = 'queued';
          release(t, g.wave[c] * n + c);
        }
      } else {
        const c = g.seqOrder[arg];
        openTurn(t, null);
        status[c] = 'queued';
        release(t, g.wave[c] * n + c);
      }
    }
    // 6. Ready calls take free slots, by (ready time, wave, order in the plan).
    while (ready.length > 0 && inFlight < cap) {
      const { key } = ready.shift() as { time: number; key: number };
      startAttempt(key % n, t);
    }
  };

  if (n > 0) {
    push(timers, t0 + turnMs, 2 * nPlus);
    arm(t0 + turnMs, turnMs);
    gatePending = true;
  }
  if (plan.deadlineMs !== null) arm(deadline, plan.deadlineMs);
  while (finalCount < n) {
    // Wait for something to happen, and for every other event of that instant (nested runs' results included).
    await waker.next();
    if (waker.interrupted) {
      waker.setBusy(false);
      return null;
    }
    step(Math.min(clock(), deadline));
    waker.setBusy(false);
    if (stopped) break;
  }
  if (!stopped) {
    report.outcome = report.calls.every((c) => c.status === 'succeeded') ? 'complete' : 'partial';
    report.makespanMs = lastFinal;
  }
  // Timers of the run (its deadline among them) end here: compensations are not cut by the deadline.
  run.abort();
  closeReport(report);
  const done = t0 === 0 ? report : shiftReport(report, t0, deadline, plan.deadlineMs);
  done.settledMs = done.makespanMs;
  recordEffects(plan, done, new Map());
  if (stopped && plan.calls.some((c) => c.compensation !== undefined)) {
    const saga = compensate(plan, done, { ...scope, fns: scope.compensations, clock: () => clock() - t0, lookup }).then((comps) => {
      recordEffects(plan, done, comps);
      const last = done.compensations.length === 0 ? null : comps.get(done.compensations[done.compensations.length - 1]);
      if (last?.endMs != null) done.settledMs = last.endMs;
    });
    // A sub-agent's run reports at its stop, as Toolwave times it; its compensations go on meanwhile.
    if (scope.outer === null) await saga;
    else scope.background.push(saga);
  }
  return done;
}
