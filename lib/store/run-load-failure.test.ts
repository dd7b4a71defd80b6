// A simulator that cannot be fetched (the connection dropped after the first load) is said plainly, and the next
// run tries again.
import { describe, expect, it, vi } from 'vitest';
import { parsePlan } from '@/lib/plan/parse';

describe('the run slice when the simulator cannot be fetched', () => {
  it('shows Run busy while fetching, names the failure, keeps the plan, and fetches again on the next run', async () => {
    let fail = true;
    vi.doMock('./run-plan', async (original) => {
      if (fail) throw new Error('network error');
      return original();
    });
    const { createAppStore } = await import('./app-store');
    const parsed = parsePlan({
      format: 'toolwave.plan',
      version: 1,
      name: 'One',
      calls: [{ id: 'a', tool: 'web_search', latency: { kind: 'fixed', ms: 100 } }],
      dependencies: [],
    });
    if (!parsed.ok) throw new Error('fixture plan is invalid');
    const store = createAppStore();
    store.getState().load(parsed.plan, 'doc1');
    const first = store.getState().run();
    expect(store.getState().runLoading).toBe(true); // Run says it is busy while the simulator is on its way
    await first;
    expect(store.getState().runLoading).toBe(false);
    expect(store.getState().trace).toBeNull();
    expect(store.getState().runError).toMatch(/^The simulator could not be loaded \(.+\)\. Check the connection and run again\.$/);
    expect(store.getState().plan.name).toBe('One');
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: store.getState().runError });
    fail = false;
    await store.getState().run();
    expect(store.getState().runLoading).toBe(false);
    expect(store.getState().runError).toBeNull();
    expect(store.getState().trace?.outcome).toBe('complete');
  });
});
