'use client';
// First load: start keeping work, then decide which plan to show, in this order: a share link in the hash (asked
// about after the user's own plan is back), else the last opened plan exactly as stored, else (first visit) the
// default example, which then becomes the first plan in the library. The canvas shows "Loading…" until then. A plan
// that was run opens with its run (components/library/last-run.ts).
import { useEffect, useRef } from 'react';
import { isPlanLink } from '@/lib/share/link';
import type { Plan } from '@/lib/plan';
import type { AppStore } from '@/lib/store/app-store';
import { defaultExample, fetchExampleIndex, fetchExamplePlan, type ExampleEntry } from '@/lib/store/examples';
import { useAppStoreApi } from '@/lib/store/provider';
import { intakeTrackerFor } from '../library/intake-tracker';
import { getBrowserStorage } from '@/lib/persist';
import { keepLastRuns } from '../library/last-run';
import { usePersistence } from '../library/use-persistence';

const LINK_SOURCE = 'a share link';

/**
 * Takes a plan link out of the address bar (so a reload does not ask again) and decodes it on a worker, with a
 * progress line and Cancel: a link can carry a plan of many megabytes. Resolves to its plan, or null (no link,
 * refused with its problems, or cancelled).
 */
function takeLinkedPlan(store: AppStore): Promise<Plan | null> | null {
  const { hash, pathname, search } = window.location;
  if (!isPlanLink(hash)) return null;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  return intakeTrackerFor(store)
    .run('Opening the share link', { kind: 'link', hash })
    .then((outcome) => {
      if (outcome === null) {
        store.getState().notify({ tone: 'info', text: 'Opening the share link was cancelled. Your plans are unchanged.' });
        return null;
      }
      if (outcome.kind === 'link') return outcome.plan;
      const problems = outcome.kind === 'refused' ? outcome.problems : [];
      store.getState().notify({ tone: 'error', text: 'The share link could not be opened. Your plans are unchanged.', problems });
      return null;
    });
}

async function loadDefaultExample(store: AppStore, examples: Promise<ExampleEntry[] | null>, signal: AbortSignal): Promise<void> {
  const list = await examples;
  const first = list === null ? undefined : defaultExample(list);
  if (first === undefined) return;
  const result = await fetchExamplePlan(first, signal);
  if (result.ok) store.getState().load(result.plan, null);
  else store.getState().notify({ tone: 'error', text: `The example “${first.name}” could not be opened.`, problems: result.problems });
}

export function useBootstrap(): void {
  const store = useAppStoreApi();
  const persistence = usePersistence();
  // A link read but not yet asked about survives React's development double effects.
  const pendingLink = useRef<Promise<Plan | null> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const examples = fetchExampleIndex(controller.signal)
      .then((index) => {
        if (!index.ok) {
          store.getState().setExamplesError(index.message);
          return null;
        }
        store.getState().setExamples(index.examples);
        return index.examples;
      })
      .catch(() => null);
    const linked = takeLinkedPlan(store) ?? pendingLink.current;
    pendingLink.current = linked;
    const restored = persistence.restore();
    const settled = restored ? Promise.resolve() : loadDefaultExample(store, examples, controller.signal);
    let stopKeeping: (() => void) | null = null;
    settled.then(
      async () => {
        persistence.setReady();
        // From here on, a plan that was run opens with its run (the restored one included).
        if (!controller.signal.aborted) stopKeeping = keepLastRuns(store, getBrowserStorage);
        // Asked once the user's own plan is back, and the link is read.
        const plan = linked === null ? null : await linked;
        if (plan !== null && pendingLink.current === linked) {
          pendingLink.current = null;
          store.getState().askToOpen({ plan, source: LINK_SOURCE });
        }
      },
      () => {
        // Aborted on unmount, or the example could not be fetched: show whatever is there.
        if (!controller.signal.aborted) persistence.setReady();
      },
    );
    // A link pasted into the address bar of this open tab: ask about it too.
    const onHashChange = () => {
      void takeLinkedPlan(store)?.then((plan) => {
        if (plan !== null) store.getState().askToOpen({ plan, source: LINK_SOURCE });
      });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      controller.abort();
      stopKeeping?.();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [store, persistence]);
}
