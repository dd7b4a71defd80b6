'use client';
// What the latest run did: the outcome, the makespan, each call at the cursor (its final status at the end), and
// the context at the cursor.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CallPhase, Trace } from '@/lib/engine';
import { endTime, stateAt } from '@/lib/engine/playback';
import { statusCounts } from '@/lib/engine/portable/facts';
import type { Plan } from '@/lib/plan';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { selectContextError, selectRunError, selectTrace, selectTracePlan, selectViewPath, selectViewRun } from '@/lib/store/selectors';
import { preparedFor } from '@/lib/store/view';
import { exactMs } from '@/lib/format/duration';
import { OUTCOME_LABEL, STATUS_LABEL, outcomeTone, statusTone } from '../format';
import { AFTER_RUN, contextAtMs, contextKey } from './playback-model';
import { ContextAtCursor } from './context-panel';
import { StrategyCompare } from './strategy-compare';
import { InjectedNotice } from '../inject/injected-notice';
import { TermTip } from '../glossary/term-tip';
import { STATUS_TERM } from '@/lib/glossary/terms';

/** What the status alone does not say: hidden failures in an opaque sub-agent, missing optional inputs. */
function callNote(c: Trace['calls'][number]): string | null {
  const notes: string[] = [];
  if ((c.hiddenFailures ?? 0) > 0) notes.push(`${c.hiddenFailures} hidden ${c.hiddenFailures === 1 ? 'failure' : 'failures'}`);
  // The same words as the node's chip, the context and the captions: degraded, ran without its optional inputs.
  if (c.missingInputs.length > 0) notes.push(`degraded: ran without ${c.missingInputs.map((m) => m.id).join(', ')}`);
  return notes.length === 0 ? null : notes.join('; ');
}

/** A call's state at the cursor in words: its final status, or what it is doing on the way there. */
function phaseWord(phase: CallPhase): string {
  if (phase === 'waiting') return 'waiting';
  if (phase === 'running') return 'running';
  if (phase === 'retry_wait') return 'waiting to retry';
  return STATUS_LABEL[phase];
}

function phaseClass(phase: CallPhase): string {
  if (phase === 'running') return 'tw-status--live';
  if (phase === 'retry_wait') return 'tw-status--warn';
  if (phase === 'waiting') return 'tw-status--idle';
  return `tw-status--${statusTone(phase)}`;
}

/** The event-instant key at the cursor of the run on view (this level's clock): changes only at events, so the table re-renders once per event. */
const selectTableKey = (s: AppState): number => {
  const v = s.runOnView;
  if (v === null) return AFTER_RUN;
  return contextKey(preparedFor(v.trace, v.plan).times, s.cursorMs - v.offsetMs, endTime(v.trace));
};

