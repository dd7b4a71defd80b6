// Keeping work, without a browser: the store, the library over an in-memory storage, and tabs on a fake channel bus.
// Every plan gets an entry, edits autosave at their rev, switching documents never loses or overwrites a plan,
// storage trouble is said once, and a second tab's save stops this one until the user chooses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlanLibrary, STORAGE_MESSAGES, TAB_MESSAGES, type ChannelLike } from '@/lib/persist';
import { MemoryStorage } from '@/lib/persist/testing/fake-storage';
import { samplePlan } from '@/lib/persist/testing/plans';
import { serializePlan, type Plan } from '@/lib/plan';
import { createAppStore, type AppStore } from '@/lib/store/app-store';
import { EMPTY_PLAN } from '@/lib/store/document';
import { copyName } from './library-actions';
import { createLibraryController } from './library-controller';
import type { LibraryController } from './library-types';

type Listener = (event: { data: unknown }) => void;

function fakeBus(): () => ChannelLike {
  const open = new Set<{ listeners: Set<Listener> }>();
  return () => {
    const me = { listeners: new Set<Listener>() };
    open.add(me);
    return {
      postMessage: (data: unknown) => {
        for (const other of open) if (other !== me) for (const l of other.listeners) l({ data: structuredClone(data) });
      },
      addEventListener: (_t: 'message', l: Listener) => me.listeners.add(l),
      removeEventListener: (_t: 'message', l: Listener) => me.listeners.delete(l),
      close: () => open.delete(me),
    };
  };
}

interface Tab {
  store: AppStore;
  controller: LibraryController;
}

function openTab(storage: MemoryStorage, channel: () => ChannelLike, tabId: string): Tab {
  const store = createAppStore();
  const controller = createLibraryController({ store, library: createPlanLibrary({ storage, tabId }), channel, delayMs: 500 });
  controller.start();
  return { store, controller };
}

const renamed = (p: Plan, name: string): Plan => ({ ...p, name });
/** The plans a tab's Library lists, by name, sorted. */
const listedNames = (t: Tab) =>
  t.controller
    .getView()
    .items.map((i) => i.name)
    .sort();
const stored = (tab: Tab, id: string) => {
  const opened = createPlanLibrary({ storage: storageOf.get(tab) as MemoryStorage }).open(id);
  if (!opened.ok) throw new Error(opened.message);
  return opened;
};
const storageOf = new WeakMap<Tab, MemoryStorage>();

let storage: MemoryStorage;
let bus: () => ChannelLike;
function tab(id = 'tab-a'): Tab {
  const t = openTab(storage, bus, id);
  storageOf.set(t, storage);
  return t;
}

beforeEach(() => {
  vi.useFakeTimers();
  storage = new MemoryStorage();
  bus = fakeBus();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('every plan lives in the library', () => {
  it('the first plan loaded gets an entry at once, with no undo step, and is the one reopened', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    const { docId, past } = a.store.getState();
    expect(docId).not.toBeNull();
    expect(past).toEqual([]);
    expect(a.controller.getView().items.map((i) => i.name)).toEqual(['First']);
    expect(createPlanLibrary({ storage }).lastOpened()).toBe(docId);
  });

  it('an untouched new plan gets no entry until its first edit', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    a.controller.newPlan();
    expect(a.store.getState().plan).toBe(EMPTY_PLAN);
    expect(a.controller.getView().items).toHaveLength(1);
    a.store.getState().commit(renamed(EMPTY_PLAN, 'Second'));
    expect(a.store.getState().docId).not.toBeNull();
    expect(listedNames(a)).toEqual(['First', 'Second']);
  });

  it('autosaves edits once they pause, saying "Saving…" then "Saved"', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    const id = a.store.getState().docId as string;
    a.store.getState().commit(renamed(a.store.getState().plan, 'Edited'));
    expect(a.store.getState().saveStatus).toBe('saving');
    expect(stored(a, id).plan.name).toBe('First');
    vi.advanceTimersByTime(600);
    expect(a.store.getState().saveStatus).toBe('saved');
    expect(stored(a, id).plan.name).toBe('Edited');
  });

  it('flush() saves a pending edit at once (the page is being hidden)', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    const id = a.store.getState().docId as string;
    a.store.getState().commit(renamed(a.store.getState().plan, 'Edited'));
    a.controller.flush();
    expect(stored(a, id).plan.name).toBe('Edited');
  });
});

