'use client';
// The loaded plan at a glance: name, description, settings, and any problems that stopped it loading.
import { useId, useState } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectExamplesError, selectPlan } from '@/lib/store/selectors';
import { formatShortMs } from '../format';

/** A long description shows three lines until asked for more. */
function Description({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const long = text.length > 160;
  return (
    <>
      <p id={id} className={`tw-plan__desc${long && !open ? ' tw-plan__desc--clamped' : ''}`}>
        {text}
      </p>
      {long && (
        <button type="button" className="tw-link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show more'}
        </button>
      )}
    </>
  );
}

export function PlanSummary() {
  const plan = useAppStore(selectPlan);
  const examplesError = useAppStore(selectExamplesError);

  if (examplesError !== null) {
    return (
      <p className="tw-error" role="alert">
        {examplesError}
      </p>
    );
  }

  const s = plan.settings;
  const scenario = plan.scenarios.find((x) => x.id === s.scenario);
  return (
    <div className="tw-plan">
      <p className="tw-plan__name">{plan.name}</p>
      {plan.description !== undefined && <Description text={plan.description} />}
      <dl className="tw-facts">
        <div>
          <dt>Strategy</dt>
          <dd>{s.strategy}</dd>
        </div>
        <div>
          <dt>Calls</dt>
          <dd>{plan.calls.length}</dd>
        </div>
        <div>
          <dt>Model turn</dt>
          <dd>{formatShortMs(s.modelTurnMs)}</dd>
        </div>
        <div>
          <dt>Deadline</dt>
          <dd>{s.deadlineMs === null ? 'none' : formatShortMs(s.deadlineMs)}</dd>
        </div>
        <div>
          <dt>Seed</dt>
          <dd>{s.seed}</dd>
        </div>
        <div>
          <dt>Concurrency</dt>
          <dd>{s.maxConcurrency === null ? 'unlimited' : s.maxConcurrency}</dd>
        </div>
        {scenario !== undefined && (
          <div className="tw-facts__wide">
            <dt>Scenario</dt>
            <dd>{scenario.name}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
