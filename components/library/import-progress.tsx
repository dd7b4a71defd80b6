'use client';
// The line over the canvas while an import or a share link is read on its worker: what is read, how far it got,
// and Cancel. The page answers throughout; the open plan changes only when the reading succeeds.
import { useSyncExternalStore } from 'react';
import type { IntakeStage } from '@/lib/intake/intake-core';
import { useAppStoreApi } from '@/lib/store/provider';
import { intakeTrackerFor } from './intake-tracker';

const STAGES: Record<IntakeStage, string> = {
  reading: 'reading the file',
  checking: 'checking it against the plan format',
  building: 'building a plan from the recorded runs',
};

const STEPS: IntakeStage[] = ['reading', 'checking', 'building'];
const none = () => null;

export function ImportProgress() {
  const tracker = intakeTrackerFor(useAppStoreApi());
  const view = useSyncExternalStore(tracker.subscribe, tracker.view, none);
  if (view === null) return null;
  const step = view.stage === null ? 0 : STEPS.indexOf(view.stage) + 1;
  return (
    <div className="tw-intake" role="status">
      <div className="tw-intake__text">
        <strong>{view.label}</strong>
        <span className="tw-intake__stage">{view.stage === null ? 'starting…' : `${STAGES[view.stage]}…`}</span>
      </div>
      <progress className="tw-intake__bar" aria-label="Import progress" max={STEPS.length + 1} value={step} />
      <button type="button" className="tw-button tw-button--small tw-button--quiet" onClick={() => tracker.cancel()}>
        Cancel
      </button>
    </div>
  );
}
