'use client';
// The right-hand panel: pick an example, see its settings, press Run, read the outcome and the context.
import { useAppStore } from '@/lib/store/provider';
import { selectPlan, selectRun } from '@/lib/store/selectors';
import { ExamplePicker } from './example-picker';
import { PlanSummary } from './plan-summary';
import { RunResults } from './run-results';
import { useExamples } from './use-examples';

export function RunPanel() {
  useExamples();
  const plan = useAppStore(selectPlan);
  const run = useAppStore(selectRun);
  return (
    <div className="tw-panel">
      <section className="tw-section" aria-labelledby="tw-plan-heading">
        <h2 id="tw-plan-heading" className="tw-h2">
          Plan
        </h2>
        <div className="tw-controls">
          <ExamplePicker />
          <button type="button" className="tw-button" onClick={run} disabled={plan === null}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M4 2.5v11l9-5.5-9-5.5Z" fill="currentColor" />
            </svg>
            Run
          </button>
        </div>
        <PlanSummary />
      </section>
      <section className="tw-section" aria-labelledby="tw-result-heading" aria-live="polite">
        <h2 id="tw-result-heading" className="tw-h2">
          Result
        </h2>
        <RunResults />
      </section>
    </div>
  );
}
