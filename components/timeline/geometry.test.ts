// The timeline's geometry on real simulate() traces of small deterministic plans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine/simulate';
import { makePlan, summary } from '@/lib/engine/testing/build';
import { arbitraryPlan } from '@/lib/plan/testing/arbitrary';
import type { Plan } from '@/lib/plan/schema';
import { attemptAt, cursorX, niceTicks, rowAt, scrubTime, timelineGeometry, type Timeline, attemptTone } from './geometry';

// A 1000-px plot after a 100-px label column: with a 1000-ms run, 1 px is 1 ms.
const OPTS = { width: 1100, rowHeight: 20, groupGap: 10, labelWidth: 100 };
const EAGER = { strategy: 'eager' as const, modelTurnMs: 0 };

function geometry(plan: Plan): Timeline {
  return timelineGeometry(plan, simulate(plan), OPTS);
}
const barsOf = (g: Timeline, row: number) => g.bars.filter((b) => b.row === row);
const retryable = (onAttempts: number[]) => ({ kind: 'error' as const, message: '503 Service Unavailable', retryable: true, onAttempts });
const retry = (maxAttempts: number, initialIntervalMs = 100) => ({
  maxAttempts,
  initialIntervalMs,
  backoffCoefficient: 2,
  jitter: 'none' as const,
});

/** a fails twice (retryable), 200 ms each, waits 100 then 200: [0,200] · [300,500] · [700,900]; b sets t1 = 1000. */
const retriedPlan = () =>
  makePlan(
    [
      { id: 'a', ms: 200, retry: retry(3), faults: [retryable([1, 2])] },
      { id: 'b', ms: 1000 },
    ],
    [],
    EAGER,
  );

describe('rows and groups', () => {
  // Plan order b, a, c, d; graph waves a = c = 0, b = 1, d = 2.
  const plan = makePlan(
    [{ id: 'b' }, { id: 'a', label: 'Search the web' }, { id: 'c' }, { id: 'd' }],
    [
      ['a', 'b'],
      ['b', 'd'],
    ],
  );
  const g = geometry(plan);

  it('rows are grouped by graph wave, waves in order, calls in plan order within a wave', () => {
    expect(g.rows.map((r) => [r.id, r.wave])).toEqual([
      ['a', 0],
      ['c', 0],
      ['b', 1],
      ['d', 2],
    ]);
    expect(g.groups.map((x) => x.label)).toEqual(['Wave 1', 'Wave 2', 'Wave 3']);
  });

  it('each group spans its rows, after a gap, below the model-turn lane', () => {
    expect(g.turnLane).toEqual({ y: 0, height: 20 });
    expect(g.groups.map((x) => [x.y, x.height])).toEqual([
      [30, 40],
      [80, 20],
      [110, 20],
    ]);
    expect(g.rows.map((r) => r.y)).toEqual([30, 50, 80, 110]);
    expect(g.height).toBe(130);
  });

  it('a row carries the call index, its label (or id) and its final status', () => {
    expect(g.rows[0]).toMatchObject({ index: 1, id: 'a', label: 'Search the web', status: 'succeeded' });
    expect(g.rows[2]).toMatchObject({ index: 0, id: 'b', label: 'b' });
  });
});

