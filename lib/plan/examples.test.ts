// The built-in example plans in public/examples: each parses as a user's import would, index.json lists exactly them,
// and each still shows what its description promises.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatProblem, parsePlanText } from './parse';
import { adjacency, computeWaves } from './graph';
import { references } from './references';
import type { Plan, ToolCall } from './schema';
import { reviewPlan } from './review';
import { simulate } from '../engine/simulate';
import { TEACHING_ORDER } from './test-examples';

const DIR = join(__dirname, '..', '..', 'public', 'examples');

const indexSchema = z.array(z.strictObject({ file: z.string(), name: z.string(), description: z.string() }));

const exampleFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .sort();

function load(file: string): Plan {
  const result = parsePlanText(readFileSync(join(DIR, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.plan;
}

function rawJson(file: string): unknown {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8'));
}

/** Every plan in an example: the top plan and each nested sub-agent plan. */
function allPlans(plan: Plan): Plan[] {
  return [plan, ...plan.calls.flatMap((c) => (c.plan ? allPlans(c.plan) : []))];
}

/** The call ids an input references as `{{id}}` or `{{id.path}}` (the one parser the engine and editor use). */
function referencedIds(input: ToolCall['input']): Set<string> {
  return new Set(references(input).map((r) => r.callId));
}

function hasKeyDeep(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKeyDeep(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k === key || hasKeyDeep(v, key));
  return false;
}

function wavesOf(plan: Plan): number[] {
  return computeWaves(
    adjacency(
      plan.calls.map((c) => c.id),
      plan.dependencies,
    ),
  );
}

const call = (plan: Plan, id: string) => {
  const found = plan.calls.find((c) => c.id === id);
  if (!found) throw new Error(`no call ${id}`);
  return found;
};

describe('public/examples', () => {
  it('holds the eight teaching examples', () => {
    expect(exampleFiles).toEqual([...TEACHING_ORDER].sort());
  });

  it.each(exampleFiles)('%s parses as a valid plan', (file) => {
    const plan = load(file);
    expect(plan.format).toBe('toolwave.plan');
    expect(plan.version).toBe(1);
  });

  it.each(exampleFiles)('%s has a 2-3 sentence description and no position fields', (file) => {
    const plan = load(file);
    const sentences = (plan.description ?? '').split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '');
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(hasKeyDeep(rawJson(file), 'position')).toBe(false);
  });

  it.each(exampleFiles)('%s has an edge for every {{reference}} and a reference for every edge', (file) => {
    for (const plan of allPlans(load(file))) {
      const referenced = plan.calls.flatMap((c) => [...referencedIds(c.input)].map((from) => `${from} → ${c.id}`)).sort();
      const edges = plan.dependencies.map((d) => `${d.from} → ${d.to}`).sort();
      expect(referenced).toEqual(edges);
    }
  });

  it.each(exampleFiles)('%s bounds every call by a timeout or the plan by a deadline', (file) => {
    for (const plan of allPlans(load(file))) {
      if (plan.settings.deadlineMs !== null) continue;
      expect(plan.calls.filter((c) => c.timeoutMs === null).map((c) => c.id)).toEqual([]);
    }
  });
});

describe('public/examples/index.json', () => {
  const index = indexSchema.parse(rawJson('index.json'));

  it('lists exactly the example files, in teaching order', () => {
    expect(index.map((e) => e.file)).toEqual(TEACHING_ORDER);
  });

  it.each(index.map((e) => [e.file, e] as const))('gives %s the name and description the plan itself has', (file, entry) => {
    const plan = load(file);
    expect(entry.name).toBe(plan.name);
    expect(entry.description).toBe(plan.description);
  });
});

describe('each example shows what it teaches', () => {
  it('parallel-fetches: three independent fetches in one wave', () => {
    const plan = load('parallel-fetches.json');
    expect(plan.calls).toHaveLength(3);
    expect(plan.calls.every((c) => c.tool === 'fetch_url')).toBe(true);
    expect(plan.dependencies).toEqual([]);
    expect(wavesOf(plan)).toEqual([0, 0, 0]);
  });

  it('sequential-chain: each call needs the one before, one wave each', () => {
    const plan = load('sequential-chain.json');
    expect(wavesOf(plan)).toEqual(plan.calls.map((_, i) => i));
    expect(plan.dependencies.map((d) => [d.from, d.to])).toEqual(plan.calls.slice(1).map((c, i) => [plan.calls[i].id, c.id]));
  });

  it('research-agent: search, a fan-out of three fetches, a join and a summary, with scenarios', () => {
    const plan = load('research-agent.json');
    expect(plan.settings.strategy).toBe('waves');
    expect(plan.settings.modelTurnMs).toBe(800);
    expect(plan.calls.map((c) => c.tool)).toEqual(['web_search', 'fetch_url', 'fetch_url', 'fetch_url', 'code_run', 'summarize']);
    expect(wavesOf(plan)).toEqual([0, 1, 1, 1, 2, 3]);
    expect(plan.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['Search API down', 'Everything slow']));
  });

  it('flaky-api: a retryable error on attempts 1 and 2, 4 attempts with backoff 200 ms × 2', () => {
    const flaky = call(load('flaky-api.json'), 'check_stock');
    expect(flaky.retry).toMatchObject({ maxAttempts: 4, initialIntervalMs: 200, backoffCoefficient: 2 });
    expect(flaky.faults).toContainEqual(expect.objectContaining({ kind: 'error', retryable: true, onAttempts: [1, 2] }));
    expect(flaky.faults.some((f) => f.kind === 'rate_limit')).toBe(true);
  });

  it('auth-abort: a fatal, non-retryable auth error on a call that aborts, beside independent calls', () => {
    const plan = load('auth-abort.json');
    const auth = call(plan, 'get_crm_token');
    expect(auth.onFailure).toBe('abort');
    expect(auth.faults).toContainEqual(expect.objectContaining({ kind: 'error', retryable: false, onAttempts: [1] }));
    const waves = wavesOf(plan);
    const sameWave = plan.calls.filter((c, i) => c.id !== auth.id && waves[i] === waves[plan.calls.indexOf(auth)]);
    expect(sameWave.length).toBeGreaterThan(0);
  });

  it('subagent-incomplete: an opaque sub-agent whose nested plan has failing calls', () => {
    const plan = load('subagent-incomplete.json');
    const agents = plan.calls.filter((c) => c.kind === 'agent');
    expect(agents).toHaveLength(1);
    expect(agents[0].report).toBe('opaque');
    const nested = agents[0].plan;
    expect(nested).toBeDefined();
    const failing = nested?.calls.filter((c) => c.faults.some((f) => f.kind === 'error' || f.kind === 'timeout')) ?? [];
    expect(failing.length).toBeGreaterThan(0);
    expect(plan.description).toContain('explicit');
  });

  it('the read-only examples change nothing in the world', () => {
    for (const file of TEACHING_ORDER.slice(0, 6)) for (const c of load(file).calls) expect(c.effect ?? 'none').toBe('none');
  });

  it('book-a-trip: a saga whose reservations and charge are undone after a declined card, latest first', () => {
    const plan = load('book-a-trip.json');
    expect(reviewPlan(plan)).toEqual([]);
    const declined = simulate({ ...plan, settings: { ...plan.settings, scenario: 'card_declined' } });
    expect(declined.outcome).toBe('aborted');
    expect(declined.compensations.map((i) => declined.calls[i].id)).toEqual(['reserve_flight', 'reserve_hotel']);
    expect(declined.calls.every((c) => c.effect === undefined || !c.effect.leftInPlace)).toBe(true);
  });

  it('double-charge: a timed-out, retried once call is a possible duplicate until it is made idempotent', () => {
    const plan = load('double-charge.json');
    expect(reviewPlan(plan).map((f) => [f.rule, f.callId])).toEqual([['once-retried', 'charge_card']]);
    expect(simulate(plan).calls.find((c) => c.id === 'charge_card')?.effect).toMatchObject({ maybeDuplicated: true });
    const fixed = { ...plan, calls: plan.calls.map((c) => (c.id === 'charge_card' ? { ...c, effect: 'idempotent' as const } : c)) };
    expect(reviewPlan(fixed)).toEqual([]);
    expect(simulate(fixed).calls.find((c) => c.id === 'charge_card')?.effect).toMatchObject({ maybeDuplicated: false, duplicated: false });
  });
});
