// Storage full, as the editor lives it: the notice says which plans take the space, largest first; deleting one
// from there tries the failed save again, and once it goes through the notice and the list go. The plan in memory
// and every other stored plan are never lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlanLibrary, STORAGE_MESSAGES } from '@/lib/persist';
import { MemoryStorage } from '@/lib/persist/testing/fake-storage';
import { samplePlan } from '@/lib/persist/testing/plans';
import { createAppStore } from '@/lib/store/app-store';
import { createLibraryController } from './library-controller';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A library holding a big and a small plan, and an editor on a third plan; then storage fills up. */
function full() {
  const storage = new MemoryStorage();
  const seed = createPlanLibrary({ storage, tabId: 'seed' });
  const big = seed.create(samplePlan('Big old plan', 60));
  const small = seed.create(samplePlan('Small old plan', 3));
  if (!big.ok || !small.ok) throw new Error('seeding failed');
  const store = createAppStore();
  const controller = createLibraryController({ store, library: createPlanLibrary({ storage, tabId: 'tab-a' }), delayMs: 500 });
  controller.start();
  store.getState().load(samplePlan('Working on this', 4), null);
  storage.quotaChars = storage.usedChars() + 200;
  store.getState().commit(samplePlan('Working on this', 30));
  vi.advanceTimersByTime(600);
  return { storage, store, controller, bigId: big.item.id, smallId: small.item.id };
}

describe('when storage is full', () => {
  it('the notice lists what takes the space, largest first, and the plan stays in memory', () => {
    const { store, controller } = full();
    const s = store.getState();
    expect(s.saveStatus).toBe('memory-only');
    expect(s.notices.filter((n) => n.offer === 'storage').map((n) => n.text)).toEqual([STORAGE_MESSAGES.quota]);
    const usage = controller.getView().usage;
    expect(usage?.plans.map((p) => p.name)).toEqual(['Big old plan', 'Working on this', 'Small old plan']);
    expect(usage?.plans.map((p) => p.chars)).toEqual([...(usage?.plans.map((p) => p.chars) ?? [])].sort((a, b) => b - a));
    expect(s.plan.calls).toHaveLength(30);
  });

  it('deleting a plan from the list saves the waiting plan at once; the notice and the list then go', () => {
    const { store, controller, bigId, smallId, storage } = full();
    controller.remove(bigId);
    const s = store.getState();
    expect(s.saveStatus).toBe('saved');
    expect(controller.getView().usage).toBeNull();
    expect(s.notices.some((n) => n.offer === 'storage')).toBe(false);
    const reread = createPlanLibrary({ storage });
    const opened = reread.open(s.docId as string);
    expect(opened.ok && opened.plan.calls).toHaveLength(30);
    const other = reread.open(smallId);
    expect(other.ok && other.plan).toEqual(samplePlan('Small old plan', 3));
  });

  it('deleting a plan that does not make room enough measures again and keeps saying so', () => {
    const { store, controller, smallId, storage } = full();
    storage.quotaChars = storage.usedChars() - 1;
    controller.remove(smallId);
    expect(store.getState().saveStatus).toBe('memory-only');
    expect(controller.getView().usage?.plans.map((p) => p.name)).toEqual(['Big old plan', 'Working on this']);
  });

  it('a dismissed notice can be shown again, with its list', () => {
    const { store, controller } = full();
    const notice = store.getState().notices.find((n) => n.offer === 'storage');
    store.getState().dismiss(notice?.id ?? -1);
    controller.showStorageNotice();
    controller.showStorageNotice();
    expect(store.getState().notices.filter((n) => n.offer === 'storage')).toHaveLength(1);
  });

  it('exports a stored plan as stored, and the open one as it is in memory', () => {
    const { store, controller, bigId } = full();
    expect(controller.storedPlan(bigId)).toEqual(samplePlan('Big old plan', 60));
    expect(controller.storedPlan(store.getState().docId as string)).toBe(store.getState().plan);
  });
});
