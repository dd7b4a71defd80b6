// Debounced autosave: saves the latest plan once edits pause, at once on flush() (page hidden or closed), and says how each save went.
// It never drops the latest plan silently and never saves over a conflict: after one it holds still until resume().
import type { PlanLibrary, SaveOptions, SaveResult } from './library';
import type { Plan } from '../plan/schema';

/** The timer functions the autosaver uses: the globals in the app, fakes in tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions<P> extends Partial<Timers> {
  /** Saves one plan now (usually a librarySaver's save). Should not throw; a throw is reported as "unavailable". */
  save: (plan: P) => SaveResult;
  /** Quiet time after the last edit before saving (default 800 ms). */
  delayMs?: number;
  /** Longest an edit waits during non-stop typing (default 5000 ms). */
  maxWaitMs?: number;
  /** Told of every save's result: "Saved", the storage message, or the conflict for the UI to show. */
  onResult?: (result: SaveResult, plan: P) => void;
}

export interface Autosaver<P> {
  /** Records the latest plan and (re)starts the debounce. */
  schedule(plan: P): void;
  /** Saves the pending plan now, if any and not blocked: for `visibilitychange` to hidden and `pagehide`. */
  flush(): SaveResult | null;
  /** Forgets the pending plan without saving it (the user loaded the other tab's version). */
  cancel(): void;
  /** Lets saves go on after a conflict or a missing plan was dealt with; a pending plan is saved after the delay. */
  resume(): void;
  /** Flushes, then stops for good: later schedules are ignored. */
  dispose(): SaveResult | null;
  /** A plan is waiting to be saved (also while blocked, or after a failed save). */
  readonly pending: boolean;
  /** The conflict or missing-plan result that holds saves back, else null. */
  readonly blocked: SaveResult | null;
}

const SAVE_THREW: SaveResult = {
  ok: false,
  reason: 'unavailable',
  message: 'Saving failed unexpectedly: this plan is kept in memory only. Export it to keep it.',
};

/** Results that must stop autosave until the user decides: saving again would overwrite or resurrect. */
const blocks = (r: SaveResult): boolean => !r.ok && (r.reason === 'conflict' || r.reason === 'missing');

export function createAutosaver<P>(options: AutosaveOptions<P>): Autosaver<P> {
  const delayMs = options.delayMs ?? 800;
  const maxWaitMs = Math.max(delayMs, options.maxWaitMs ?? 5000);
  const setTimer = options.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms));
  const clearTimer = options.clearTimeout ?? ((h: unknown) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>));

  let latest: { plan: P } | null = null;
  let debounce: unknown = null;
  let deadline: unknown = null;
  let blocked: SaveResult | null = null;
  let disposed = false;

  function clearTimers(): void {
    if (debounce !== null) clearTimer(debounce);
    if (deadline !== null) clearTimer(deadline);
    debounce = null;
    deadline = null;
  }

  function arm(): void {
    if (debounce !== null) clearTimer(debounce);
    debounce = setTimer(() => void saveNow(), delayMs);
    if (deadline === null) deadline = setTimer(() => void saveNow(), maxWaitMs);
  }

  function saveNow(): SaveResult | null {
    clearTimers();
    if (latest === null || blocked !== null) return null;
    const { plan } = latest;
    let result: SaveResult;
    try {
      result = options.save(plan);
    } catch {
      result = SAVE_THREW;
    }
    // A failed save keeps the plan pending, so the next flush tries again; a newer schedule during save wins.
    if (result.ok && latest?.plan === plan) latest = null;
    if (blocks(result)) blocked = result;
    options.onResult?.(result, plan);
    return result;
  }

  return {
    schedule(plan) {
      if (disposed) return;
      latest = { plan };
      if (blocked === null) arm();
    },
    flush: saveNow,
    cancel() {
      latest = null;
      clearTimers();
    },
    resume() {
      blocked = null;
      if (latest !== null && !disposed) arm();
    },
    dispose() {
      if (disposed) return null;
      const result = saveNow();
      disposed = true;
      clearTimers();
      return result;
    },
    get pending() {
      return latest !== null;
    },
    get blocked() {
      return blocked;
    },
  };
}

export interface LibrarySaver {
  save(plan: Plan): SaveResult;
  /** The rev this tab last read or wrote. */
  readonly rev: number;
  /** After the user reloaded the other tab's version: that version's rev. */
  setRev(rev: number): void;
  /** Saves over the other tab's version ("keep mine") and carries on from the new rev. */
  saveOver(plan: Plan): SaveResult;
}

/** Binds library.save to one plan id, tracking its rev so every save states the rev it builds on. */
export function librarySaver(
  library: Pick<PlanLibrary, 'save'>,
  id: string,
  rev: number,
  options: Omit<SaveOptions, 'expectedRev' | 'force'> = {},
): LibrarySaver {
  let current = rev;
  const run = (plan: Plan, force: boolean): SaveResult => {
    const result = library.save(id, plan, { ...options, expectedRev: current, force });
    if (result.ok) current = result.rev;
    return result;
  };
  return {
    save: (plan) => run(plan, false),
    saveOver: (plan) => run(plan, true),
    get rev() {
      return current;
    },
    setRev(next) {
      current = next;
    },
  };
}

/** The part of EventTarget the page-lifecycle hook needs. */
export interface EventSource {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * Calls `flush` when the page is hidden (`visibilitychange` to hidden: the last event mobile browsers reliably
 * fire) or left (`pagehide`). Pass `window` and `document`; returns the function that unhooks it.
 */
export function flushWhenHidden(flush: () => void, win: EventSource, doc: EventSource & { readonly visibilityState: string }): () => void {
  const onVisibility = (): void => {
    if (doc.visibilityState === 'hidden') flush();
  };
  const onPageHide = (): void => flush();
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
  };
}
