// Playback: each call's phase, the model turn and the stepping instants at the cursor, from real simulate() traces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPlan } from '../plan/testing/arbitrary';
import type { Plan } from '../plan/schema';
import {
  callStateAt,
  endTime,
  eventTimes,
  eventsUpTo,
  nextEventTime,
  nextTurnTime,
  prepareTrace,
  prevEventTime,
  stateAt,
  turnAt,
  type CallPhase,
} from './playback';
import { simulate } from './simulate';
import { makePlan } from './testing/build';
import { boom, wavesPlan as wavesPlanOf } from './testing/waves-plan';
import type { Trace } from './types';

const timeoutsOf = (plan: Plan) => (i: number) => plan.calls[i].timeoutMs;
const idx = (trace: Trace, id: string) => trace.calls.findIndex((c) => c.id === id);

// The worked waves plan: see lib/engine/testing/waves-plan.ts for each call's times.
const wavesPlan = wavesPlanOf();
const waves = simulate(wavesPlan);

// eager: auth fails at 200 and aborts; slow is cut at 200; flaky waits to retry (due 250) when the plan stops; d never starts.
const abortPlan = makePlan(
  [
    { id: 'auth', ms: 200, onFailure: 'abort', faults: [boom()] },
    { id: 'slow', ms: 500 },
    { id: 'flaky', ms: 50, retry: { maxAttempts: 3, initialIntervalMs: 200 }, faults: [boom([1], true)] },
    { id: 'd' },
  ],
  [['slow', 'd']],
  { strategy: 'eager' },
);
const aborted = simulate(abortPlan);

// eager, stuck: h hangs from 0; ok runs [0,300); after waits on h for ever (no final event).
const stuck = simulate(
  makePlan([{ id: 'h', faults: [{ kind: 'timeout', onAttempts: [1] }] }, { id: 'ok', ms: 300 }, { id: 'after' }], [['h', 'after']], {
    strategy: 'eager',
  }),
);

const timedOutPlan = makePlan([{ id: 'x', timeoutMs: 50, faults: [{ kind: 'timeout', onAttempts: [1] }] }]);
const partial = simulate(makePlan([{ id: 'x', faults: [{ kind: 'partial', note: '2 of 3 pages', onAttempts: [1] }] }]));

describe('a call’s phase at an instant', () => {
  const p = prepareTrace(waves, timeoutsOf(wavesPlan));
  const cases: [string, string, number, CallPhase, number, number | null][] = [
    ['waits before its wave is emitted', 'flaky', 0, 'waiting', 0, null],
    ['waits just before its first attempt starts', 'a', 99.5, 'waiting', 0, null],
    ['runs from the instant its attempt starts', 'flaky', 100, 'running', 1, 100],
    ['has ended its attempt at exactly its end and waits to retry', 'flaky', 200, 'retry_wait', 1, 200],
    ['runs its next attempt from the instant the retry is due', 'flaky', 250, 'running', 2, 250],
    ['is final at exactly the instant it ends', 'flaky', 350, 'succeeded', 2, 350],
    ['stays final afterwards', 'flaky', 10_000, 'succeeded', 2, 350],
    ['fails at its end instant', 'bad', 150, 'failed', 1, 150],
    ['is skipped at the instant its blocker fails', 'dep', 150, 'skipped', 0, 150],
    ['still waits just before it is skipped', 'dep', 149, 'waiting', 0, null],
    ['waits through the next turn’s thinking', 'b', 450, 'waiting', 0, null],
    ['runs once the next turn emits it', 'b', 500, 'running', 1, 500],
  ];
  it.each(cases)('a call %s (%s at %d → %s)', (_name, id, t, phase, attempt, sinceMs) => {
    const s = callStateAt(p, idx(waves, id), t);
    expect(s).toMatchObject({ phase, attempt, sinceMs });
    expect(stateAt(p, t)[idx(waves, id)]).toEqual(s);
  });

  it('a running call reports its elapsed time and progress toward its timeout', () => {
    expect(callStateAt(waves, 0, 150, timeoutsOf(wavesPlan))).toEqual({
      phase: 'running',
      attempt: 1,
      sinceMs: 100,
      runningMs: 50,
      progress: 50 / 400,
      attemptEndMs: 200,
    });
  });

  it('a running call with no timeout reports no progress', () => {
    const s = callStateAt(waves, idx(waves, 'a'), 250, timeoutsOf(wavesPlan));
    expect(s.runningMs).toBe(150);
    expect(s.progress).toBeUndefined();
  });

  it('a call waiting to retry counts down to the next attempt', () => {
    expect(callStateAt(p, 0, 220)).toEqual({
      phase: 'retry_wait',
      attempt: 1,
      sinceMs: 200,
      retry: { attempt: 2, dueMs: 250, remainingMs: 30 },
    });
  });

  it('a call that times out runs to the full timeout, then is timed out at exactly that instant', () => {
    const t = simulate(timedOutPlan);
    expect(callStateAt(t, 0, 25, timeoutsOf(timedOutPlan))).toMatchObject({ phase: 'running', progress: 0.5 });
    expect(callStateAt(t, 0, 50, timeoutsOf(timedOutPlan))).toMatchObject({ phase: 'timed_out', sinceMs: 50, attempt: 1 });
  });

  it('a partial call is partial from its end', () => {
    expect(callStateAt(partial, 0, 99).phase).toBe('running');
    expect(callStateAt(partial, 0, 100)).toEqual({ phase: 'partial', attempt: 1, sinceMs: 100 });
  });
});

