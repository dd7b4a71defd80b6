'use client';
// What the latest run did: the outcome, the makespan, each call's final status, and the text context.
import type { CallStatus, Trace } from '@/lib/engine';
import { CALL_STATUSES } from '@/lib/engine';
import { useAppStore } from '@/lib/store/provider';
import { selectContextError, selectRunError, selectTrace } from '@/lib/store/selectors';
import { OUTCOME_LABEL, STATUS_LABEL, formatMs, outcomeTone, statusTone } from '../format';
import { ContextAtCursor } from './context-panel';
import { StrategyCompare } from './strategy-compare';

function countStatuses(trace: Trace): [CallStatus, number][] {
  const counts = new Map<CallStatus, number>();
  for (const c of trace.calls) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return CALL_STATUSES.filter((s) => counts.has(s)).map((s) => [s, counts.get(s) as number]);
}

/** What the status alone does not say: hidden failures in an opaque sub-agent, missing optional inputs. */
function callNote(c: Trace['calls'][number]): string | null {
  const notes: string[] = [];
  if ((c.hiddenFailures ?? 0) > 0) notes.push(`${c.hiddenFailures} hidden ${c.hiddenFailures === 1 ? 'failure' : 'failures'}`);
  if (c.missingInputs.length > 0) notes.push(`without ${c.missingInputs.map((m) => m.id).join(', ')}`);
  return notes.length === 0 ? null : notes.join('; ');
}

function CallStatusList({ trace }: { trace: Trace }) {
  return (
    <table className="tw-calls">
      <caption className="tw-visually-hidden">Final status of each call</caption>
      <thead>
        <tr>
          <th scope="col">Call</th>
          <th scope="col">Status</th>
          <th scope="col" className="tw-num">
            Tries
          </th>
          <th scope="col" className="tw-num">
            Ends
          </th>
        </tr>
      </thead>
      <tbody>
        {trace.calls.map((c) => (
          <tr key={c.id}>
            <th scope="row" className="tw-calls__id">
              {c.id}
            </th>
            <td>
              <span className={`tw-status tw-status--${statusTone(c.status)}`} data-status={c.status}>
                {STATUS_LABEL[c.status]}
              </span>
              {callNote(c) !== null && <span className="tw-calls__note">{callNote(c)}</span>}
            </td>
            <td className="tw-num">{c.attempts.length}</td>
            <td className="tw-num">{c.endMs === null ? '—' : formatMs(c.endMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RunResults() {
  const trace = useAppStore(selectTrace);
  const runError = useAppStore(selectRunError);
  const contextError = useAppStore(selectContextError);

  if (runError !== null) {
    return (
      <p className="tw-error" role="alert">
        {runError}
      </p>
    );
  }
  if (trace === null) {
    return <p className="tw-muted">Press Run to simulate this plan once with its seed.</p>;
  }
  return (
    <div className="tw-results">
      <div className="tw-outcome">
        <p className={`tw-outcome__value tw-outcome--${outcomeTone(trace.outcome)}`} data-outcome={trace.outcome}>
          Outcome: {OUTCOME_LABEL[trace.outcome]}
        </p>
        <p className="tw-outcome__makespan">
          Makespan: {trace.makespanMs === null ? 'none (stuck)' : formatMs(trace.makespanMs)}
        </p>
        <p className="tw-outcome__counts">
          {countStatuses(trace)
            .map(([s, n]) => `${n} ${STATUS_LABEL[s]}`)
            .join(' · ')}
        </p>
        <StrategyCompare />
      </div>
      <h3 className="tw-h3">Calls</h3>
      <CallStatusList trace={trace} />
      <h3 className="tw-h3">Context</h3>
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
