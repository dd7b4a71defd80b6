// The import or share link being read right now, per store: its words for the progress line, its stage, and its
// Cancel. One at a time: a new one cancels the one before. No React here: the progress view subscribes to it.
import type { AppStore } from '@/lib/store/app-store';
import { IntakeCancelled, startIntake, type IntakeTask } from '@/lib/intake/client';
import type { IntakeOutcome, IntakeRequest, IntakeStage } from '@/lib/intake/intake-core';

export interface IntakeView {
  /** What is being read, in words: “Importing “plan.json” (8.4 MB)”. */
  label: string;
  stage: IntakeStage | null;
}

export interface IntakeTracker {
  view(): IntakeView | null;
  subscribe(listener: () => void): () => void;
  /** Reads a request off the page's thread; null when it was cancelled (by the user or by a newer one). */
  run(label: string, request: IntakeRequest): Promise<IntakeOutcome | null>;
  cancel(): void;
}

export function createIntakeTracker(start: typeof startIntake = startIntake): IntakeTracker {
  let view: IntakeView | null = null;
  let task: IntakeTask | null = null;
  const listeners = new Set<() => void>();
  const set = (next: IntakeView | null) => {
    view = next;
    for (const l of listeners) l();
  };
  return {
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async run(label, request) {
      task?.cancel();
      set({ label, stage: null });
      // Stages may be told before start() returns (on this thread): `ours` says whether this run is still the one.
      let ours = true;
      const mine = start(request, (stage) => {
        if (ours) set({ label, stage });
      });
      task = mine;
      try {
        return await mine.done;
      } catch (err) {
        if (err instanceof IntakeCancelled) return null;
        throw err;
      } finally {
        if (task === mine) {
          task = null;
          set(null);
        }
        ours = false;
      }
    },
    cancel() {
      task?.cancel();
    },
  };
}

const trackers = new WeakMap<AppStore, IntakeTracker>();

/** The tracker of this store's page, made on first use. */
export function intakeTrackerFor(store: AppStore): IntakeTracker {
  let tracker = trackers.get(store);
  if (tracker === undefined) {
    tracker = createIntakeTracker();
    trackers.set(store, tracker);
  }
  return tracker;
}
