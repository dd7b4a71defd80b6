// Scenario fault resolution: replacement, fall-through, and ids that look like object internals.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse';
import { activeScenario, effectiveFaults } from './scenario';

const plan = (scenario: string | null) => {
  const r = parsePlan({
    format: 'toolwave.plan',
    version: 1,
    name: 'p',
    settings: { scenario },
    calls: [
      { id: 'search', tool: 't', latency: { kind: 'fixed', ms: 1 }, faults: [{ kind: 'slow', factor: 2, probability: 1 }] },
      { id: 'constructor', tool: 't', latency: { kind: 'fixed', ms: 1 } },
    ],
    dependencies: [],
    scenarios: [{ id: 'down', name: 'Search down', faults: { search: [{ kind: 'error', message: '503', onAttempts: [1] }] } }],
  });
  if (!r.ok) throw new Error('invalid');
  return r.plan;
};

describe('scenarios', () => {
  it('an active scenario replaces the faults it lists for a call', () => {
    const p = plan('down');
    expect(effectiveFaults(p.calls[0], activeScenario(p)).map((f) => f.kind)).toEqual(['error']);
  });

  it('a call the scenario does not list keeps its own faults, whatever its id', () => {
    const p = plan('down');
    expect(effectiveFaults(p.calls[1], activeScenario(p))).toEqual([]);
  });

  it('with no active scenario every call keeps its own faults', () => {
    const p = plan(null);
    expect(activeScenario(p)).toBeUndefined();
    expect(effectiveFaults(p.calls[0], undefined).map((f) => f.kind)).toEqual(['slow']);
  });
});
