// The page store and the example index: stale loads are dropped, a run records its trace or its error.
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '@/lib/plan';
import { createAppStore } from './app-store';
import { loadRunner } from './run';
import { HISTORY_LIMIT } from './document';
import { selectTraceIsCurrent } from './selectors';
import { parseExampleIndex } from './examples';

function plan(): Plan {
  const result = parsePlan({
    format: 'toolwave.plan',
    version: 1,
    name: 'Two calls',
    calls: [
      { id: 'a', tool: 'web_search', latency: { kind: 'fixed', ms: 100 } },
      { id: 'b', tool: 'fetch_url', latency: { kind: 'fixed', ms: 50 } },
    ],
    dependencies: [{ from: 'a', to: 'b' }],
  });
  if (!result.ok) throw new Error('fixture plan is invalid');
  return result.plan;
}

describe('parseExampleIndex', () => {
  it.each([
    ['a list of file names', ['research.json'], { id: 'research', name: 'research', file: 'research.json' }],
    ['a list of entries', [{ id: 'r', name: 'Research', file: 'research.json' }], { id: 'r', name: 'Research', file: 'research.json' }],
    [
      'an object with examples',
      { examples: [{ title: 'Research', path: '/examples/research.json' }] },
      { id: 'research', name: 'Research', file: 'research.json' },
    ],
  ])('reads %s', (_, data, first) => {
    const result = parseExampleIndex(data);
    expect(result.ok && result.examples[0]).toEqual(first);
  });

  it('never lets a file name climb out of /examples', () => {
    const result = parseExampleIndex(['../secret.json', 'https://evil.test/x.json', 'ok.json']);
    expect(result.ok && result.examples.map((e) => e.file)).toEqual(['ok.json']);
  });

  it('refuses an index of the wrong shape', () => {
    expect(parseExampleIndex({ nope: true }).ok).toBe(false);
    expect(parseExampleIndex([]).ok).toBe(false);
  });
});

describe('the document and its history', () => {
  const renamed = (p: Plan, name: string): Plan => ({ ...p, name });

  it('starts from an empty, valid plan with nothing to undo', () => {
    const s = createAppStore().getState();
    expect(parsePlan(s.plan).ok).toBe(true);
    expect(s.plan.calls).toEqual([]);
    expect(s.past).toEqual([]);
  });

  it('makes every commit one undoable step, and redo replays it', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    store.getState().commit(renamed(store.getState().plan, 'B'));
    store.getState().commit(renamed(store.getState().plan, 'C'));
    store.getState().undo();
    expect(store.getState().plan.name).toBe('B');
    store.getState().undo();
    expect(store.getState().plan.name).toBe('Two calls');
    store.getState().undo();
    expect(store.getState().plan.name).toBe('Two calls');
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().plan.name).toBe('C');
  });

  it('a new edit after an undo drops the redo steps', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    store.getState().commit(renamed(store.getState().plan, 'B'));
    store.getState().undo();
    store.getState().commit(renamed(store.getState().plan, 'D'));
    expect(store.getState().future).toEqual([]);
    store.getState().redo();
    expect(store.getState().plan.name).toBe('D');
  });

  it('opening another plan is one undoable step that also returns to the previous document', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    const version = store.getState().planVersion;
    store.getState().open(renamed(plan(), 'Imported'), 'doc2');
    expect([store.getState().plan.name, store.getState().docId]).toEqual(['Imported', 'doc2']);
    expect(store.getState().planVersion).toBe(version + 1);
    store.getState().undo();
    expect([store.getState().plan.name, store.getState().docId]).toEqual(['Two calls', 'doc1']);
    store.getState().redo();
    expect([store.getState().plan.name, store.getState().docId]).toEqual(['Imported', 'doc2']);
  });

  it('consecutive commits with one coalesce key make one undo step; another edit starts a new one', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    for (const name of ['R', 'Re', 'Res']) store.getState().commit(renamed(store.getState().plan, name), { coalesce: 'name' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().commit(renamed(store.getState().plan, 'Other'), { coalesce: 'description' });
    store.getState().commit(renamed(store.getState().plan, 'Again'), { coalesce: 'name' });
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().plan.name).toBe('Res');
    store.getState().undo();
    expect(store.getState().plan.name).toBe('Two calls');
  });

  it('after an undo, the same coalesce key starts a new step', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    store.getState().commit(renamed(store.getState().plan, 'A'), { coalesce: 'name' });
    store.getState().undo();
    store.getState().commit(renamed(store.getState().plan, 'B'), { coalesce: 'name' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().plan.name).toBe('Two calls');
  });

  it('lays out a plan that arrives without positions, as part of opening it', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    expect(store.getState().plan.calls.every((c) => c.position !== undefined)).toBe(true);
    const b = store.getState().plan.calls[1].position;
    const a = store.getState().plan.calls[0].position;
    expect(b !== undefined && a !== undefined && b.x > a.x).toBe(true);
    expect(store.getState().past).toEqual([]);
  });

  it('keeps the positions of a plan that has them', () => {
    const store = createAppStore();
    const p = plan();
    const positioned = { ...p, calls: p.calls.map((c, i) => ({ ...c, position: { x: 7 * i, y: 3 } })) };
    store.getState().load(positioned, 'doc1');
    expect(store.getState().plan.calls.map((c) => c.position)).toEqual([
      { x: 0, y: 3 },
      { x: 7, y: 3 },
    ]);
  });

  it('a commit of the same plan object is not a step', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    expect(store.getState().commit(store.getState().plan)).toBe(false);
    expect(store.getState().past).toEqual([]);
  });

  it('remembers at most HISTORY_LIMIT steps', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.getState().commit(renamed(store.getState().plan, `n${i}`));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('undo drops selected calls that no longer exist', () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    const p = store.getState().plan;
    store.getState().commit({ ...p, calls: [...p.calls, { ...p.calls[0], id: 'c' }] });
    store.getState().select(['a', 'c']);
    store.getState().undo();
    expect(store.getState().selected).toEqual(['a']);
  });
});