describe('switching documents', () => {
  it('opening another plan saves the old one first and leaves it untouched after', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    const first = a.store.getState().docId as string;
    a.store.getState().commit(renamed(a.store.getState().plan, 'First, edited'));
    a.store.getState().open(samplePlan('Imported'), null);
    const second = a.store.getState().docId as string;
    expect(second).not.toBe(first);
    a.store.getState().commit(renamed(a.store.getState().plan, 'Imported, edited'));
    vi.advanceTimersByTime(600);
    expect(stored(a, first).plan.name).toBe('First, edited');
    expect(stored(a, second).plan.name).toBe('Imported, edited');
  });

  it('undo returns to the previous document and redo goes forward again, with no new entries', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    const first = a.store.getState().docId;
    a.store.getState().open(samplePlan('Imported'), null);
    const second = a.store.getState().docId;
    a.store.getState().undo();
    expect([a.store.getState().docId, a.store.getState().plan.name]).toEqual([first, 'First']);
    a.store.getState().redo();
    expect([a.store.getState().docId, a.store.getState().plan.name]).toEqual([second, 'Imported']);
    expect(a.controller.getView().items).toHaveLength(2);
  });

  it('a reload restores the last opened plan exactly as stored', () => {
    const a = tab();
    const plan = samplePlan('Positions', 3);
    const placed: Plan = { ...plan, calls: plan.calls.map((c, i) => ({ ...c, position: { x: 10.5 * i, y: -3 } })) };
    a.store.getState().load(samplePlan('First'), null);
    a.store.getState().open(placed, null);
    a.controller.stop();
    const b = tab('tab-b');
    expect(b.controller.restore()).toBe(true);
    expect(serializePlan(b.store.getState().plan)).toBe(serializePlan(placed));
    expect(b.store.getState().past).toEqual([]);
  });

  it('a damaged last plan is reported with its problems and another opens', () => {
    const a = tab();
    a.store.getState().load(samplePlan('Good'), null);
    a.store.getState().open(samplePlan('Soon damaged'), null);
    const damaged = a.store.getState().docId as string;
    a.controller.stop();
    const key = `toolwave:plan:${damaged}`;
    const entry = JSON.parse(storage.getItem(key) as string);
    storage.setItem(key, JSON.stringify({ ...entry, text: entry.text.replace('"ms": 100', '"ms": -1') }));
    const b = tab('tab-b');
    expect(b.controller.restore()).toBe(true);
    expect(b.store.getState().plan.name).toBe('Good');
    const notice = b.store.getState().notices.find((n) => n.tone === 'error');
    expect(notice?.problems?.map((p) => p.path)).toContain('calls[0].latency.ms');
    expect(b.controller.getView().damaged).toEqual([damaged]);
  });
});

describe('the library list', () => {
  it('renames the open plan as an undoable edit and another plan in storage only', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    const first = a.store.getState().docId as string;
    a.store.getState().open(samplePlan('Second'), null);
    expect(a.controller.rename(first, '  Renamed first ')).toBeNull();
    expect(stored(a, first).plan.name).toBe('Renamed first');
    const second = a.store.getState().docId as string;
    expect(a.controller.rename(second, 'Renamed second')).toBeNull();
    expect(stored(a, second).plan.name).toBe('Renamed second');
    a.store.getState().undo();
    expect(a.store.getState().plan.name).toBe('Second');
    expect(a.controller.rename(second, '   ')).toMatch(/name/);
  });

  it('deleting the open plan opens another; undo brings the deleted plan back as an entry', () => {
    const a = tab();
    a.store.getState().load(samplePlan('Keep'), null);
    a.store.getState().open(samplePlan('Delete me'), null);
    const doomed = a.store.getState().docId as string;
    a.controller.remove(doomed);
    expect(a.store.getState().plan.name).toBe('Keep');
    expect(a.controller.getView().items.map((i) => i.name)).toEqual(['Keep']);
    a.store.getState().undo();
    expect(a.store.getState().plan.name).toBe('Delete me');
    expect(a.store.getState().docId).not.toBe(doomed);
    expect(listedNames(a)).toEqual(['Delete me', 'Keep']);
  });

  it('duplicates a plan under a "(copy)" name', () => {
    const a = tab();
    a.store.getState().load(samplePlan('Original'), null);
    a.controller.duplicate(a.store.getState().docId as string);
    expect(listedNames(a)).toEqual(['Original', 'Original (copy)']);
    expect(copyName('x'.repeat(200))).toHaveLength(200);
  });
});

