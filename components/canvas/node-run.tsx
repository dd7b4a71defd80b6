'use client';
// A call node's run at the cursor: the status (icon, words and colour, never colour alone), the progress of a
// running attempt toward its end and toward its timeout, and the chips a run adds (hidden failures, degraded).
// Each node subscribes to its own call's state through one shallow-compared selector of primitives.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '@/lib/store/provider';
import { shortDuration } from '@/lib/format/duration';
import { statusTone } from '../format';
import { nodeRunSelector } from './run-selectors';
import { isFinalPhase, phaseText, phaseTextShort, type NodePhase, type NodeRunView } from './run-view';
import { StatusIcon } from '../icons';

/** The node's colour family for a phase: `live` while running, `none` with no run. */
export type PhaseTone = 'none' | 'live' | 'good' | 'warn' | 'bad' | 'idle';

export function phaseTone(phase: NodePhase): PhaseTone {
  if (phase === 'none') return 'none';
  if (phase === 'running') return 'live';
  if (phase === 'retry_wait') return 'warn';
  if (phase === 'waiting') return 'idle';
  return statusTone(phase);
}

/** Call `id`'s state at the cursor in the run on view (NO_RUN_VIEW before any run). */
export function useNodeRun(id: string): NodeRunView {
  const select = useMemo(() => nodeRunSelector(id), [id]);
  return useAppStore(useShallow(select));
}

/** The status element: `data-phase` for tests, words a screen reader reads (`timed out after 2 attempts`). */
export function NodeStatus({ run }: { run: NodeRunView }) {
  const { phase, attempt } = run;
  if (phase === 'none') return null;
  const tone = phaseTone(phase);
  const final = isFinalPhase(phase);
  const text = phaseText(run);
  const tries = final && attempt > 1 ? attempt : 0;
  let title = text;
  if (final) title = attempt === 0 ? `${text} (never started)` : `${text} after ${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}`;
  else if (phase === 'running' && run.timeoutMs > 0) title = `${text} of a ${shortDuration(run.timeoutMs)} timeout`;
  return (
    <span
      className={`tw-status tw-status--${tone} tw-node__status${final ? '' : ' tw-node__status--live'}`}
      data-phase={phase}
      data-status={final ? phase : undefined}
      title={title}
    >
      <StatusIcon phase={phase} />
      <span className="tw-node__status-text">{text}</span>
      {!final && (
        // Zoomed far out (CSS shows one or the other): the same in fewer words.
        <span className="tw-node__status-text tw-node__status-text--short">{phaseTextShort(run)}</span>
      )}
      {tries > 0 && (
        <>
          <span className="tw-status__tries" aria-hidden="true">
            ×{tries}
          </span>
          <span className="tw-visually-hidden"> after {tries} attempts</span>
        </>
      )}
    </span>
  );
}

/**
 * A running attempt's two bars along the node's foot: how far it is toward its end (it ends there: the trace knows),
 * and, when the call has a timeout, how much of the timeout it has used. An attempt that never returns shows a
 * striped bar instead of a fill.
 */
export function NodeProgress({ run }: { run: NodeRunView }) {
  if (run.phase !== 'running') return null;
  const hangs = run.latencyPct < 0;
  return (
    <div className="tw-node__progress" aria-hidden="true">
      <div
        className={`tw-bar tw-bar--attempt${hangs ? ' tw-bar--open' : ''}`}
        title={hangs ? 'This attempt never returns' : `Attempt ${run.attempt}: ${run.latencyPct}% done`}
      >
        {!hangs && <div className="tw-bar__fill" style={{ transform: `scaleX(${run.latencyPct / 100})` }} />}
      </div>
      {run.timeoutPct >= 0 && (
        <div
          className={`tw-bar tw-bar--timeout${run.timeoutPct >= 80 ? ' tw-bar--near' : ''}`}
          title={`${run.timeoutPct}% of the ${shortDuration(run.timeoutMs)} timeout used`}
        >
          <div className="tw-bar__fill" style={{ transform: `scaleX(${Math.min(run.timeoutPct, 100) / 100})` }} />
        </div>
      )}
    </div>
  );
}

/** The chips a run adds: failures an opaque sub-agent hid (once it is final), and inputs it ran without. */
export function RunChips({ run }: { run: NodeRunView }) {
  return (
    <>
      {run.hiddenFailures > 0 && (
        <span className="tw-chip tw-chip--warn" title="Failures inside the sub-agent that its opaque report hid from the orchestrator">
          {run.hiddenFailures} hidden {run.hiddenFailures === 1 ? 'failure' : 'failures'}
        </span>
      )}
      {run.missing !== '' && (
        <span className="tw-chip tw-chip--warn" title={`Degraded: ran without ${run.missing}`}>
          degraded
        </span>
      )}
    </>
  );
}