describe('attempts, retry waits and timeouts', () => {
  const g = geometry(retriedPlan());

  it('the scale maps [0, makespan] onto the plot, and back', () => {
    expect(g.scale.t1).toBe(1000);
    expect([g.scale.x(0), g.scale.x(500), g.scale.x(1000)]).toEqual([100, 600, 1100]);
    expect([g.scale.t(600), g.scale.t(0), g.scale.t(5000)]).toEqual([500, 0, 1000]);
  });

  it('there is one bar per attempt at its start, as wide as it lasted, coloured by its result', () => {
    expect(barsOf(g, 0).map((b) => [b.attempt, b.x, b.width, b.result, b.open])).toEqual([
      [1, 100, 200, 'error', false],
      [2, 400, 200, 'error', false],
      [3, 800, 200, 'ok', false],
    ]);
    expect(barsOf(g, 0)[0]).toMatchObject({ y: 30 + 3, height: 14 });
  });

  it('a retry wait is drawn from an attempt’s end to the next attempt’s start', () => {
    expect(g.waits.map((w) => [w.row, w.attempt, w.x, w.width])).toEqual([
      [0, 2, 300, 100],
      [0, 3, 600, 200],
    ]);
  });

  it('a timeout is marked where it cut the attempt', () => {
    // a: 100 ms but hangs on attempt 1, cut at 300 ms; waits 100; attempt 2 [400, 500]. b sets t1 = 1000.
    const p = makePlan(
      [
        { id: 'a', timeoutMs: 300, retry: retry(2), faults: [{ kind: 'timeout', onAttempts: [1] }] },
        { id: 'b', ms: 1000 },
      ],
      [],
      EAGER,
    );
    const t = geometry(p);
    expect(barsOf(t, 0).map((b) => [b.x, b.width, b.result])).toEqual([
      [100, 300, 'timeout'],
      [500, 100, 'ok'],
    ]);
    expect(t.timeoutMarks).toEqual([{ row: 0, attempt: 1, x: 400, y: 30, height: 20 }]);
  });

  it('a 0-ms attempt still gets a 1-px bar', () => {
    const t = geometry(
      makePlan(
        [
          { id: 'a', ms: 0 },
          { id: 'b', ms: 1000 },
        ],
        [],
        EAGER,
      ),
    );
    expect(barsOf(t, 0)).toMatchObject([{ x: 100, width: 1 }]);
  });

  it('a hang with no end runs open to the end of a stuck run (its last finite instant)', () => {
    const p = makePlan(
      [
        { id: 'a', faults: [{ kind: 'timeout', onAttempts: [1] }] },
        { id: 'b', ms: 500 },
      ],
      [],
      EAGER,
    );
    const trace = simulate(p);
    expect(trace.outcome).toBe('stuck');
    const t = timelineGeometry(p, trace, OPTS);
    expect(t.scale.t1).toBe(500);
    expect(barsOf(t, 0)).toMatchObject([{ x: 100, width: 1000, result: 'hang', open: true }]);
    expect(t.stopLine).toBeNull();
  });
});

describe('the stop line', () => {
  it('an abort is a line at its instant, naming the call that aborted', () => {
    const p = makePlan(
      [
        { id: 'auth', ms: 1050, onFailure: 'abort', faults: [{ kind: 'error', message: '401', onAttempts: [1] }] },
        { id: 'b', ms: 2000 },
      ],
      [],
      EAGER,
    );
    const g = geometry(p);
    expect(g.scale.t1).toBe(1050);
    expect(g.stopLine).toEqual({ x: 1100, reason: 'abort', label: 'aborted by auth at 1.05 s' });
  });

  it('a cancelled attempt ends at the stop line', () => {
    const p = makePlan(
      [
        { id: 'a', ms: 400, onFailure: 'abort', faults: [{ kind: 'error', message: '401', onAttempts: [1] }] },
        { id: 'b', ms: 2000 },
        { id: 'c', ms: 1000 },
      ],
      [],
      EAGER,
    );
    const trace = simulate(p);
    const g = timelineGeometry(p, trace, OPTS);
    expect(summary(trace).b.status).toBe('cancelled');
    const [bar] = barsOf(g, 1);
    expect(bar).toMatchObject({ result: 'cancelled', open: false });
    expect(bar.x + bar.width).toBe(g.stopLine?.x);
  });

  it('a deadline is a line at the deadline', () => {
    const p = makePlan(
      [
        { id: 'a', ms: 1000 },
        { id: 'b', ms: 5000 },
      ],
      [],
      { ...EAGER, deadlineMs: 3000 },
    );
    const g = geometry(p);
    expect(g.stopLine).toEqual({ x: 1100, reason: 'deadline', label: 'deadline 3 s' });
    expect(barsOf(g, 1)).toMatchObject([{ x: 100, width: 1000, result: 'cancelled' }]);
  });

  it('a retry wait the plan stopped during ends at the stop', () => {
    // a fails at 200 and would wait 1000 ms; the deadline at 500 cuts the wait. b sets t1 = 500.
    const p = makePlan(
      [
        { id: 'a', ms: 200, retry: retry(2, 1000), faults: [retryable([1])] },
        { id: 'b', ms: 5000 },
      ],
      [],
      { ...EAGER, deadlineMs: 500 },
    );
    const g = geometry(p);
    expect(g.scale.t1).toBe(500);
    expect(g.waits).toEqual([{ row: 0, attempt: 2, x: 500, width: 600, y: 33, height: 14 }]);
  });
});

