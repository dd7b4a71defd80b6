// The sentence over a drilled-in canvas: which nested run is shown, what failed inside, and whether the orchestrator
// was told (an opaque report hides it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { makePlan } from '@/lib/engine/testing/build';
import { parsePlan, type Plan } from '@/lib/plan';
import { drillNote, failureBreakdown } from './drill-note';

function example(name: string): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`${name} is invalid`);
  return r.plan;
}

const opaque = example('subagent-incomplete');
const explicit: Plan = { ...opaque, calls: opaque.calls.map((c) => (c.id === 'research' ? { ...c, report: 'explicit' as const } : c)) };

describe('the drill-down sentence', () => {
  it('says nothing at the top plan', () => {
    expect(drillNote(opaque, [], null, null)).toBeNull();
  });

  it('asks for a run before there is one', () => {
    expect(drillNote(opaque, ['research'], null, null)).toEqual({
      tone: 'info',
      text: 'Inside research (opaque report): run the plan to see what happens in it.',
    });
  });

  it('counts the failures an opaque report hid from the orchestrator', () => {
    const note = drillNote(opaque, ['research'], simulate(opaque), opaque);
    expect(note).toEqual({
      tone: 'hidden',
      text: 'Inside research (opaque report): this run’s nested run, attempt 1 — 2 of its 5 calls did not succeed (1 failed, 1 timed out); the orchestrator saw none of it.',
    });
  });

  it('with an explicit report, says the orchestrator was told', () => {
    const trace = simulate(explicit);
    const note = drillNote(explicit, ['research'], trace, explicit);
    expect(note?.tone).toBe('info');
    expect(note?.text).toBe(
      'Inside research (explicit report): this run’s nested run, attempt 1 — 2 of its 5 calls did not succeed (1 failed, 1 timed out); its report told the orchestrator, which saw research as partial.',
    );
  });

  it('says so when the sub-agent never ran in this run', () => {
    const nested = makePlan([{ id: 'inner' }]);
    const plan = makePlan(
      [
        { id: 'auth', faults: [{ kind: 'error', message: '401', retryable: false, onAttempts: [1] }] },
        { id: 'agent', kind: 'agent', report: 'opaque', plan: nested },
      ],
      [['auth', 'agent']],
    );
    expect(drillNote(plan, ['agent'], simulate(plan), plan)?.text).toBe(
      'Inside agent (opaque report): it never ran in this run (skipped).',
    );
  });

  it('says when every nested call succeeded', () => {
    const plan = makePlan([{ id: 'agent', kind: 'agent', report: 'opaque', plan: makePlan([{ id: 'inner' }]) }]);
    expect(drillNote(plan, ['agent'], simulate(plan), plan)?.text).toBe(
      'Inside agent (opaque report): this run’s nested run, attempt 1 — its one call succeeded.',
    );
  });

  it('breaks failures down by status, in the usual order', () => {
    const trace = simulate(opaque).calls[0].attempts[0].nested;
    expect(trace && failureBreakdown(trace)).toEqual({ bad: 2, words: '1 failed, 1 timed out' });
  });
});
