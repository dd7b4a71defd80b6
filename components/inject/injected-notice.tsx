'use client';
// Where injected faults act, this says so: "2 injected faults in force on fetch_2 and search", with one click to clear
// them (only them: the design stays). A chip over the canvas, and a note in the Run tab and in Many runs for the plan
// whose results are shown. Plain text, never HTML; the words come from lib/plan/injected.ts.
import { useMemo } from 'react';
import type { Plan } from '@/lib/plan';
import { countInjected, injectedInWords, listInjected } from '@/lib/plan/injected';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { preciseDuration } from '@/lib/format/duration';
import { describeFault } from '../format';
import { useInject } from './use-inject';

const selectDocInjected = (s: AppState): number => countInjected(s.plan).faults;

/** One line per call: "search: error “injected failure” (retryable), 100% of attempts". */
function details(plan: Plan): string {
  return listInjected(plan)
    .map(
      (x) =>
        `${[...x.path, x.callId].join(' › ')}: ${x.faults.map(describeFault).join('; ')}${x.timeoutMs !== undefined ? ` (timeout ${preciseDuration(x.timeoutMs)} while injected)` : ''}`,
    )
    .join('\n');
}

function ClearButton({ small = false }: { small?: boolean }) {
  const commands = useInject();
  const inDoc = useAppStore(selectDocInjected);
  if (inDoc === 0) return null;
  return (
    <button
      type="button"
      className={`tw-button tw-button--quiet tw-button--small tw-injected__clear${small ? ' tw-injected__clear--chip' : ''}`}
      title="Takes every injected fault out of force; the faults designed into the calls and scenarios stay"
      onClick={commands.clearEverywhere}
    >
      Clear injected faults
    </button>
  );
}

/** Over the canvas, beside the scenarios button: how many injected faults the document holds, and Clear. */
export function InjectedChip() {
  const plan = useAppStore((s: AppState) => s.plan);
  const words = useMemo(() => injectedInWords(plan), [plan]);
  const title = useMemo(() => details(plan), [plan]);
  if (words === null) return null;
  const n = countInjected(plan).faults;
  return (
    <div className="tw-injected tw-injected--chip" role="group" aria-label="Injected faults">
      <span className="tw-injected__text" title={`${words}. Not part of the design.\n${title}`}>
        <span className="tw-injected__mark" aria-hidden="true" />
        {n} injected {n === 1 ? 'fault' : 'faults'}
        <span className="tw-visually-hidden"> in force: {words}</span>
      </span>
      <ClearButton small />
    </div>
  );
}

/**
 * Above results that injected faults shaped: what was in force for them, that it is not the design, and Clear.
 * `plan` is the plan the results were made from (the document may have changed since); `what` names the results.
 */
export function InjectedNotice({ plan, what }: { plan: Plan; what: string }) {
  const words = useMemo(() => injectedInWords(plan), [plan]);
  const title = useMemo(() => details(plan), [plan]);
  if (words === null) return null;
  return (
    <div className="tw-injected tw-injected--note" role="note" data-injected={countInjected(plan).faults}>
      <p className="tw-injected__text" title={title}>
        <span className="tw-injected__mark" aria-hidden="true" />
        <strong>{what}</strong> {words}: one-click injections, not part of the design.
      </p>
      <ClearButton />
    </div>
  );
}