describe('model turns', () => {
  /** a (200 ms) then b (`bMs`), with model turns of 100 ms under `strategy`. */
  const aThenB = (strategy: 'waves' | 'eager', bMs: number) =>
    makePlan(
      [
        { id: 'a', ms: 200 },
        { id: 'b', ms: bMs },
      ],
      [['a', 'b']],
      { strategy, modelTurnMs: 100 },
    );

  it('under waves each wave is a turn: thinking, then executing until its wave ends', () => {
    // Turn 1 [0, 100] thinking, a runs [100, 300]; turn 2 [300, 400] thinking, b runs [400, 1000].
    const g = geometry(aThenB('waves', 600));
    expect(g.turns).toEqual([
      { index: 0, wave: 0, label: 'Model turn 1', thinking: { x: 100, width: 100 }, executing: { x: 200, width: 200 } },
      { index: 1, wave: 1, label: 'Model turn 2', thinking: { x: 400, width: 100 }, executing: { x: 500, width: 600 } },
    ]);
  });

  it('under eager there is one turn, executing the whole plan', () => {
    const g = geometry(aThenB('eager', 700));
    expect(g.turns).toEqual([
      { index: 0, wave: null, label: 'Model turn 1', thinking: { x: 100, width: 100 }, executing: { x: 200, width: 900 } },
    ]);
  });
});

describe('the critical path', () => {
  // s fans out to a fast and a slow branch that join in j.
  const plan = (strategy: 'eager' | 'waves' | 'sequential') =>
    makePlan(
      [{ id: 's' }, { id: 'fast', ms: 200 }, { id: 'slow', ms: 600 }, { id: 'j' }],
      [
        ['s', 'fast'],
        ['s', 'slow'],
        ['fast', 'j'],
        ['slow', 'j'],
      ],
      { strategy, modelTurnMs: 50 },
    );

  it.each(['eager', 'waves', 'sequential'] as const)('under %s the critical path of a fan-out/join is the slow branch', (strategy) => {
    const g = geometry(plan(strategy));
    expect(g.criticalPath.map((i) => g.rows.find((r) => r.index === i)?.id)).toEqual(['s', 'slow', 'j']);
    expect(g.rows.filter((r) => r.critical).map((r) => r.id)).toEqual(['s', 'slow', 'j']);
  });

  it('a slow retry can move the critical path to the branch that retried', () => {
    const p = makePlan(
      [{ id: 's' }, { id: 'fast', ms: 200, retry: retry(2, 1000), faults: [retryable([1])] }, { id: 'slow', ms: 600 }, { id: 'j' }],
      [
        ['s', 'fast'],
        ['s', 'slow'],
        ['fast', 'j'],
        ['slow', 'j'],
      ],
      EAGER,
    );
    expect(
      geometry(p)
        .rows.filter((r) => r.critical)
        .map((r) => r.id),
    ).toEqual(['s', 'fast', 'j']);
  });

  it('under abort the path ends at the call that aborted', () => {
    const p = makePlan(
      [
        { id: 's' },
        { id: 'auth', onFailure: 'abort', faults: [{ kind: 'error', message: '401', onAttempts: [1] }] },
        { id: 'long', ms: 900 },
      ],
      [['s', 'auth']],
      EAGER,
    );
    expect(
      geometry(p)
        .rows.filter((r) => r.critical)
        .map((r) => r.id),
    ).toEqual(['s', 'auth']);
  });
});

