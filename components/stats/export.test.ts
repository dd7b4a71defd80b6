// Statistics files: the JSON carries the numbers of docs/cli.md's many runs, the CSV one row per call and never a live formula.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MonteCarlo, runMonteCarlo } from '@/lib/engine/montecarlo';
import { summarize } from '@/lib/engine/reliability';
import { parsePlan, type Plan } from '@/lib/plan';
import type { StatsResult } from '@/lib/store/stats';
import { csvField, statsCsv, statsJson } from './export';

function example(name: string): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.plan;
}

function result(withB: boolean): StatsResult {
  const plan = example('flaky-api');
  const mc = new MonteCarlo(plan);
  const a = summarize(mc.cp.ids, [mc.runChunk(0, 500)]);
  return {
    planA: plan,
    a,
    planB: withB ? plan : null,
    b: withB ? a : null,
    hurts: null,
    hurtRuns: 0,
    runs: 500,
    seed: plan.settings.seed,
    revision: 0,
  };
}

describe('statsJson', () => {
  it('holds the CLI statistics of A, and B with the deltas when compared', () => {
    const r = result(true);
    const doc = JSON.parse(statsJson(r));
    const cli = runMonteCarlo(r.planA, { runs: 500 });
    expect(doc.variants[0]).toMatchObject({ variant: 'A', runs: 500, outcomes: cli.outcomes, makespanMs: cli.makespanMs });
    expect(doc.variants[0].calls).toEqual(JSON.parse(JSON.stringify(cli.calls)));
    expect(doc.variants).toHaveLength(2);
    expect(doc.deltas.successPoints).toBe(0);
    expect(JSON.parse(statsJson(result(false))).deltas).toBeUndefined();
  });
});

describe('side effects in the files', () => {
  const trip = (): StatsResult => {
    const plan = example('double-charge');
    const mc = new MonteCarlo(plan);
    const a = summarize(mc.cp.ids, [mc.runChunk(0, 300)], mc.cp.effect);
    return { planA: plan, a, planB: null, b: null, hurts: null, hurtRuns: 0, runs: 300, seed: plan.settings.seed, revision: 0 };
  };

  it('the JSON carries the CLI’s effect rates and shares', () => {
    const doc = JSON.parse(statsJson(trip()));
    const cli = runMonteCarlo(trip().planA, { runs: 300 });
    expect(doc.variants[0].calls.charge_card).toEqual(cli.calls.charge_card);
    expect(doc.variants[0].calls.charge_card.maybeDuplicateRate).toBe(1);
    expect(doc.variants[0].effects).toEqual(cli.effects);
  });

  it('the CSV adds per-call rates and plan-wide shares', () => {
    const lines = statsCsv(trip()).trim().split('\n');
    expect(lines[0]).toBe(
      '"variant","call","success_rate","mean_attempts","gain_if_never_failed_points","duplicate_rate","maybe_duplicate_rate","left_in_place_rate"',
    );
    expect(lines.find((l) => l.startsWith('"A","charge_card"'))).toMatch(/,0,1,0$/);
    expect(lines.find((l) => l.startsWith('"A","load_cart"'))).toMatch(/,,,$/);
    expect(lines.find((l) => l.startsWith('"variant","runs"'))).toContain(
      '"runs_duplicated","runs_maybe_duplicated","runs_left_in_place","runs_compensation_failed"',
    );
  });
});

describe('statsCsv', () => {
  it('has a row per call and one per variant of outcomes', () => {
    const r = result(false);
    const lines = statsCsv(r).trim().split('\n');
    expect(lines[0]).toBe('"variant","call","success_rate","mean_attempts","gain_if_never_failed_points"');
    expect(lines.filter((l) => l.startsWith('"A",')).length).toBe(r.planA.calls.length + 1);
  });

  it('quotes text and defuses formulas', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe(`"'-1"`);
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
  });
});

describe('injected faults in the files', () => {
  it('say how many injected faults shaped the runs, and a plan without any keeps its columns', async () => {
    const { injectFault } = await import('@/lib/plan/inject');
    const plain = result(false);
    const first = plain.planA.calls[0].id;
    const planA = injectFault(injectFault(plain.planA, first, 'error', 'every').plan, first, 'slow', 'every').plan;
    const r: StatsResult = { ...plain, planA };
    expect(JSON.parse(statsJson(r)).variants[0].injected).toEqual({
      faults: 2,
      calls: 1,
      words: `2 injected faults in force on ${first} (one-click injections, not part of the design)`,
    });
    expect(statsCsv(r)).toContain('"variant","runs","injected_faults"');
    expect(statsCsv(r)).toMatch(/\n"A",500,2,/);
    expect(JSON.parse(statsJson(plain)).variants[0].injected).toBeUndefined();
    expect(statsCsv(plain)).not.toContain('injected_faults');
  });
});