describe('an aborted run', () => {
  const cases: [string, string, number, CallPhase][] = [
    ['runs until the abort', 'slow', 199, 'running'],
    ['is cancelled at the abort instant while running', 'slow', 200, 'cancelled'],
    ['waits to retry before the abort', 'flaky', 150, 'retry_wait'],
    ['is cancelled at the abort instant while waiting to retry', 'flaky', 200, 'cancelled'],
    ['keeps its own failure at the abort it caused', 'auth', 200, 'failed'],
    ['waits until the abort when never started', 'd', 199, 'waiting'],
    ['is not started from the abort instant', 'd', 200, 'not_started'],
  ];
  it.each(cases)('a call %s (%s at %d → %s)', (_name, id, t, phase) => {
    expect(callStateAt(aborted, idx(aborted, id), t).phase).toBe(phase);
  });

  it('a cancelled call keeps the number of the attempt it was on', () => {
    expect(callStateAt(aborted, idx(aborted, 'flaky'), 200)).toEqual({ phase: 'cancelled', attempt: 1, sinceMs: 200 });
  });
});

describe('a stuck run', () => {
  it.each([0, 300, 1e9])('a hung call is running at %d, for ever', (t) => {
    expect(callStateAt(stuck, idx(stuck, 'h'), t)).toMatchObject({
      phase: 'running',
      attempt: 1,
      sinceMs: 0,
      runningMs: t,
      attemptEndMs: null,
    });
  });

  it.each([0, 300, 1e9])('a call that waits on a hung one is waiting at %d, for ever', (t) => {
    expect(callStateAt(stuck, idx(stuck, 'after'), t)).toEqual({ phase: 'waiting', attempt: 0, sinceMs: null });
  });

  it('ends playback at its last event instant', () => {
    expect(endTime(stuck)).toBe(300);
  });

  it('has its turn executing for ever', () => {
    expect(turnAt(stuck, 1e9)).toEqual({ turn: 0, phase: 'executing' });
  });
});

describe('the model turn at an instant', () => {
  const cases: [number, number | null, string][] = [
    [-1, null, 'before'],
    [0, 0, 'thinking'],
    [99, 0, 'thinking'],
    [100, 0, 'executing'],
    [399, 0, 'executing'],
    [400, 1, 'thinking'],
    [500, 1, 'executing'],
    [600, 1, 'done'],
    [1e9, 1, 'done'],
  ];
  it.each(cases)('at %d the turn is %s, %s', (t, turn, phase) => {
    expect(turnAt(waves, t)).toEqual({ turn, phase });
  });
});