function CallStatusList({ trace, plan }: { trace: Trace; plan: Plan }) {
  const key = useAppStore(selectTableKey);
  const prepared = preparedFor(trace, plan);
  const at = contextAtMs(prepared.times, key);
  const states = useMemo(() => (at === undefined ? null : stateAt(prepared, at)), [prepared, at]);
  return (
    // The table scrolls sideways inside the pane when the pane is narrower than its columns.
    <div className="tw-table-scroll">
      <table className="tw-calls tw-run-calls">
        <caption className="tw-visually-hidden">{at === undefined ? 'Final status of each call' : 'Each call at the cursor'}</caption>
        <colgroup>
          <col className="tw-run-calls__id" />
          <col />
          <col className="tw-run-calls__tries" />
          <col className="tw-run-calls__ends" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Call</th>
            <th scope="col">{at === undefined ? 'Status' : 'At the cursor'}</th>
            <th scope="col" className="tw-num">
              Tries
            </th>
            <th scope="col" className="tw-num">
              Ends
            </th>
          </tr>
        </thead>
        <tbody>
          {trace.calls.map((c, i) => {
            const st = states?.[i];
            const phase: CallPhase = st === undefined ? c.status : st.phase;
            const final = st === undefined || (phase !== 'waiting' && phase !== 'running' && phase !== 'retry_wait');
            const note = final ? callNote(c) : null;
            return (
              <tr key={c.id}>
                <th scope="row" className="tw-calls__id">
                  {c.id}
                </th>
                <td>
                  <span className={`tw-status ${phaseClass(phase)}`} data-status={final ? phase : undefined} data-phase={phase}>
                    {final && phase in STATUS_TERM ? (
                      <TermTip term={STATUS_TERM[phase as keyof typeof STATUS_TERM]} focusable={false}>
                        {phaseWord(phase)}
                      </TermTip>
                    ) : (
                      phaseWord(phase)
                    )}
                  </span>
                  {note !== null && <span className="tw-calls__note">{note}</span>}
                </td>
                <td className="tw-num">{st === undefined ? c.attempts.length : st.attempt}</td>
                <td className="tw-num">{c.endMs === null || (at !== undefined && c.endMs > at) ? '—' : exactMs(c.endMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What went wrong with the last run or its context, if anything. */
const selectErrors = (s: AppState) => ({ runError: selectRunError(s), contextError: selectContextError(s) });

export function RunResults() {
  const topTrace = useAppStore(selectTrace);
  const tracePlan = useAppStore(selectTracePlan);
  const path = useAppStore(selectViewPath);
  const view = useAppStore(selectViewRun);
  const { runError, contextError } = useAppStore(useShallow(selectErrors));

  if (runError !== null) {
    return (
      <p className="tw-error" role="alert">
        {runError}
      </p>
    );
  }
  if (topTrace === null) {
    return <p className="tw-muted">Press Run to simulate this plan once with its seed.</p>;
  }
  // Drilled into a sub-agent, the pane shows that level's run alone, named; the top run is one click up the path.
  const level = path.length === 0 ? null : path.join(' › ');
  if (level !== null && view === null) {
    return (
      <p className="tw-muted" data-level={level}>
        Sub-agent {level} did not run in this run: nothing to show at this level.
      </p>
    );
  }
  const trace = view?.trace ?? topTrace;
  return (
    <div className="tw-results">
      {tracePlan !== null && <InjectedNotice plan={tracePlan} what="This run:" />}
      <p className="tw-results__level" data-level={level ?? 'top'}>
        {level === null ? 'The plan’s run' : `Sub-agent ${level}: its own run, inside the plan’s`}
      </p>
      <div className="tw-outcome">
        <p className={`tw-outcome__value tw-outcome--${outcomeTone(trace.outcome)}`} data-outcome={trace.outcome}>
          <TermTip term="outcome">Outcome</TermTip>: {OUTCOME_LABEL[trace.outcome]}
        </p>
        <p className="tw-outcome__makespan">
          <TermTip term="makespan">Makespan</TermTip>: {trace.makespanMs === null ? 'none (stuck)' : exactMs(trace.makespanMs)}
        </p>
        <p className="tw-outcome__counts">
          {statusCounts(trace.calls.map((c) => c.status))
            .map(([s, n]) => `${n} ${STATUS_LABEL[s]}`)
            .join(' · ')}
        </p>
        {level === null && <StrategyCompare />}
      </div>
      <h3 className="tw-h3">{level === null ? 'Calls' : `Calls of ${level}`}</h3>
      {view !== null ? (
        <CallStatusList trace={view.trace} plan={view.plan} />
      ) : (
        tracePlan !== null && <CallStatusList trace={trace} plan={tracePlan} />
      )}
      <h3 className="tw-h3">
        <TermTip term="partial-state-context">Context</TermTip>
      </h3>
      {contextError !== null ? (
        <p className="tw-error" role="alert">
          {contextError}
        </p>
      ) : (
        <ContextAtCursor />
      )}
    </div>
  );
}
