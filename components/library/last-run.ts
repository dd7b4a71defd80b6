// A plan reopens with its last run shown: the ids of the library's plans that were run are kept in storage, and when
// one of them opens (a reload, a switch of plans, undo back to it) it is simulated again. Runs are deterministic (the
// plan's seed), so the run shown is the one the plan gives; nothing of the trace itself is stored. Never throws on
// storage: without it, a plan simply opens without a run.
import type { AppState, AppStore } from '@/lib/store/app-store';
import { STORAGE_PREFIX, type StorageLike } from '@/lib/persist';

export const RAN_KEY = `${STORAGE_PREFIX}ran`;
/** The most plans remembered: the oldest are forgotten first. */
const MAX_REMEMBERED = 200;

function readIds(storage: StorageLike | null): string[] {
  try {
    const raw = storage?.getItem(RAN_KEY);
    if (raw == null) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(-MAX_REMEMBERED) : [];
  } catch {
    return [];
  }
}

function remember(storage: StorageLike | null, id: string): void {
  const ids = readIds(storage);
  if (ids[ids.length - 1] === id) return;
  try {
    storage?.setItem(RAN_KEY, JSON.stringify([...ids.filter((x) => x !== id), id].slice(-MAX_REMEMBERED)));
  } catch {
    // Storage full or refused: the plan will open without its run, nothing else is lost.
  }
}

/** Whether the document on view should show a run it does not have yet. */
function wantsRun(state: AppState, storage: StorageLike | null): boolean {
  return state.docId !== null && state.trace === null && state.runError === null && readIds(storage).includes(state.docId);
}

/**
 * Starts keeping runs across opens for `store`: re-runs the plan on view now if it was run before, and from then on
 * whenever another document opens. Returns the function that stops it.
 */
export function keepLastRuns(store: AppStore, storage: () => StorageLike | null): () => void {
  let stopped = false;
  const runLater = () =>
    queueMicrotask(() => {
      if (!stopped && wantsRun(store.getState(), storage())) void store.getState().run();
    });
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.trace !== null && next.docId !== null && (next.trace !== prev.trace || next.docId !== prev.docId))
      remember(storage(), next.docId);
    if (next.docId !== prev.docId || next.planVersion !== prev.planVersion) runLater();
  });
  runLater();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
