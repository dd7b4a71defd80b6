'use client';
// The React side of keeping work: one library controller per store, started while the editor is mounted, wired to
// the page (flush when hidden or left, other tabs' storage events, a BroadcastChannel), and read by the views.
import { useEffect, useSyncExternalStore } from 'react';
import { createPlanLibrary, flushWhenHidden, getBrowserStorage, TAB_CHANNEL, type ChannelLike } from '@/lib/persist';
import type { AppStore } from '@/lib/store/app-store';
import { useAppStoreApi } from '@/lib/store/provider';
import { createLibraryController } from './library-controller';
import { INITIAL_VIEW, type LibraryController, type LibraryView } from './library-types';

const controllers = new WeakMap<AppStore, LibraryController>();

function browserChannel(): ChannelLike | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(TAB_CHANNEL);
  } catch {
    return null;
  }
}

/** The controller for this store, made on first use. Creating one touches no browser API (storage is read lazily). */
export function libraryControllerFor(store: AppStore): LibraryController {
  let controller = controllers.get(store);
  if (controller === undefined) {
    controller = createLibraryController({ store, library: createPlanLibrary({ storage: getBrowserStorage }), channel: browserChannel });
    controllers.set(store, controller);
  }
  return controller;
}

export function useLibraryController(): LibraryController {
  return libraryControllerFor(useAppStoreApi());
}

const serverView = (): LibraryView => INITIAL_VIEW;

/** The library's list, banner and readiness; re-renders when they change. */
export function useLibraryView(): LibraryView {
  const controller = useLibraryController();
  return useSyncExternalStore(controller.subscribe, controller.getView, serverView);
}

/**
 * Keeps every plan in the browser library while the editor is mounted: autosave (flushed when the page is hidden
 * or left), other tabs' saves and deletions, list updates, and a question before leaving with edits that cannot be
 * saved. Call it once, before anything loads a plan.
 */
export function usePersistence(): LibraryController {
  const controller = useLibraryController();
  useEffect(() => {
    controller.start();
    const unhookFlush = flushWhenHidden(() => controller.flush(), window, document);
    const onStorage = (e: StorageEvent) => {
      if (e.storageArea === null || e.storageArea === getBrowserStorage()) controller.handleStorageEvent(e);
    };
    const onPageHide = () => controller.pageHidden();
    // Edits that cannot be saved (saving paused by another tab, storage full): the browser asks before leaving.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!controller.hasUnsavedWork()) return;
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = true;
    };
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) controller.pageShown();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unhookFlush();
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      window.removeEventListener('beforeunload', onBeforeUnload);
      controller.stop();
    };
  }, [controller]);
  return controller;
}
