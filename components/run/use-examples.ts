'use client';
// Loads the example index once, selects the default example, and fetches whichever example is selected.
import { useEffect } from 'react';
import { defaultExample, fetchExampleIndex, fetchExamplePlan } from '@/lib/store/examples';
import { useAppStore } from '@/lib/store/provider';
import {
  selectExampleId,
  selectExamples,
  selectPlanLoaded,
  selectSelectExample,
  selectSetExamples,
  selectSetExamplesError,
} from '@/lib/store/selectors';

export function useExamples(): void {
  const examples = useAppStore(selectExamples);
  const exampleId = useAppStore(selectExampleId);
  const setExamples = useAppStore(selectSetExamples);
  const setExamplesError = useAppStore(selectSetExamplesError);
  const selectExample = useAppStore(selectSelectExample);
  const planLoaded = useAppStore(selectPlanLoaded);

  useEffect(() => {
    const controller = new AbortController();
    fetchExampleIndex(controller.signal).then(
      (result) => {
        if (!result.ok) {
          setExamplesError(result.message);
          return;
        }
        setExamples(result.examples);
        const first = defaultExample(result.examples);
        if (first !== undefined) selectExample(first.id);
      },
      () => {
        // Aborted on unmount: nothing to report.
      },
    );
    return () => controller.abort();
  }, [setExamples, setExamplesError, selectExample]);

  useEffect(() => {
    const entry = examples.find((e) => e.id === exampleId);
    if (entry === undefined) return;
    const controller = new AbortController();
    fetchExamplePlan(entry, controller.signal).then(
      (result) => planLoaded(entry.id, result),
      () => {
        // Aborted: a newer selection or an unmount replaced this fetch.
      },
    );
    return () => controller.abort();
  }, [examples, exampleId, planLoaded]);
}