describe('storage trouble', () => {
  it('says plainly when storage is full, once, keeps the plan in memory, and recovers', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    storage.quotaChars = storage.usedChars();
    a.store.getState().commit({ ...a.store.getState().plan, description: 'x'.repeat(500) });
    vi.advanceTimersByTime(600);
    a.store.getState().commit(renamed(a.store.getState().plan, 'Still here'));
    vi.advanceTimersByTime(600);
    expect(a.store.getState().saveStatus).toBe('memory-only');
    expect(a.store.getState().saveMessage).toBe(STORAGE_MESSAGES.quota);
    expect(a.store.getState().notices.filter((n) => n.text === STORAGE_MESSAGES.quota)).toHaveLength(1);
    expect(a.store.getState().plan.name).toBe('Still here');
    storage.quotaChars = Number.POSITIVE_INFINITY;
    a.store.getState().commit(renamed(a.store.getState().plan, 'Saved at last'));
    vi.advanceTimersByTime(600);
    expect(a.store.getState().saveStatus).toBe('saved');
  });
});

describe('a reload with storage full', () => {
  it('reopens the last plan as stored, says edits will stay in memory, and a later edit is kept in memory', () => {
    const a = tab();
    a.store.getState().load(samplePlan('Older'), null);
    a.store.getState().open(samplePlan('Mine'), null);
    const mine = a.store.getState().docId as string;
    a.controller.stop();
    // Full to the last character: not even the probe key fits.
    storage.quotaChars = storage.usedChars();
    const b = tab('tab-b');
    expect(b.controller.restore()).toBe(true);
    expect([b.store.getState().docId, b.store.getState().plan.name]).toEqual([mine, 'Mine']);
    expect(b.store.getState().saveStatus).toBe('memory-only');
    expect(b.store.getState().saveMessage).toBe(STORAGE_MESSAGES.quota);
    expect(listedNames(b)).toEqual(['Mine', 'Older']);
    b.store.getState().commit(renamed(b.store.getState().plan, 'Mine, edited'));
    vi.advanceTimersByTime(600);
    expect(b.store.getState().plan.name).toBe('Mine, edited');
    expect(b.store.getState().saveStatus).toBe('memory-only');
  });

  it('with storage unusable altogether there is nothing to restore', () => {
    const blocked = createLibraryController({
      store: createAppStore(),
      library: createPlanLibrary({
        storage: () => {
          throw new Error('SecurityError');
        },
      }),
    });
    expect(blocked.restore()).toBe(false);
  });
});

/** Tab A opens a plan, tab B restores the same one, then A renames it to "From A" and saves. */
function twoTabs() {
  const a = tab('tab-a');
  a.store.getState().load(samplePlan('Shared'), null);
  const b = tab('tab-b');
  expect(b.controller.restore()).toBe(true);
  const id = a.store.getState().docId as string;
  expect(b.store.getState().docId).toBe(id);
  a.store.getState().commit(renamed(a.store.getState().plan, 'From A'));
  a.controller.flush();
  return { a, b, id };
}

