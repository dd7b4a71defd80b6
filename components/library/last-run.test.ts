// A plan that was run reopens with its run: on a reload (a new store over the same storage) and when switching plans.
import { describe, expect, it } from 'vitest';
import { MemoryStorage, unavailableStorage } from '@/lib/persist/testing/fake-storage';
import { samplePlan } from '@/lib/persist/testing/plans';
import { createAppStore } from '@/lib/store/app-store';
import { keepLastRuns, RAN_KEY } from './last-run';

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('keepLastRuns', () => {
  it('re-runs a plan that was run when it opens again, after a reload or a switch, and not one that never was', async () => {
    const storage = new MemoryStorage();
    const a = samplePlan('Plan A');
    const b = samplePlan('Plan B');
    const store = createAppStore();
    store.getState().load(a, 'doc-a');
    const stop = keepLastRuns(store, () => storage);
    await tick();
    expect(store.getState().trace).toBeNull();
    await store.getState().run();
    const first = store.getState().trace;
    expect(JSON.parse(storage.getItem(RAN_KEY) ?? '[]')).toEqual(['doc-a']);

    store.getState().load(b, 'doc-b');
    await tick();
    expect(store.getState().trace).toBeNull();
    store.getState().load(a, 'doc-a');
    await tick();
    expect(store.getState().trace?.makespanMs).toBe(first?.makespanMs);
    stop();

    // A reload: a new store restores doc-a and shows its run again.
    const reloaded = createAppStore();
    reloaded.getState().load(a, 'doc-a');
    const stop2 = keepLastRuns(reloaded, () => storage);
    await tick();
    expect(reloaded.getState().trace?.calls.map((c) => c.status)).toEqual(first?.calls.map((c) => c.status));
    stop2();
  });

  it('without storage a plan opens without a run and nothing throws', async () => {
    const store = createAppStore();
    store.getState().load(samplePlan(), 'doc-a');
    const stop = keepLastRuns(store, unavailableStorage);
    await store.getState().run();
    store.getState().load(samplePlan('Other'), 'doc-b');
    await tick();
    expect(store.getState().trace).toBeNull();
    stop();
  });
});
