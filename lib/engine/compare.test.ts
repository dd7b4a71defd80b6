// The three strategies side by side: their makespans are the closed forms of docs/engine.md on a fixed plan.
import { describe, expect, it } from 'vitest';
import { compareStrategies } from './compare';
import { makePlan } from './testing/build';

describe('compareStrategies', () => {
  it('runs the same plan and seed under waves, eager and sequential', () => {
    // a (100) and b (300) need nothing; c (200) needs a; a model turn costs 50 ms.
    const plan = makePlan(
      [
        { id: 'a', ms: 100 },
        { id: 'b', ms: 300 },
        { id: 'c', ms: 200 },
      ],
      [['a', 'c']],
      { modelTurnMs: 50 },
    );
    expect(compareStrategies(plan)).toEqual([
      { strategy: 'waves', outcome: 'complete', makespanMs: 600 },
      { strategy: 'eager', outcome: 'complete', makespanMs: 350 },
      { strategy: 'sequential', outcome: 'complete', makespanMs: 750 },
    ]);
  });

  it('keeps a stopped run’s outcome beside its time', () => {
    const plan = makePlan(
      [
        { id: 'a', ms: 100 },
        { id: 'b', ms: 300 },
      ],
      [],
      { deadlineMs: 350, modelTurnMs: 0 },
    );
    const byStrategy = Object.fromEntries(compareStrategies(plan).map((r) => [r.strategy, r]));
    expect(byStrategy.waves).toEqual({ strategy: 'waves', outcome: 'complete', makespanMs: 300 });
    expect(byStrategy.sequential).toEqual({ strategy: 'sequential', outcome: 'deadline_exceeded', makespanMs: 350 });
  });
});
