// Autosave with fake timers: one save per pause in editing, at once when the page is hidden, every result reported,
// and never a save over another tab's work.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createAutosaver, flushWhenHidden, librarySaver, type AutosaveOptions } from './autosave';
import { createPlanLibrary, type SaveResult } from './library';
import { STORAGE_MESSAGES } from './storage';
import { MemoryStorage } from './testing/fake-storage';
import { samplePlan } from './testing/plans';

const OK = (rev: number): SaveResult => ({ ok: true, rev, savedAt: rev, unchanged: false });
const QUOTA: SaveResult = { ok: false, reason: 'quota', message: STORAGE_MESSAGES.quota };
const CONFLICT: SaveResult = {
  ok: false,
  reason: 'conflict',
  message: 'changed in another tab',
  theirs: { rev: 5, tabId: 'b', savedAt: 1 },
};

/** An autosaver of strings on Vitest's fake timers, recording every save and result. */
function setup(results: SaveResult[] = [], options: Partial<AutosaveOptions<string>> = {}) {
  const saved: string[] = [];
  const reported: [SaveResult, string][] = [];
  let n = 0;
  const autosaver = createAutosaver<string>({
    save: (plan) => {
      saved.push(plan);
      return results.shift() ?? OK(++n);
    },
    onResult: (result, plan) => reported.push([result, plan]),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    ...options,
  });
  return { autosaver, saved, reported };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves once, the latest plan, when edits pause for 800 ms', () => {
    const { autosaver, saved } = setup();
    for (const text of ['a', 'ab', 'abc']) {
      autosaver.schedule(text);
      vi.advanceTimersByTime(500);
    }
    expect(saved).toEqual([]);
    expect(autosaver.pending).toBe(true);
    vi.advanceTimersByTime(299);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(['abc']);
    expect(autosaver.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(saved).toEqual(['abc']);
  });

  it('saves at least every 5 s while edits never pause', () => {
    const { autosaver, saved } = setup();
    for (let t = 1; t <= 120; t++) {
      autosaver.schedule(`edit ${t}`);
      vi.advanceTimersByTime(100);
    }
    expect(saved).toEqual(['edit 50', 'edit 100']);
    vi.advanceTimersByTime(800);
    expect(saved).toEqual(['edit 50', 'edit 100', 'edit 120']);
  });

  it('honours a custom delay', () => {
    const { autosaver, saved } = setup([], { delayMs: 2000 });
    autosaver.schedule('x');
    vi.advanceTimersByTime(1999);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(['x']);
  });

  it('saves at once on flush, and only if something is pending', () => {
    const { autosaver, saved } = setup();
    expect(autosaver.flush()).toBeNull();
    autosaver.schedule('draft');
    expect(autosaver.flush()).toEqual(OK(1));
    expect(saved).toEqual(['draft']);
    expect(autosaver.flush()).toBeNull();
    vi.advanceTimersByTime(10_000);
    expect(saved).toEqual(['draft']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports every result, so the UI can say "Saved", storage is full, or another tab changed the plan', () => {
    const { autosaver, reported } = setup([OK(1), QUOTA]);
    autosaver.schedule('one');
    autosaver.flush();
    autosaver.schedule('two');
    autosaver.flush();
    expect(reported).toEqual([
      [OK(1), 'one'],
      [QUOTA, 'two'],
    ]);
  });

  it('keeps a plan that failed to save pending, and saves it on the next flush', () => {
    const { autosaver, saved } = setup([QUOTA]);
    autosaver.schedule('big');
    vi.advanceTimersByTime(800);
    expect(autosaver.pending).toBe(true);
    expect(autosaver.blocked).toBeNull();
    expect(autosaver.flush()).toEqual(OK(1));
    expect(saved).toEqual(['big', 'big']);
    expect(autosaver.pending).toBe(false);
  });

  it('reports a save that throws as unavailable storage and keeps the plan', () => {
    const onResult = vi.fn();
    const autosaver = createAutosaver<string>({
      save: () => {
        throw new Error('bug');
      },
      onResult,
    });
    autosaver.schedule('kept');
    expect(autosaver.flush()).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ reason: 'unavailable' }), 'kept');
    expect(autosaver.pending).toBe(true);
  });

  it('holds still after a conflict until resumed, never saving over the other tab', () => {
    const { autosaver, saved } = setup([CONFLICT]);
    autosaver.schedule('mine');
    vi.advanceTimersByTime(800);
    expect(autosaver.blocked).toEqual(CONFLICT);
    autosaver.schedule('mine, edited more');
    vi.advanceTimersByTime(10_000);
    expect(autosaver.flush()).toBeNull();
    expect(saved).toEqual(['mine']);
    expect(autosaver.pending).toBe(true);

    autosaver.resume();
    expect(autosaver.blocked).toBeNull();
    vi.advanceTimersByTime(800);
    expect(saved).toEqual(['mine', 'mine, edited more']);
  });

  it("forgets a pending plan on cancel (the other tab's version was loaded)", () => {
    const { autosaver, saved } = setup();
    autosaver.schedule('discarded');
    autosaver.cancel();
    vi.advanceTimersByTime(10_000);
    expect(saved).toEqual([]);
    expect(autosaver.pending).toBe(false);
  });

  it('flushes on dispose, then ignores later edits and leaves no timer behind', () => {
    const { autosaver, saved } = setup();
    autosaver.schedule('last words');
    expect(autosaver.dispose()).toEqual(OK(1));
    autosaver.schedule('too late');
    vi.advanceTimersByTime(10_000);
    expect(saved).toEqual(['last words']);
    expect(vi.getTimerCount()).toBe(0);
    expect(autosaver.dispose()).toBeNull();
  });

  it('runs on injected timers alone', () => {
    const queue: { fn: () => void; at: number; id: number }[] = [];
    let id = 0;
    const saved: string[] = [];
    const autosaver = createAutosaver<string>({
      save: (p) => (saved.push(p), OK(1)),
      setTimeout: (fn, ms) => (queue.push({ fn, at: ms, id: ++id }), id),
      clearTimeout: (h) => queue.splice(queue.findIndex((t) => t.id === h) >>> 0, 1),
    });
    autosaver.schedule('p');
    expect(queue.map((t) => t.at)).toEqual([800, 5000]);
    queue[0].fn();
    expect(saved).toEqual(['p']);
    expect(queue).toEqual([]);
  });
});

