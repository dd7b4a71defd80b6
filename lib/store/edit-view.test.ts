// Editing the plan on view through the store's one action, editView: one undo step per edit, refusals that change
// nothing, the edit's own answer handed back, positions written in so nothing jumps, nested plans written back.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@/lib/plan';
import { example, fixed, testPlan } from '@/lib/plan/test-examples';
import { addCall, connect, moveCalls } from '@/lib/plan/edit';
import { createAppStore } from './app-store';
import { fallbackPositions, withDisplayPositions } from './display-positions';
import { refuse } from './document';
import { selectViewPlan } from './selectors';

const twoCalls = testPlan({
  calls: [
    { id: 'a', tool: 'web_search', latency: fixed(100), position: { x: 0, y: 0 } },
    { id: 'b', tool: 'fetch_url', latency: fixed(50), position: { x: 300, y: 0 } },
  ],
  dependencies: [],
});

const unplaced = testPlan({
  calls: [
    { id: 'a', tool: 't', latency: fixed(1) },
    { id: 'b', tool: 't', latency: fixed(1) },
  ],
  dependencies: [{ from: 'a', to: 'b' }],
});

function storeWith(p: Plan) {
  const store = createAppStore();
  store.getState().load(p, 'doc');
  return store;
}

describe('editView on the top plan', () => {
  it('makes an accepted edit one undo step and says the document changed', () => {
    const store = storeWith(twoCalls);
    const r = store.getState().editView((p) => connect(p, 'a', 'b'));
    expect(r).toMatchObject({ ok: true, changed: true });
    expect(store.getState().plan.dependencies).toEqual([{ from: 'a', to: 'b', optional: false }]);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().plan).toBe(twoCalls);
  });

  it('hands a refusal back as is and leaves the document, its revision and its history alone', () => {
    const store = storeWith(twoCalls);
    const before = store.getState();
    const r = store.getState().editView((p) => connect(p, 'a', 'a'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('a call cannot need its own output');
    expect(store.getState().editView(() => refuse('not today'))).toEqual({ ok: false, reason: 'not today' });
    const after = store.getState();
    expect([after.plan, after.revision, after.past]).toEqual([before.plan, before.revision, before.past]);
  });

  it('commits nothing when the edit gives back the plan it was given', () => {
    const store = storeWith(twoCalls);
    const r = store.getState().editView((p) => p);
    expect(r).toEqual({ ok: true, plan: twoCalls, changed: false });
    expect(store.getState().past).toHaveLength(0);
  });

  it('hands back what the edit returns beside the plan (the new call’s id)', () => {
    const store = storeWith(twoCalls);
    const r = store.getState().editView((p) => {
      const added = addCall(p, 'web_search', { x: 600, y: 0 });
      return added.id === null ? refuse(added.reason) : { ok: true, plan: added.plan, id: added.id };
    });
    expect(r.ok && r.id).toBe(store.getState().plan.calls[2].id);
  });

  it('folds edits that share a coalesce key into one undo step', () => {
    const store = storeWith(twoCalls);
    for (const x of [10, 20, 30]) store.getState().editView((p) => moveCalls(p, { a: { x, y: 0 } }), { coalesce: 'nudge:a' });
    expect(store.getState().plan.calls[0].position).toEqual({ x: 30, y: 0 });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().plan).toBe(twoCalls);
  });
});

describe('editView on a drilled-into sub-agent', () => {
  it('edits the nested plan with its calls where the canvas shows them, written back into the top plan', () => {
    const store = storeWith(example('subagent-incomplete'));
    store.getState().drillInto('research');
    const nested = selectViewPlan(store.getState());
    const shown = fallbackPositions(nested);
    let seen: Plan | null = null;
    store.getState().editView((p) => {
      seen = p;
      return { ...p, name: 'Research, renamed' };
    });
    expect(seen!.calls.map((c) => c.position)).toEqual(nested.calls.map((c) => shown.get(c.id)));
    const top = store.getState().plan;
    expect(top.calls.find((c) => c.id === 'research')?.plan?.name).toBe('Research, renamed');
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('positions for a plan that arrived without them', () => {
  it('writes those positions into the plan before an edit, so nothing jumps', () => {
    const shown = fallbackPositions(unplaced);
    const fixedUp = withDisplayPositions(unplaced);
    expect(fixedUp.calls.map((c) => c.position)).toEqual([shown.get('a'), shown.get('b')]);
    expect(withDisplayPositions(fixedUp)).toBe(fixedUp);
    expect(fallbackPositions(twoCalls).size).toBe(0);
  });
});
