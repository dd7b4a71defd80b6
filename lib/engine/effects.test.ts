// Side effects (docs/side-effects.md): what each attempt did, duplicates, and the saga of compensations after a stop.
// Every expected number below is worked out by hand from the plan beside it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryPlan } from '../plan/testing/arbitrary';
import type { Plan } from '../plan/schema';
import { MonteCarlo, runMonteCarlo } from './montecarlo';
import { simulate } from './simulate';
import { makePlan, type CallSpec } from './testing/build';
import { retriedOncePayment } from './testing/effect-plans';
import type { Trace } from './types';

const call = (t: Trace, id: string) => {
  const c = t.calls.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no call ${id}`);
  return c;
};
const effectOf = (t: Trace, id: string) => {
  const e = call(t, id).effect;
  if (e === undefined) throw new Error(`${id} has no effect record`);
  return e;
};
/** One call's plan, simulated. */
const simulateOne = (spec: CallSpec) => simulate(makePlan([spec]));
const comp = (ms: number, extra: object = {}) => ({ tool: 'undo', latency: { kind: 'fixed' as const, ms }, ...extra });
const hardError = { kind: 'error' as const, message: '402 card declined', onAttempts: [1] };

describe('what each attempt did', () => {
  it('a timed-out once call that is retried may have run twice', () => {
    // Attempt 1 hangs and is cut at 300 ms (unknown); retry waits 100 ms; attempt 2 runs 400–500 and succeeds.
    const t = simulate(retriedOncePayment());
    expect(call(t, 'pay').attempts.map((a) => [a.result, a.effect, a.startMs, a.endMs])).toEqual([
      ['timeout', 'unknown', 0, 300],
      ['ok', 'applied', 400, 500],
    ]);
    expect(effectOf(t, 'pay')).toEqual({
      kind: 'once',
      applied: 1,
      unknown: 1,
      duplicated: false,
      maybeDuplicated: true,
      landedMs: 500,
      leftInPlace: false,
      compensation: null,
    });
    expect(t.outcome).toBe('complete');
    expect(t.settledMs).toBe(500);
  });

  it('an error that says applied, then a success, is a duplicate', () => {
    // Attempt 1: 0–100, the service charged and answered 500; attempt 2: 100–200 (no wait), charged again.
    const t = simulateOne({
      id: 'pay',
      effect: 'once',
      retry: { maxAttempts: 3, initialIntervalMs: 0 },
      faults: [{ kind: 'error', message: '500 after commit', retryable: true, applied: true, onAttempts: [1] }],
    });
    expect(call(t, 'pay').attempts.map((a) => a.effect)).toEqual(['applied', 'applied']);
    expect(call(t, 'pay').attempts[0].message).toBe('500 after commit (the work was done before the failure)');
    expect(effectOf(t, 'pay')).toMatchObject({ applied: 2, unknown: 0, duplicated: true, maybeDuplicated: false, landedMs: 200 });
  });

  it('an idempotent call is never duplicated, however often it applied', () => {
    const t = simulateOne({
      id: 'reserve',
      effect: 'idempotent',
      timeoutMs: 300,
      retry: { maxAttempts: 3, initialIntervalMs: 0 },
      faults: [
        { kind: 'error', message: '500 after commit', retryable: true, applied: true, onAttempts: [1] },
        { kind: 'timeout', onAttempts: [2] },
      ],
    });
    expect(effectOf(t, 'reserve')).toMatchObject({ kind: 'idempotent', applied: 2, unknown: 1, duplicated: false, maybeDuplicated: false });
  });

  it('errors and rate limits that do not say applied did nothing', () => {
    const t = simulateOne({
      id: 'pay',
      effect: 'once',
      retry: { maxAttempts: 3, initialIntervalMs: 0 },
      faults: [
        { kind: 'error', message: '503', retryable: true, onAttempts: [1] },
        { kind: 'rate_limit', retryAfterMs: 10, onAttempts: [2] },
      ],
    });
    expect(call(t, 'pay').attempts.map((a) => a.effect)).toEqual(['not_applied', 'not_applied', 'applied']);
    expect(effectOf(t, 'pay')).toMatchObject({ applied: 1, unknown: 0, duplicated: false, maybeDuplicated: false });
  });

  it('a call without an effect records none', () => {
    const t = simulate(makePlan([{ id: 'read' }]));
    expect(call(t, 'read').effect).toBeUndefined();
    expect(call(t, 'read').attempts[0].effect).toBeUndefined();
  });
});

describe('compensation after a stop (the saga rule)', () => {
  // Wave 1: flight (100 ms) and hotel (200 ms) both reserve; wave 2: pay fails at 250 and aborts the plan.
  const trip = (overrides: { flight?: object; hotel?: object } = {}, settings = {}) =>
    makePlan(
      [
        { id: 'flight', ms: 100, effect: 'once', compensation: comp(30, { tool: 'cancel_flight' }), ...overrides.flight },
        { id: 'hotel', ms: 200, effect: 'once', compensation: comp(40, { tool: 'cancel_hotel' }), ...overrides.hotel },
        { id: 'pay', ms: 50, onFailure: 'abort', faults: [hardError] },
      ],
      [
        ['flight', 'pay'],
        ['hotel', 'pay'],
      ],
      settings,
    );

  it('an abort after two landed effects undoes them one at a time, latest first', () => {
    const t = simulate(trip());
    expect(t.outcome).toBe('aborted');
    expect(t.makespanMs).toBe(250);
    // hotel landed at 200, flight at 100: hotel 250–290, then flight 290–320.
    expect(t.compensations.map((i) => t.calls[i].id)).toEqual(['hotel', 'flight']);
    expect(effectOf(t, 'hotel').compensation).toMatchObject({
      tool: 'cancel_hotel',
      status: 'succeeded',
      order: 0,
      startMs: 250,
      endMs: 290,
    });
    expect(effectOf(t, 'flight').compensation).toMatchObject({
      tool: 'cancel_flight',
      status: 'succeeded',
      order: 1,
      startMs: 290,
      endMs: 320,
    });
    expect(effectOf(t, 'hotel').leftInPlace).toBe(false);
    expect(t.settledMs).toBe(320);
  });

  it('ties in landing are undone later call first', () => {
    const t = simulate(trip({ flight: { ms: 200 } }));
    expect(t.compensations.map((i) => t.calls[i].id)).toEqual(['hotel', 'flight']);
    const swapped = simulate(
      makePlan(
        [
          { id: 'hotel', ms: 200, effect: 'once', compensation: comp(40) },
          { id: 'flight', ms: 200, effect: 'once', compensation: comp(30) },
          { id: 'pay', ms: 50, onFailure: 'abort', faults: [hardError] },
        ],
        [
          ['flight', 'pay'],
          ['hotel', 'pay'],
        ],
      ),
    );
    expect(swapped.compensations.map((i) => swapped.calls[i].id)).toEqual(['flight', 'hotel']);
  });

  it('a failing compensation leaves its effect in place, and the next one still runs', () => {
    const t = simulate(
      trip({
        hotel: {
          compensation: comp(40, { tool: 'cancel_hotel', faults: [{ kind: 'error', message: 'booking locked', onAttempts: [1] }] }),
        },
      }),
    );
    expect(effectOf(t, 'hotel')).toMatchObject({ leftInPlace: true, compensation: { status: 'failed', startMs: 250, endMs: 290 } });
    expect(effectOf(t, 'hotel').compensation?.attempts[0].message).toBe('booking locked');
    expect(effectOf(t, 'flight')).toMatchObject({ leftInPlace: false, compensation: { status: 'succeeded', startMs: 290, endMs: 320 } });
  });

  it('a compensation retries like a call', () => {
    // cancel_hotel fails retryably at 290, waits 500, succeeds 790–830; flight then 830–860.
    const t = simulate(
      trip({
        hotel: {
          compensation: comp(40, {
            retry: { maxAttempts: 2, initialIntervalMs: 500 },
            faults: [{ kind: 'error', message: '503', retryable: true, onAttempts: [1] }],
          }),
        },
      }),
    );
    expect(effectOf(t, 'hotel').compensation?.attempts.map((a) => [a.startMs, a.endMs, a.result])).toEqual([
      [250, 290, 'error'],
      [790, 830, 'ok'],
    ]);
    expect(effectOf(t, 'flight').compensation).toMatchObject({ startMs: 830, endMs: 860 });
    expect(t.settledMs).toBe(860);
  });

  it('a call that never landed is not compensated, and a call with no compensation is left in place', () => {
    const t = simulate(
      makePlan(
        [
          { id: 'email', ms: 10, effect: 'once' },
          { id: 'hold', ms: 10, effect: 'once', compensation: comp(5), faults: [{ kind: 'error', message: 'no seats', onAttempts: [1] }] },
          { id: 'pay', ms: 50, onFailure: 'abort', faults: [hardError] },
        ],
        [['email', 'pay']],
      ),
    );
    expect(effectOf(t, 'email')).toMatchObject({ leftInPlace: true, compensation: null, landedMs: 10 });
    expect(effectOf(t, 'hold')).toMatchObject({ applied: 0, leftInPlace: false, compensation: null, landedMs: null });
    expect(t.compensations).toEqual([]);
    expect(t.settledMs).toBe(60);
  });

  it('a deadline stop undoes landed effects past the deadline, a cancelled call included', () => {
    // a lands at 100; b is still running at the deadline (150): cancelled, its effect unknown, landed at 150.
    // b's compensation runs 150–250, then a's 250–350: past the deadline, which does not cut them.
    const t = simulate(
      makePlan(
        [
          { id: 'a', ms: 100, effect: 'once', compensation: comp(100) },
          { id: 'b', ms: 300, effect: 'once', compensation: comp(100) },
        ],
        [],
        { deadlineMs: 150 },
      ),
    );
    expect(t.outcome).toBe('deadline_exceeded');
    expect(t.makespanMs).toBe(150);
    expect(call(t, 'b').attempts[0]).toMatchObject({ result: 'cancelled', effect: 'unknown', endMs: 150 });
    expect(effectOf(t, 'b')).toMatchObject({ applied: 0, unknown: 1, landedMs: 150 });
    expect(t.compensations.map((i) => t.calls[i].id)).toEqual(['b', 'a']);
    expect(effectOf(t, 'a').compensation).toMatchObject({ startMs: 250, endMs: 350, status: 'succeeded' });
    expect(t.settledMs).toBe(350);
  });

  it('a hung compensation never settles the run, and the ones after it never start', () => {
    const t = simulate(trip({ hotel: { compensation: comp(40, { faults: [{ kind: 'timeout', onAttempts: [1] }] }) } }));
    expect(effectOf(t, 'hotel')).toMatchObject({ leftInPlace: true, compensation: { status: 'hung', startMs: 250, endMs: null } });
    expect(effectOf(t, 'flight')).toMatchObject({
      leftInPlace: true,
      compensation: { status: 'not_started', startMs: null, endMs: null, attempts: [] },
    });
    expect(t.settledMs).toBeNull();
    expect(t.makespanMs).toBe(250);
  });

  it('a timed-out compensation counts as not undone', () => {
    const t = simulate(trip({ hotel: { compensation: comp(40, { timeoutMs: 20 }) } }));
    expect(effectOf(t, 'hotel')).toMatchObject({ leftInPlace: true, compensation: { status: 'timed_out', endMs: 270 } });
    expect(effectOf(t, 'flight').compensation).toMatchObject({ startMs: 270, endMs: 300 });
  });

  it('nothing is compensated or left in place after a complete, partial or stuck run', () => {
    const partial = simulate(
      makePlan([
        { id: 'reserve', effect: 'once', compensation: comp(10) },
        { id: 'x', faults: [{ kind: 'error', message: 'x', onAttempts: [1] }] },
      ]),
    );
    expect(partial.outcome).toBe('partial');
    expect(effectOf(partial, 'reserve')).toMatchObject({ applied: 1, leftInPlace: false, compensation: null });
    expect(partial.compensations).toEqual([]);
  });

  it('the aborting call is itself undone when its failed attempt applied', () => {
    const t = simulate(
      makePlan([
        {
          id: 'pay',
          effect: 'once',
          onFailure: 'abort',
          compensation: comp(70, { tool: 'refund' }),
          faults: [{ kind: 'error', message: '500 after commit', applied: true, onAttempts: [1] }],
        },
      ]),
    );
    expect(effectOf(t, 'pay')).toMatchObject({
      applied: 1,
      leftInPlace: false,
      compensation: { tool: 'refund', status: 'succeeded', startMs: 100, endMs: 170 },
    });
  });

  it('the compensation phase is in the events, after the stop, in time order', () => {
    const t = simulate(trip());
    const kinds = t.events.filter((e) => e.type.startsWith('comp_')).map((e) => `${e.type}@${e.t}`);
    expect(kinds).toEqual(['comp_start@250', 'comp_end@290', 'comp_final@290', 'comp_start@290', 'comp_end@320', 'comp_final@320']);
    for (let i = 1; i < t.events.length; i++) expect(t.events[i].t).toBeGreaterThanOrEqual(t.events[i - 1].t);
  });
});

describe('random streams of compensations', () => {
  const jittery = (hotelComp: Omit<NonNullable<CallSpec['compensation']>, 'tool'>) =>
    makePlan(
      [
        {
          id: 'flight',
          latency: { kind: 'uniform', minMs: 50, maxMs: 150 },
          effect: 'once',
          compensation: comp(0, { latency: { kind: 'uniform', minMs: 10, maxMs: 90 } }),
        },
        { id: 'hotel', latency: { kind: 'uniform', minMs: 50, maxMs: 250 }, effect: 'once', compensation: { tool: 'undo', ...hotelComp } },
        {
          id: 'pay',
          latency: { kind: 'uniform', minMs: 10, maxMs: 90 },
          onFailure: 'abort',
          faults: [{ kind: 'error', message: 'x', probability: 0.7 }],
        },
      ],
      [
        ['flight', 'pay'],
        ['hotel', 'pay'],
      ],
    );

  it('a change to one call’s compensation leaves every other draw unchanged', () => {
    const a = jittery({ latency: { kind: 'uniform', minMs: 10, maxMs: 90 } });
    const b = jittery({
      latency: { kind: 'lognormal', p50Ms: 40, p95Ms: 400 },
      retry: { maxAttempts: 3 },
      faults: [{ kind: 'error', message: 'y', retryable: true, probability: 0.5 }],
    });
    let compared = 0;
    for (let run = 0; run < 200; run++) {
      const ta = simulate(a, { run });
      const tb = simulate(b, { run });
      expect(tb.calls.map((c) => c.attempts)).toEqual(ta.calls.map((c) => c.attempts));
      const flight = (t: Trace) => effectOf(t, 'flight').compensation;
      const fa = flight(ta);
      const fb = flight(tb);
      if (fa !== null && fb !== null && fa.endMs !== null && fb.endMs !== null && fa.startMs !== null && fb.startMs !== null) {
        expect(fb.endMs - fb.startMs).toBeCloseTo(fa.endMs - fa.startMs, 9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('many runs agree with single runs', () => {
  /** What the statistics should say, counted from full traces one run at a time. */
  function countFromTraces(plan: Plan, runs: number) {
    const ids = plan.calls.map((c) => c.id);
    const dup = new Map(ids.map((id) => [id, 0]));
    const maybe = new Map(ids.map((id) => [id, 0]));
    const left = new Map(ids.map((id) => [id, 0]));
    const any = { duplicated: 0, maybeDuplicated: 0, leftInPlace: 0, compensationFailed: 0 };
    for (let run = 0; run < runs; run++) {
      const t = simulate(plan, { run });
      const flags = { duplicated: false, maybeDuplicated: false, leftInPlace: false, compensationFailed: false };
      for (const c of t.calls) {
        const e = c.effect;
        if (e === undefined) continue;
        if (e.duplicated) dup.set(c.id, (dup.get(c.id) ?? 0) + 1);
        if (e.maybeDuplicated) maybe.set(c.id, (maybe.get(c.id) ?? 0) + 1);
        if (e.leftInPlace) left.set(c.id, (left.get(c.id) ?? 0) + 1);
        flags.duplicated ||= e.duplicated;
        flags.maybeDuplicated ||= e.maybeDuplicated;
        flags.leftInPlace ||= e.leftInPlace;
        const s = e.compensation?.status;
        flags.compensationFailed ||= s === 'failed' || s === 'timed_out' || s === 'hung';
      }
      for (const k of Object.keys(any) as (keyof typeof any)[]) if (flags[k]) any[k]++;
    }
    return { dup, maybe, left, any };
  }

  it('on random plans with effects, the kernel’s counts equal the traces’', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 6 }), (plan) => {
        const runs = 12;
        const stats = runMonteCarlo(plan, { runs });
        const expected = countFromTraces(plan, runs);
        for (const c of plan.calls) {
          const s = stats.calls[c.id];
          if ((c.effect ?? 'none') === 'none') {
            expect(s.duplicateRate).toBeUndefined();
            continue;
          }
          expect(s.duplicateRate).toBe((expected.dup.get(c.id) ?? 0) / runs);
          expect(s.maybeDuplicateRate).toBe((expected.maybe.get(c.id) ?? 0) / runs);
          expect(s.leftInPlaceRate).toBe((expected.left.get(c.id) ?? 0) / runs);
        }
        expect(stats.effects).toEqual({
          duplicated: expected.any.duplicated / runs,
          maybeDuplicated: expected.any.maybeDuplicated / runs,
          leftInPlace: expected.any.leftInPlace / runs,
          compensationFailed: expected.any.compensationFailed / runs,
        });
      }),
      { numRuns: 150, seed: 8 },
    );
  });

  it('on random plans, the settled instant is never before the makespan and every compensation follows the stop', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 8 }), fc.nat(50), (plan, run) => {
        const t = simulate(plan, { run });
        if (t.stop === null) expect(t.compensations).toEqual([]);
        if (t.settledMs !== null && t.makespanMs !== null) expect(t.settledMs).toBeGreaterThanOrEqual(t.makespanMs);
        for (const i of t.compensations) {
          const c = t.calls[i].effect?.compensation;
          if (c?.startMs != null && t.stop !== null) expect(c.startMs).toBeGreaterThanOrEqual(t.stop.atMs);
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('the share of duplicated runs of a retried, timing-out payment matches its probability', () => {
    // Attempt 1 times out with probability 0.5 (unknown); attempt 2 then applies or is unknown: maybe duplicated in half the runs.
    const plan = makePlan([
      {
        id: 'pay',
        effect: 'once',
        timeoutMs: 100,
        retry: { maxAttempts: 2, initialIntervalMs: 0 },
        faults: [{ kind: 'timeout', probability: 0.5 }],
      },
    ]);
    const stats = new MonteCarlo(plan);
    const r = stats.runChunk(0, 4000);
    expect(r.maybeDuplicated[0] / 4000).toBeGreaterThan(0.47);
    expect(r.maybeDuplicated[0] / 4000).toBeLessThan(0.53);
    expect(r.duplicated[0]).toBe(0);
  });
});