describe('two tabs on one plan', () => {
  it('the other tab is told, stops saving and overwrites nothing', () => {
    const { b, id, a } = twoTabs();
    expect(b.controller.getView().banner).toEqual({ kind: 'changed', docId: id, message: TAB_MESSAGES.changed });
    expect(b.store.getState().saveStatus).toBe('conflict');
    b.store.getState().commit(renamed(b.store.getState().plan, 'From B'));
    vi.advanceTimersByTime(6000);
    b.controller.flush();
    expect(stored(a, id).plan.name).toBe('From A');
  });

  it('"Load their version" is one undoable step', () => {
    const { b, id } = twoTabs();
    b.store.getState().commit(renamed(b.store.getState().plan, 'From B'));
    b.controller.loadTheirs();
    expect(b.store.getState().plan.name).toBe('From A');
    expect(b.controller.getView().banner).toBeNull();
    b.store.getState().undo();
    expect(b.store.getState().plan.name).toBe('From B');
    vi.advanceTimersByTime(600);
    // Undo is the user's own choice: it saves, on top of the version it has now seen.
    expect(stored(b, id).plan.name).toBe('From B');
  });

  it('"Keep mine as a copy" makes a new plan and leaves theirs as it is', () => {
    const { b, id } = twoTabs();
    b.store.getState().commit(renamed(b.store.getState().plan, 'From B'));
    b.controller.keepMine();
    const copy = b.store.getState().docId as string;
    expect(copy).not.toBe(id);
    expect(stored(b, copy).plan.name).toBe('From B (copy)');
    expect(stored(b, id).plan.name).toBe('From A');
    expect(b.controller.getView().banner).toBeNull();
  });

  it('a plan deleted in another tab can be kept as a new plan', () => {
    const { a, b, id } = twoTabs();
    b.controller.loadTheirs();
    a.controller.remove(id);
    expect(b.controller.getView().banner?.kind).toBe('removed');
    b.controller.keepAsNew();
    const again = b.store.getState().docId as string;
    expect(again).not.toBe(id);
    expect(stored(b, again).plan.name).toBe('From A');
  });
});

describe('closing a tab whose work cannot be saved', () => {
  /** The plans in storage, by name, as any tab would list them. */
  const names = () => {
    const listed = createPlanLibrary({ storage }).list();
    return listed.ok ? listed.items.map((i) => i.name).sort() : [];
  };

  it('has nothing unsaved when every edit is saved or can be at once', () => {
    const a = tab();
    a.store.getState().load(samplePlan('Mine'), null);
    expect(a.controller.hasUnsavedWork()).toBe(false);
    a.store.getState().commit(renamed(a.store.getState().plan, 'Edited'));
    // Still waiting for the debounce: asking saves it, so nothing is at risk.
    expect(a.controller.hasUnsavedWork()).toBe(false);
    expect(stored(a, a.store.getState().docId as string).plan.name).toBe('Edited');
  });

  it('a tab whose saving is paused by another tab has unsaved work, and closing it keeps its version as a copy', () => {
    const { a, b, id } = twoTabs();
    expect(b.controller.getView().banner?.kind).toBe('changed');
    expect(b.controller.hasUnsavedWork()).toBe(false);
    b.store.getState().commit(renamed(b.store.getState().plan, 'From B'));
    expect(b.controller.hasUnsavedWork()).toBe(true);
    b.controller.pageHidden();
    expect(names()).toEqual(['From A', 'From B (copy)']);
    expect(stored(a, id).plan.name).toBe('From A');
    expect(b.controller.hasUnsavedWork()).toBe(false);
  });

  it('a tab whose plan was deleted elsewhere keeps its edited version as a plan of its own when it closes', () => {
    const { a, b, id } = twoTabs();
    b.controller.loadTheirs();
    a.controller.remove(id);
    b.store.getState().commit(renamed(b.store.getState().plan, 'Still mine'));
    expect(b.controller.hasUnsavedWork()).toBe(true);
    b.controller.pageHidden();
    expect(names()).toEqual(['Still mine']);
  });

  it('a tab that cannot save for lack of storage has unsaved work until storage frees up', () => {
    const a = tab();
    a.store.getState().load(samplePlan('First'), null);
    storage.quotaChars = storage.usedChars();
    a.store.getState().commit({ ...a.store.getState().plan, description: 'x'.repeat(500) });
    expect(a.controller.hasUnsavedWork()).toBe(true);
    a.controller.pageHidden();
    expect(a.controller.hasUnsavedWork()).toBe(true);
    storage.quotaChars = Number.POSITIVE_INFINITY;
    expect(a.controller.hasUnsavedWork()).toBe(false);
  });
});