describe('ticks', () => {
  it.each([
    [1, 300],
    [7, 1000],
    [999, 800],
    [1000, 1000],
    [1234.5, 400],
    [3.3, 2000],
    [60000, 1200],
    [123456, 100],
  ])('ticks for a %s-ms run over %s px are round steps, 4 to 10 of them, within range', (t1, width) => {
    const ticks = niceTicks(t1, width);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks[0]).toEqual({ t: 0, label: '0' });
    expect(ticks[ticks.length - 1].t).toBeLessThanOrEqual(t1);
    const step = ticks[1].t;
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 5]).toContainEqual(parseFloat(mantissa.toPrecision(6)));
    ticks.forEach((k, i) => expect(k.t).toBeCloseTo(i * step, 9));
  });

  it.each([
    // The longest run the plan bounds allow is below 1e46 ms (docs/plan-format.md, "Bounds").
    [9.9e45, 1000],
    [4e17, 800],
    [2 ** 53 + 2, 300],
  ])('ticks for an extreme but valid %s-ms run are still 4 to 10 round steps', (t1, width) => {
    const ticks = niceTicks(t1, width);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks.every((k) => Number.isFinite(k.t) && k.t <= t1)).toBe(true);
  });

  it.each([Infinity, NaN, -5, Number.MAX_VALUE])('a run end of %s gives a few finite ticks instead of looping forever', (t1) => {
    const ticks = niceTicks(t1, 1000);
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks.every((k) => Number.isFinite(k.t))).toBe(true);
  });

  it('a geometry’s ticks sit on the scale', () => {
    const g = geometry(makePlan([{ id: 'a', ms: 1000 }], [], EAGER));
    // 1000 px of plot asks for 10 ticks at most: 100-ms steps would make 11, so 200-ms steps.
    expect(g.ticks.map((k) => k.t)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(g.ticks.map((k) => k.x)).toEqual([100, 300, 500, 700, 900, 1100]);
    expect(g.ticks.map((k) => k.label)).toEqual(['0', '200 ms', '400 ms', '600 ms', '800 ms', '1 s']);
  });
});

describe('hit-testing', () => {
  const plan = retriedPlan();
  const g = geometry(plan);

  it.each([
    [150, 40, 'a', 1],
    [450, 40, 'a', 2],
    [999, 40, 'a', 3],
    [700, 60, 'b', 1],
  ])('the point (%s, %s) is over %s attempt %s', (x, y, id, attempt) => {
    const bar = attemptAt(g, x, y);
    expect(bar && [plan.calls[bar.row].id, bar.attempt]).toEqual([id, attempt]);
  });

  it.each([
    [350, 40, 'in a retry wait'],
    [700, 40, 'between bars'],
    [150, 31, 'in a row but above its bars'],
    [150, 10, 'in the turn lane'],
    [50, 40, 'in the label column'],
    [150, 500, 'below every row'],
  ])('nothing is hit at (%s, %s) %s', (x, y) => {
    expect(attemptAt(g, x, y)).toBeNull();
  });

  it('rowAt finds the row for click-to-select, and nothing in a gap', () => {
    expect(rowAt(g, 30)?.id).toBe('a');
    expect(rowAt(g, 49.9)?.id).toBe('a');
    expect(rowAt(g, 50)?.id).toBe('b');
    expect(rowAt(g, 25)).toBeNull();
    expect(rowAt(g, 70)).toBeNull();
  });
});