describe('stepping', () => {
  it('eventTimes lists every distinct event instant in order', () => {
    expect(eventTimes(waves)).toEqual([100, 150, 200, 250, 350, 400, 500, 600]);
    expect(eventTimes(prepareTrace(waves))).toEqual([100, 150, 200, 250, 350, 400, 500, 600]);
  });

  it('stepping forward from 0 visits every event instant in order, then stops', () => {
    const visited: number[] = [];
    for (let t: number | null = nextEventTime(waves, -Infinity); t !== null; t = nextEventTime(waves, t)) visited.push(t);
    expect(visited).toEqual(eventTimes(waves));
  });

  it('stepping back from the end visits every event instant in reverse', () => {
    const visited: number[] = [];
    for (let t: number | null = prevEventTime(waves, Infinity); t !== null; t = prevEventTime(waves, t)) visited.push(t);
    expect(visited).toEqual(eventTimes(waves).reverse());
  });

  it.each([
    [0, 100],
    [150, 200],
    [200, 250],
    [600, null],
  ])('the next event after %d is at %s', (t, next) => {
    expect(nextEventTime(prepareTrace(waves), t)).toBe(next);
  });

  it('nextTurnTime jumps turn by turn, then to the end of the run', () => {
    const visited: number[] = [];
    for (let t: number | null = nextTurnTime(waves, 0); t !== null; t = nextTurnTime(waves, t)) visited.push(t);
    expect(visited).toEqual([100, 500, 600]);
  });

  it('endTime is the makespan, the abort instant for an aborted run', () => {
    expect(endTime(waves)).toBe(600);
    expect(endTime(aborted)).toBe(200);
  });

  it('eventsUpTo holds the events at or before the instant, in trace order', () => {
    const upTo = eventsUpTo(waves, 150);
    expect(upTo.map((e) => e.type)).toEqual(['turn', 'attempt_start', 'attempt_start', 'attempt_start', 'attempt_end', 'final', 'final']);
    expect(eventsUpTo(waves, 99)).toEqual([]);
    expect(eventsUpTo(waves, 600)).toEqual(waves.events);
  });
});

describe('property: the phases agree with the trace at every event instant', () => {
  it('for any valid plan', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 8 }), (plan) => {
        const trace = simulate(plan);
        const p = prepareTrace(trace, timeoutsOf(plan));
        const finalAt = new Map<number, number>();
        for (const e of trace.events) if (e.type === 'final') finalAt.set(e.call, e.t);
        const end = endTime(p);
        const instants = [0, ...eventTimes(p), end];
        const lastAttempt = trace.calls.map(() => 0);
        for (const t of instants) {
          const states = stateAt(p, t);
          expect(states).toHaveLength(trace.calls.length);
          trace.calls.forEach((c, i) => {
            const s = states[i];
            expect(callStateAt(trace, i, t, timeoutsOf(plan))).toEqual(s);
            const fin = finalAt.get(i);
            const isFinal = fin !== undefined && t >= fin;
            const running = c.attempts.some((a) => a.startMs <= t && (a.endMs === null || t < a.endMs));
            // A call is running at t iff some attempt covers t (never past its final instant).
            expect(s.phase === 'running').toBe(running && !isFinal);
            if (isFinal) expect(s.phase).toBe(c.status);
            if (s.phase === 'running') {
              expect(s.runningMs).toBeGreaterThanOrEqual(0);
              if (s.progress !== undefined) expect(s.progress).toBeLessThanOrEqual(1);
            }
            if (s.phase === 'retry_wait') {
              expect(s.retry?.attempt).toBe(s.attempt + 1);
              expect(s.retry?.remainingMs).toBeGreaterThanOrEqual(0);
            }
            if (s.phase === 'waiting') expect(c.attempts.every((a) => a.startMs > t)).toBe(true);
            // Attempt numbers never go back as time moves on.
            expect(s.attempt).toBeGreaterThanOrEqual(lastAttempt[i]);
            lastAttempt[i] = s.attempt;
          });
        }
        // At the run's end every call shows its final status, except hung / never-ready calls of a stuck run.
        stateAt(p, end).forEach((s, i) => {
          const c = trace.calls[i];
          if (finalAt.has(i)) expect(s.phase).toBe(c.status);
          else if (c.status === 'hung') expect(s.phase).toBe('running');
          else {
            expect(c.status).toBe('not_started');
            expect(s.phase).toBe('waiting');
          }
        });
        // The turn phase is always defined and never 'before' at or after the first emit.
        if (trace.turns.length > 0) expect(turnAt(p, trace.turns[0].emitMs).phase).not.toBe('before');
      }),
      { numRuns: 300, seed: 20260404 },
    );
  });
});