describe('the run slice', () => {
  it('records the trace of the plan it ran and knows when the plan has changed since', async () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    await store.getState().run();
    expect(store.getState().trace?.outcome).toBe('complete');
    expect(store.getState().callRunById.b).toEqual({ status: 'succeeded', attempts: 1, hiddenFailures: 0, missingInputs: [] });
    expect(selectTraceIsCurrent(store.getState())).toBe(true);
    store.getState().commit({ ...store.getState().plan, name: 'edited' });
    expect(selectTraceIsCurrent(store.getState())).toBe(false);
    expect(store.getState().tracePlan?.name).toBe('Two calls');
  });

  it('once the simulator has loaded, a run lands within the call that asked for it (the next key acts on it)', async () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    await loadRunner();
    void store.getState().run();
    expect(store.getState().trace?.outcome).toBe('complete');
    expect(store.getState().cursorMs).toBe(150);
  });

  it('forgets the run by itself when another document opens, and when undo goes back to the one before', async () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    await store.getState().run();
    store.getState().open({ ...plan(), name: 'Other' }, 'doc2');
    expect([store.getState().trace, store.getState().runOnView, store.getState().cursorMs]).toEqual([null, null, 0]);
    await store.getState().run();
    store.getState().undo();
    expect(store.getState().docId).toBe('doc1');
    expect(store.getState().trace).toBeNull();
  });

  it('keeps the run through an undo within the same document (it shows as stale)', async () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    store.getState().commit({ ...store.getState().plan, name: 'edited' });
    await store.getState().run();
    store.getState().undo();
    expect(store.getState().trace).not.toBeNull();
    expect(selectTraceIsCurrent(store.getState())).toBe(false);
  });

  it('tells subscribers once per change, with the run already forgotten when another document opens', async () => {
    const store = createAppStore();
    store.getState().load(plan(), 'doc1');
    await store.getState().run();
    const seen: { planChanged: boolean; traceLeft: boolean }[] = [];
    store.subscribe((s, prev) => seen.push({ planChanged: s.plan !== prev.plan, traceLeft: s.trace !== null }));
    store.getState().open({ ...plan(), name: 'Other' }, 'doc2');
    expect(seen).toEqual([{ planChanged: true, traceLeft: false }]);
  });

  it('gives each store its own run on view', async () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().load(plan(), 'doc1');
    b.getState().load(plan(), 'doc1');
    await a.getState().run();
    expect(a.getState().runOnView?.trace).toBe(a.getState().trace);
    expect(b.getState().runOnView).toBeNull();
  });
});

describe('notices', () => {
  it('keeps the newest few and dismisses by id', () => {
    const store = createAppStore();
    const ids = [1, 2, 3, 4, 5].map((n) => store.getState().notify({ tone: 'info', text: `n${n}` }));
    expect(store.getState().notices.map((n) => n.text)).toEqual(['n2', 'n3', 'n4', 'n5']);
    store.getState().dismiss(ids[4]);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['n2', 'n3', 'n4']);
  });

  it('numbers notices per store, never through a counter two stores share', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().notify({ tone: 'info', text: 'a1' });
    expect(a.getState().notify({ tone: 'info', text: 'a2' })).toBe(2);
    expect(b.getState().notify({ tone: 'info', text: 'b1' })).toBe(1);
  });
});