describe('properties', () => {
  it('an attempt that starts at the very end of the axis does not overlap the one before it', () => {
    // Attempt 1 times out at 1 ms, attempt 2 takes 0 ms at 1 ms, and the run ends at about 1 ms.
    const plan = makePlan(
      [
        { id: 'a', ms: 0, timeoutMs: 1, retry: { maxAttempts: 2, initialIntervalMs: 0 }, faults: [{ kind: 'timeout', onAttempts: [1] }] },
        { id: 'b', latency: { kind: 'lognormal', p50Ms: 1, p95Ms: 2 } },
      ],
      [],
      { seed: 0 },
    );
    const g = timelineGeometry(plan, simulate(plan), { width: 200, rowHeight: 18, groupGap: 6, labelWidth: 120 });
    const row = g.bars.filter((bar) => bar.row === 0);
    expect(row).toHaveLength(2);
    expect(row[0].x + row[0].width).toBeLessThanOrEqual(row[1].x + 1e-6);
    expect(row[1].x + row[1].width).toBeLessThanOrEqual(200 + 1e-6);
  });

  it('for any plan: bars lie within the plot, a row’s bars never overlap, and every attempt has exactly one bar', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 8 }), fc.integer({ min: 200, max: 1600 }), (plan, width) => {
        const trace = simulate(plan);
        const opts = { width, rowHeight: 18, groupGap: 6, labelWidth: 120 };
        const g = timelineGeometry(plan, trace, opts);
        const eps = 1e-6;
        for (const b of g.bars) {
          expect(b.x).toBeGreaterThanOrEqual(opts.labelWidth - eps);
          expect(b.x + b.width).toBeLessThanOrEqual(opts.width + eps);
          expect(b.width).toBeGreaterThanOrEqual(1 - eps);
        }
        trace.calls.forEach((c, i) => {
          const row = barsOf(g, i);
          expect(row.map((b) => b.attempt)).toEqual(c.attempts.map((a) => a.n));
          for (let k = 1; k < row.length; k++) expect(row[k - 1].x + row[k - 1].width).toBeLessThanOrEqual(row[k].x + eps);
        });
        expect(g.bars).toHaveLength(trace.calls.reduce((n, c) => n + c.attempts.length, 0));
        expect(g.rows.map((r) => r.index).sort((a, b) => a - b)).toEqual(trace.calls.map((_, i) => i));
        for (const w of g.waits) expect(w.x + w.width).toBeLessThanOrEqual(opts.width + eps);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the playback cursor and scrubbing', () => {
  // A 1000-ms run on a 1000-px plot after 100 px of labels: 1 px is 1 ms.
  const g = geometry(makePlan([{ id: 'a', ms: 1000 }], [], EAGER));

  it('the cursor sits at its instant, held inside the plot', () => {
    expect([0, 250, 1000].map((t) => cursorX(g.scale, t))).toEqual([100, 350, 1100]);
    expect(cursorX(g.scale, -300)).toBe(100);
    expect(cursorX(g.scale, 5000)).toBe(1100);
    expect(cursorX(g.scale, Infinity)).toBe(1100);
    expect(cursorX(g.scale, Number.NaN)).toBe(100);
  });

  it('a scrub at x asks for the instant under it, within the run', () => {
    expect([100, 350, 1100].map((x) => scrubTime(g.scale, x))).toEqual([0, 250, 1000]);
    expect(scrubTime(g.scale, 20)).toBe(0);
    expect(scrubTime(g.scale, 4000)).toBe(1000);
    expect(scrubTime(g.scale, Number.NaN)).toBe(0);
  });

  it('scrubbing to the cursor’s x gives back its instant', () => {
    for (const t of [0, 1, 123.5, 999, 1000]) expect(scrubTime(g.scale, cursorX(g.scale, t))).toBeCloseTo(t, 9);
  });
});

describe('attemptTone', () => {
  it('colours every kind of failure alike, and the rest by their own name', () => {
    expect((['ok', 'partial', 'cancelled', 'hang', 'error', 'rate_limited', 'timeout'] as const).map(attemptTone)).toEqual([
      'ok',
      'partial',
      'cancelled',
      'hang',
      'bad',
      'bad',
      'bad',
    ]);
  });
});
