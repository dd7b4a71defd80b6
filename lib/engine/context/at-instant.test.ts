// The context at instant t (docs/context.md#the-context-at-an-instant): only turns whose results are all in, a summary of the state at t.
import { describe, expect, it } from 'vitest';
import { buildContext, CONTEXT_FORMATS, type ContextFormat } from './index';
import { readContext } from './test-fixtures';
import { SCENARIOS, aborted, research, stuck, type Scenario } from './test-scenarios';

const FORMATS: ContextFormat[] = [...CONTEXT_FORMATS];
const at = (s: Scenario, f: ContextFormat, atMs: number) => readContext(buildContext(s.plan, s.trace, f, { atMs }));

describe('the context at an instant', () => {
  it.each(FORMATS)('%s: before any turn is complete it is only the summary, with every call pending', (f) => {
    const ctx = at(research(), f, 500);
    expect(ctx.turns).toEqual([]);
    expect(ctx.summary).toBe(
      [
        'Tool plan status at 500 ms: 4 calls — no results yet; 4 pending.',
        'Still pending:',
        '- search: running (attempt 1)',
        '- fetch_a: not started yet',
        '- fetch_b: not started yet',
        '- summarize: not started yet',
        'Plan outcome: in progress',
      ].join('\n'),
    );
  });

  it.each(FORMATS)('%s: holds only the turns whose calls are all final by t', (f) => {
    const s = research();
    expect(at(s, f, 999).turns).toHaveLength(0);
    expect(at(s, f, 1000).turns.map((t) => t.uses.map((u) => u.id))).toEqual([['search']]);
    expect(at(s, f, 9999).turns.map((t) => t.uses.map((u) => u.id))).toEqual([['search']]);
    expect(at(s, f, 10000).turns.map((t) => t.uses.map((u) => u.id))).toEqual([['search'], ['fetch_a', 'fetch_b']]);
  });

  it.each([
    [
      3500,
      ['- fetch_a: returned; its result comes back when the rest of model turn 2 is in', '- fetch_b: waiting to retry (attempt 2 next)'],
    ],
    [5000, ['- fetch_b: running (attempt 2)', '- summarize: not started yet']],
  ] as const)('the summary at %i ms says what each pending call is doing', (t, lines) => {
    for (const f of FORMATS) {
      const { summary } = at(research(), f, t);
      expect(summary).toContain(`Tool plan status at ${t} ms: 4 calls — 1 succeeded so far; 3 pending.`);
      for (const line of lines) expect(summary).toContain(line);
      expect(summary.endsWith('Plan outcome: in progress')).toBe(true);
    }
  });

  it.each(FORMATS)('%s: a skipped call is named as never started only once it was skipped', (f) => {
    expect(at(research(), f, 9999).summary).toContain('- summarize: not started yet');
    expect(at(research(), f, 10000).summary).toContain('- summarize: skipped — needs fetch_b, which timed out');
  });

  it.each(FORMATS.flatMap((f) => [10000, 10001, 1e9].map((t) => [f, t] as const)))(
    '%s: at or after the end of the run (t = %d) it is the whole run’s context',
    (f, t) => {
      const s = research();
      expect(buildContext(s.plan, s.trace, f, { atMs: t })).toEqual(buildContext(s.plan, s.trace, f));
    },
  );

  it.each(FORMATS)('%s: an abort is in progress one instant before it and final at it', (f) => {
    const s = aborted();
    expect(at(s, f, 499).summary).toContain('Plan outcome: in progress');
    expect(at(s, f, 499).turns).toHaveLength(0);
    expect(at(s, f, 500).summary).toContain('Plan outcome: aborted');
    expect(at(s, f, 500).turns[0].results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it.each(FORMATS)('%s: a turn holding a hung call never enters the context at an instant, but the whole run reports it', (f) => {
    const s = stuck();
    for (const t of [5, 10, 1e9]) expect(at(s, f, t).turns).toEqual([]);
    const late = at(s, f, 1e9).summary;
    expect(late).toContain('- h: running (attempt 1)');
    expect(late).toContain('- fast: returned; its result comes back when the rest of model turn 1 is in');
    expect(late).toContain('- next: not started — waiting on h, which never returned');
    expect(late.endsWith('Plan outcome: stuck — h never returned')).toBe(true);
    expect(at(s, f, 5).summary.endsWith('Plan outcome: in progress')).toBe(true);
    const whole = readContext(buildContext(s.plan, s.trace, f));
    expect(whole.turns[0].results.map((r) => [r.id, r.isError])).toEqual([
      ['h', true],
      ['fast', false],
    ]);
  });

  it.each(FORMATS.flatMap((f) => Object.entries(SCENARIOS).map(([name, make]) => [f, name, make] as const)))(
    '%s / %s: at every instant each tool use has its result and every call is either a result or named in the summary',
    (f, _name, make) => {
      const s = make();
      const end = s.trace.makespanMs ?? 100;
      for (let i = 0; i <= 40; i++) {
        const t = (end * i) / 32;
        const ctx = at(s, f, t);
        const expectedTurns = s.trace.turns.filter((x) => x.endMs !== null && x.endMs <= t && x.calls.length > 0).length;
        if (t < end || s.trace.outcome === 'stuck') expect(ctx.turns).toHaveLength(expectedTurns);
        const shown = new Set<string>();
        for (const turn of ctx.turns) {
          expect(turn.results.map((r) => r.id)).toEqual(turn.uses.map((u) => u.id));
          for (const r of turn.results) shown.add(r.id);
        }
        for (const c of s.trace.calls) if (!shown.has(c.id)) expect(ctx.summary).toContain(`- ${c.id}: `);
      }
    },
  );
});
