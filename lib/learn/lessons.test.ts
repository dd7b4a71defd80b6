// Every lesson can be done, and no step passes without the learner's action: each step's check is false on the
// lesson's starting plan (with and without its run) and on the state just before its own action, and true after it.
import { describe, expect, it } from 'vitest';
import { buildAntiPattern } from '@/lib/engine';
import { connect, disconnect, setEdgeOptional, updateCall } from '@/lib/plan/edit';
import { injectFault, type Plan } from '@/lib/plan';
import { runPlan } from '@/lib/store/run-plan';
import { LESSONS, lessonById, lessonOfPlan } from './lessons';
import { advance, answer, lessonDone, NO_PROGRESS } from './progress';
import type { LearnState, Lesson } from './types';

function stateOf(plan: Plan, ranPlan: Plan | null, answers: Record<string, string> = {}, current = ranPlan === plan): LearnState {
  const run = ranPlan === null ? null : runPlan(ranPlan);
  return {
    plan,
    trace: run?.trace ?? null,
    tracePlan: ranPlan,
    traceCurrent: current && run !== null,
    contextText: run?.contextText ?? null,
    answers,
  };
}

const patched = (plan: Plan, id: string, patch: Parameters<typeof updateCall>[2]): Plan => {
  const r = updateCall(plan, id, patch);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
};
const connected = (plan: Plan, from: string, to: string): Plan => {
  const r = connect(plan, from, to);
  if (!('plan' in r) || r.plan === plan) throw new Error(`cannot connect ${from} → ${to}`);
  return r.plan;
};

type Act = { edit: (p: Plan) => Plan } | { run: true } | { pick: (s: LearnState) => string | null };

/** One way to do each lesson, step by step, as the learner would through the UI. */
const SOLUTIONS: Record<string, Record<string, Act>> = {
  'one-wave': { unchain: { edit: (p) => disconnect(disconnect(p, 'fetch_1', 'fetch_2'), 'fetch_2', 'fetch_3') }, run: { run: true } },
  'true-dependency': {
    connect: { edit: (p) => connected(p, 'search', 'fetch_top') },
    'false-edge': { edit: (p) => disconnect(p, 'weather', 'search') },
    run: { run: true },
  },
  timeout: {
    inject: { edit: (p) => injectFault(p, 'fetch_2', 'timeout', 'every').plan },
    optional: { edit: (p) => setEdgeOptional(p, 'fetch_2', 'extract', true) },
    run: { run: true },
    line: { pick: (s) => s.contextText?.split('\n').find((l) => l.startsWith('result fetch_2 ')) ?? null },
  },
  policies: {
    retry: { edit: (p) => patched(p, 'quote', { retry: { ...p.calls.find((c) => c.id === 'quote')!.retry, maxAttempts: 3 } }) },
    abort: { edit: (p) => patched(p, 'auth', { onFailure: 'abort' }) },
    run: { run: true },
  },
  'anti-patterns': {
    fail: { edit: (p) => injectFault(p, 'fetch_b', 'error', 'every').plan },
    run: { run: true },
    total: {
      pick: (s) =>
        buildAntiPattern(s.tracePlan!, s.trace!, 'total_failure', 'text')
          .text.split('\n')
          .find((l) => l.startsWith('result (whole batch) [error]')) ?? null,
    },
    false: { pick: (s) => lineOf(buildAntiPattern(s.tracePlan!, s.trace!, 'false_success', 'text').text, 'fetch_b') },
  },
  'sub-agent': { run: { run: true }, explicit: { edit: (p) => patched(p, 'research', { report: 'explicit' }) }, rerun: { run: true } },
  payment: { run: { run: true }, idempotent: { edit: (p) => patched(p, 'charge_card', { effect: 'idempotent' }) }, rerun: { run: true } },
};
const lineOf = (text: string, id: string) => text.split('\n').find((l) => l.startsWith(`result ${id} [`)) ?? null;

describe('the course', () => {
  it('has at least seven lessons with unique ids, each named “Lesson · <title>”', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(7);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(l.plan.name).toBe(`Lesson · ${l.title}`);
      expect(lessonOfPlan(l.plan.name)).toBe(l);
      expect(lessonById(l.id)).toBe(l);
      for (const s of l.steps) expect(s.why.length).toBeGreaterThan(20);
    }
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as [string, Lesson]))('lesson %s', (_id, lesson) => {
  const start = lesson.plan;

  it('fails every step on its starting plan, before any run', () => {
    for (const step of lesson.steps) expect(step.check(stateOf(start, null)), step.id).toBe(false);
  });

  it('fails every step that is not “run it” on its starting plan after a run of it', () => {
    const ran = stateOf(start, start);
    for (const step of lesson.steps.filter((s) => s.action !== 'run')) expect(step.check(ran), step.id).toBe(false);
  });

  it('fails every answer step whatever the learner picks on the starting run', () => {
    const ran = stateOf(start, start);
    for (const step of lesson.steps.filter((s) => s.action === 'answer')) {
      for (const choice of step.choices?.(ran) ?? [])
        expect(step.check({ ...ran, answers: { [step.id]: choice } }), `${step.id}: ${choice}`).toBe(false);
    }
  });

  it('passes each step only by its own action, in order, to the end', () => {
    const solution = SOLUTIONS[lesson.id];
    expect(Object.keys(solution)).toEqual(lesson.steps.map((s) => s.id));
    let plan = start;
    let ranPlan: Plan | null = null;
    const answers: Record<string, string> = {};
    let progress = NO_PROGRESS;
    for (const step of lesson.steps) {
      const before = stateOf(plan, ranPlan, answers);
      expect(step.check(before), `${step.id} before its action`).toBe(false);
      const act = solution[step.id];
      if ('edit' in act) plan = act.edit(plan);
      else if ('run' in act) ranPlan = plan;
      else {
        const choices = step.choices?.(before) ?? [];
        const picked = act.pick(before);
        expect(picked).not.toBeNull();
        expect(choices).toContain(picked);
        expect(choices.length).toBeGreaterThan(1);
        answers[step.id] = picked!;
        progress = answer(progress, lesson.id, step.id, picked!);
      }
      const after = stateOf(plan, ranPlan, answers);
      expect(step.check(after), `${step.id} after its action`).toBe(true);
      progress = advance(progress, lesson, after);
      expect(progress.lessons[lesson.id]?.done).toContain(step.id);
    }
    expect(lessonDone(lesson, progress)).toBe(true);
  });
});
