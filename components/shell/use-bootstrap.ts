'use client';
// First load: the example index, then the plan to show (for now the default example).
import { useEffect } from 'react';
import { defaultExample, fetchExampleIndex, fetchExamplePlan } from '@/lib/store/examples';
import { useAppStoreApi } from '@/lib/store/provider';

export function useBootstrap(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const controller = new AbortController();
    const s = store.getState();
    fetchExampleIndex(controller.signal).then(
      async (index) => {
        if (!index.ok) {
          s.setExamplesError(index.message);
          return;
        }
        s.setExamples(index.examples);
        const first = defaultExample(index.examples);
        if (first === undefined) return;
        const result = await fetchExamplePlan(first, controller.signal);
        if (result.ok) store.getState().load(result.plan, null);
        else store.getState().notify({ tone: 'error', text: `The example “${first.name}” could not be opened.`, problems: result.problems });
      },
      () => {
        // Aborted on unmount: nothing to report.
      },
    );
    return () => controller.abort();
  }, [store]);
}