describe('flushing when the page is hidden or closed', () => {
  function page() {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    return { win, doc };
  }

  it('flushes on visibilitychange to hidden and on pagehide, not when the page becomes visible', () => {
    const { win, doc } = page();
    const flush = vi.fn();
    const unhook = flushWhenHidden(flush, win, doc);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flush).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(2);
    unhook();
    win.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('saves the pending edit of an autosaver when the tab is closed before the delay', () => {
    const { win, doc } = page();
    const { autosaver, saved } = setup();
    flushWhenHidden(() => autosaver.flush(), win, doc);
    autosaver.schedule('typed just before closing');
    win.dispatchEvent(new Event('pagehide'));
    expect(saved).toEqual(['typed just before closing']);
  });
});

describe('autosave into the library', () => {
  it("tracks revisions, stops at another tab's save, and keeps mine only when asked", () => {
    const storage = new MemoryStorage();
    const tabA = createPlanLibrary({ storage, tabId: 'a' });
    const tabB = createPlanLibrary({ storage, tabId: 'b' });
    const created = tabA.create(samplePlan('Shared'));
    if (!created.ok) throw new Error(created.message);
    const id = created.item.id;

    const saverA = librarySaver(tabA, id, 1);
    const results: SaveResult[] = [];
    const autosaver = createAutosaver({ save: saverA.save, onResult: (r) => results.push(r) });
    autosaver.schedule(samplePlan('A1'));
    vi.advanceTimersByTime(800);
    expect(saverA.rev).toBe(2);

    expect(tabB.save(id, samplePlan('B'), { expectedRev: 2 })).toMatchObject({ ok: true, rev: 3 });
    autosaver.schedule(samplePlan('A2'));
    vi.advanceTimersByTime(800);
    expect(results.map((r) => (r.ok ? 'saved' : r.reason))).toEqual(['saved', 'conflict']);
    expect(tabA.open(id)).toMatchObject({ ok: true, plan: { name: 'B' } });

    expect(saverA.saveOver(samplePlan('A2'))).toMatchObject({ ok: true, rev: 4 });
    autosaver.cancel();
    autosaver.resume();
    autosaver.schedule(samplePlan('A3'));
    vi.advanceTimersByTime(800);
    expect(tabA.open(id)).toMatchObject({ ok: true, rev: 5, plan: { name: 'A3' } });
  });
});
