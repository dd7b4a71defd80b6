'use client';
// The course's side of the page: the learner's progress (kept in this browser, docs/learn.md), which left-pane tab
// shows, and the first-visit offer. One small store per editor store, made on first use, as the library's is.
// The lessons themselves stay out of this module (see learn-check.ts) so they load only when needed.
import { useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { markOfferSeen, NO_PROGRESS, parseProgress, PROGRESS_KEY, serializeProgress, type Progress } from '@/lib/learn/progress';
import { getBrowserStorage } from '@/lib/persist';
import type { AppStore } from '@/lib/store/app-store';
import { useAppStoreApi } from '@/lib/store/provider';

export interface LearnUi {
  progress: Progress;
  /** Progress has been read from storage (until then nothing is written back). */
  loaded: boolean;
  /** The first-visit offer is on screen (it was not seen before this page). */
  offering: boolean;
  /** The left pane's tab: the library's, the examples' or the course's. */
  leftTab: string;
}

export type LearnStore = StoreApi<LearnUi>;

const stores = new WeakMap<AppStore, LearnStore>();

export function learnStoreFor(app: AppStore): LearnStore {
  let store = stores.get(app);
  if (store === undefined) {
    store = createStore<LearnUi>()(() => ({ progress: NO_PROGRESS, loaded: false, offering: false, leftTab: 'library' }));
    stores.set(app, store);
  }
  return store;
}

export function useLearnStore(): LearnStore {
  return learnStoreFor(useAppStoreApi());
}

/** Reads one value of the course's store; pass a module-level selector. */
export function useLearn<T>(select: (s: LearnUi) => T): T {
  const store = useLearnStore();
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState()),
    () => select(store.getInitialState()),
  );
}

export const selectProgress = (s: LearnUi) => s.progress;
export const selectOffering = (s: LearnUi) => s.offering;
export const selectLeftTab = (s: LearnUi) => s.leftTab;

/** Reads progress from this browser once; the offer shows if it was never seen, and is then marked seen. */
export function loadProgress(learn: LearnStore): void {
  if (learn.getState().loaded) return;
  let raw: string | null = null;
  try {
    raw = getBrowserStorage()?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    raw = null;
  }
  const progress = parseProgress(raw);
  learn.setState({ progress: markOfferSeen(progress), loaded: true, offering: !progress.offerSeen });
}

/** Writes progress back; a storage that refuses (full, blocked) only means it lasts this page. */
export function saveProgress(progress: Progress): void {
  try {
    getBrowserStorage()?.setItem(PROGRESS_KEY, serializeProgress(progress));
  } catch {
    // Progress is a convenience: losing it never stops the course.
  }
}

/** Shows the course in the left pane (opening the pane), and puts the offer away. */
export function showCourse(app: AppStore, learn: LearnStore): void {
  app.getState().setLeftOpen(true);
  learn.setState({ leftTab: 'learn', offering: false });
}

/** How many lessons the course has (tested against the course itself). */
export const LESSON_COUNT = 7;

/** Every lesson's plan is named so ("Lesson · …"): a plan without it is never a lesson, so no check need load. */
export const LESSON_PLAN_PREFIX = 'Lesson · ';
