// The playback cursor and the drill-down path: one cursor on the top run's clock, stepping by events and model
// turns, playing to the end; a nested plan shown and edited in place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endTime, simulate } from '@/lib/engine';
import { parsePlan, type Plan } from '@/lib/plan';
import { createAppStore } from './app-store';
import { selectViewCursorMs, selectViewPlan, selectViewRun } from './selectors';
import { breadcrumb, planAtPath, replaceAtPath, traceAtPath, validViewPath } from './view';

function example(name: string): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`${name} is invalid`);
  return r.plan;
}

function loaded(name: string) {
  const store = createAppStore();
  store.getState().load(example(name), 'doc');
  return store;
}

describe('the playback cursor', () => {
  it('sits at the end of a fresh run, so the final state shows at once', async () => {
    const store = loaded('research-agent');
    await store.getState().run();
    const s = store.getState();
    expect(s.cursorMs).toBe(endTime(s.trace!));
    expect(s.playing).toBe(false);
  });

  it('plays from the start when at the end, advances by speed, and stops at the end', async () => {
    const store = loaded('research-agent');
    await store.getState().run();
    const end = store.getState().cursorMs;
    store.getState().play();
    expect(store.getState().cursorMs).toBe(0);
    store.getState().setSpeed(2);
    store.getState().advance(100);
    expect(store.getState().cursorMs).toBe(200);
    store.getState().advance(end);
    expect(store.getState().cursorMs).toBe(end);
    expect(store.getState().playing).toBe(false);
  });

  it('does not move while paused, and clamps a scrubbed instant to the run', async () => {
    const store = loaded('research-agent');
    await store.getState().run();
    const end = store.getState().cursorMs;
    store.getState().setCursor(50);
    store.getState().advance(1000);
    expect(store.getState().cursorMs).toBe(50);
    store.getState().setCursor(-5);
    expect(store.getState().cursorMs).toBe(0);
    store.getState().setCursor(end + 1e6);
    expect(store.getState().cursorMs).toBe(end);
    store.getState().setCursor(Number.NaN);
    expect(store.getState().cursorMs).toBe(0);
  });

  it('steps through every event instant forwards and back', async () => {
    const store = loaded('research-agent');
    await store.getState().run();
    const trace = store.getState().trace!;
    const times = [...new Set(trace.events.map((e) => e.t))];
    store.getState().toStart();
    const seen: number[] = [];
    if (times[0] === 0) seen.push(0);
    for (let i = 0; i < times.length + 2; i++) {
      const before = store.getState().cursorMs;
      store.getState().stepEvent(1);
      if (store.getState().cursorMs !== before) seen.push(store.getState().cursorMs);
    }
    expect(seen).toEqual(times);
    store.getState().stepEvent(-1);
    expect(store.getState().cursorMs).toBe(times[times.length - 2]);
  });

  it('steps by model turn: each turn emits its calls, then the end', async () => {
    const store = loaded('research-agent');
    await store.getState().run();
    const trace = store.getState().trace!;
    store.getState().toStart();
    const seen: number[] = [];
    for (let i = 0; i < trace.turns.length + 1; i++) {
      store.getState().stepTurn(1);
      seen.push(store.getState().cursorMs);
    }
    expect(seen).toEqual([...trace.turns.map((t) => t.emitMs).filter((t) => t > 0), endTime(trace)].slice(0, seen.length));
    store.getState().stepTurn(-1);
    expect(store.getState().cursorMs).toBe(trace.turns[trace.turns.length - 1].emitMs);
  });

  it('opening another plan clears the run and the cursor', async () => {
    const store = loaded('research-agent');
    await store.getState().run();
    store.getState().open(example('flaky-api'), 'doc2');
    expect(store.getState().trace).toBeNull();
    expect(store.getState().cursorMs).toBe(0);
  });

  it('re-roll draws a new seed as one undo step and runs it', async () => {
    const store = loaded('research-agent');
    const seed = store.getState().plan.settings.seed;
    await store.getState().reroll();
    const s = store.getState();
    expect(s.plan.settings.seed).not.toBe(seed);
    expect(s.trace?.seed).toBe(s.plan.settings.seed);
    s.undo();
    expect(store.getState().plan.settings.seed).toBe(seed);
  });
});

describe('drilling into a sub-agent', () => {
  it('shows the nested plan and its own run, on the top clock shifted by where it started', async () => {
    const store = loaded('subagent-incomplete');
    await store.getState().run();
    store.getState().drillInto('research');
    const s = store.getState();
    const agent = s.plan.calls.find((c) => c.id === 'research')!;
    expect(selectViewPlan(s)).toBe(agent.plan);
    const view = selectViewRun(s)!;
    const call = s.trace!.calls.find((c) => c.id === 'research')!;
    const last = call.attempts[call.attempts.length - 1];
    expect(view.trace).toBe(last.nested);
    expect(view.offsetMs).toBe(last.startMs);
    expect(selectViewCursorMs(s)).toBe(s.cursorMs - last.startMs);
    expect(selectViewRun(store.getState())).toBe(view);
  });

  it('refuses a call that is not a sub-agent, and goes back by the breadcrumb', () => {
    const store = loaded('subagent-incomplete');
    store.getState().drillInto('write_brief');
    expect(store.getState().viewPath).toEqual([]);
    store.getState().drillInto('research');
    expect(breadcrumb(store.getState().plan, store.getState().viewPath).map((b) => b.id)).toEqual([null, 'research']);
    store.getState().drillTo(0);
    expect(store.getState().viewPath).toEqual([]);
  });

  it('edits the nested plan in place: one undo step on the top plan', () => {
    const store = loaded('subagent-incomplete');
    store.getState().drillInto('research');
    const nested = selectViewPlan(store.getState());
    const r = store
      .getState()
      .editView((plan) => ({ ...plan, calls: plan.calls.map((c, i) => (i === 0 ? { ...c, label: 'Renamed' } : c)) }));
    expect(r).toMatchObject({ ok: true, changed: true });
    const s = store.getState();
    expect(selectViewPlan(s).calls[0].label).toBe('Renamed');
    expect(s.plan.calls.filter((c) => c.id !== 'research')).toEqual(
      example('subagent-incomplete')
        .calls.filter((c) => c.id !== 'research')
        .map((c) => s.plan.calls.find((d) => d.id === c.id)),
    );
    s.undo();
    expect(selectViewPlan(store.getState())).toEqual(nested);
  });

  it('pure helpers: an invalid path is cut at the first level that is not a sub-agent', () => {
    const plan = example('subagent-incomplete');
    expect(validViewPath(plan, ['research', 'nope'])).toEqual(['research']);
    expect(validViewPath(plan, ['nope'])).toEqual([]);
    expect(planAtPath(plan, ['nope'])).toBe(plan);
    expect(replaceAtPath(plan, ['nope'], { ...plan, name: 'x' })).toBe(plan);
    const trace = simulate(plan);
    expect(traceAtPath(trace, plan, ['write_brief'])).toBeNull();
  });
});
