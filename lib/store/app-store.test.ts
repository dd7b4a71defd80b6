// The page store and the example index: stale loads are dropped, a run records its trace or its error.
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '@/lib/plan';
import { createAppStore } from './app-store';
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
    ['an object with examples', { examples: [{ title: 'Research', path: '/examples/research.json' }] }, { id: 'research', name: 'Research', file: 'research.json' }],
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

describe('the app store', () => {
  it('drops a plan that arrives for an example no longer selected', () => {
    const store = createAppStore();
    store.getState().selectExample('first');
    store.getState().selectExample('second');
    store.getState().planLoaded('first', { ok: true, plan: plan() });
    expect(store.getState().plan).toBeNull();
    store.getState().planLoaded('second', { ok: true, plan: plan() });
    expect(store.getState().plan?.name).toBe('Two calls');
    expect(store.getState().loadState).toBe('ready');
  });

  it('keeps the problems of a plan that does not parse', () => {
    const store = createAppStore();
    store.getState().selectExample('bad');
    store.getState().planLoaded('bad', { ok: false, problems: [{ path: 'calls[0].id', message: 'is required' }] });
    expect(store.getState().plan).toBeNull();
    expect(store.getState().problems).toHaveLength(1);
    expect(store.getState().loadState).toBe('error');
  });

  it('records a run as a trace, each call\'s fate by id and a text context', () => {
    const store = createAppStore();
    store.getState().selectExample('x');
    store.getState().planLoaded('x', { ok: true, plan: plan() });
    store.getState().run();
    const s = store.getState();
    expect(s.runError).toBeNull();
    expect(s.contextError).toBeNull();
    expect(s.trace?.outcome).toBe('complete');
    expect(s.callRunById).toEqual({
      a: { status: 'succeeded', attempts: 1, hiddenFailures: 0, missingInputs: [] },
      b: { status: 'succeeded', attempts: 1, hiddenFailures: 0, missingInputs: [] },
    });
    expect(s.contextText).toContain('a');
  });

  it('keeps the plan and its run when the example already shown is chosen again', () => {
    const store = createAppStore();
    store.getState().selectExample('x');
    store.getState().planLoaded('x', { ok: true, plan: plan() });
    store.getState().run();
    store.getState().selectExample('x');
    expect(store.getState().plan).not.toBeNull();
    expect(store.getState().trace).not.toBeNull();
  });

  it('forgets the last run when another example is selected', () => {
    const store = createAppStore();
    store.getState().selectExample('x');
    store.getState().planLoaded('x', { ok: true, plan: plan() });
    store.getState().run();
    store.getState().selectExample('y');
    expect(store.getState().trace).toBeNull();
    expect(store.getState().runError).toBeNull();
    expect(store.getState().callRunById).toEqual({});
  });
});
