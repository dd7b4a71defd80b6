'use client';
// One tool call on the canvas: tool, label, latency, timeout, retry, on-failure policy, faults, and (after a run)
// its state at the playback cursor. Memoized; the run state is read from the store per node, never copied into node.data.
import { memo, type MouseEvent } from 'react';
import dynamic from 'next/dynamic';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { Fault, InjectedEntry, ToolCall } from '@/lib/plan';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { shortDuration } from '@/lib/format/duration';
import { FAULT_LABEL, describeFault, describeLatency, describeLatencyShort, describeRetry, describeRetryLong } from '../format';
import { HeatChip, heatBucket, selectHeatRuns, useNodeHeat } from './node-heat';
import { NodeProgress, NodeStatus, RunChips, phaseTone, useNodeRun } from './node-run';
import { FaultIcon, LineIcon, ToolIcon } from '../icons';
import { NodeEffect } from './node-effect';
import { TermTip } from '../glossary/term-tip';

// The inject toolbar loads with the first selected call: drawing the plan does not need it.
const InjectToolbar = dynamic(() => import('../inject/inject-actions').then((m) => m.InjectToolbar), { ssr: false });

export interface ToolCallNodeData extends Record<string, unknown> {
  call: ToolCall;
  /** The designed faults in force (the active scenario's, if it lists this call). */
  faults: Fault[];
  /** The one-click injection acting on it, kept apart from the design (docs/plan-format.md#injected-faults). */
  injected: InjectedEntry | null;
  /** Graph wave, 0-based. */
  wave: number;
  /** On the plan's critical path. */
  critical: boolean;
}

export type ToolCallNodeType = Node<ToolCallNodeData, 'toolCall'>;

function ToolCallNodeView({ id, data, selected }: NodeProps<ToolCallNodeType>) {
  const run = useNodeRun(id);
  const heat = useNodeHeat(id);
  const heatRuns = useAppStore(selectHeatRuns);
  const { call, faults, injected, critical } = data;
  const retry = describeRetry(call.retry);
  const tone = phaseTone(run.phase);
  // While an attempt is in flight its live status takes the whole line (the latency is in the node's label).
  const live = run.phase === 'running' || run.phase === 'retry_wait';
  return (
    <div
      className={`tw-node tw-tone-${tone}${critical ? ' tw-node--critical' : ''}${heat >= 0 ? ` tw-node--heat tw-node--heat-${heatBucket(heat)}` : ''}`}
      data-phase={run.phase}
    >
      <Handle type="target" position={Position.Left} className="tw-handle tw-handle--in" title="Input: drop a connection here" />
      <div className="tw-node__head">
        <span className="tw-node__icon">
          <ToolIcon tool={call.tool} kind={call.kind} />
        </span>
        <span className="tw-node__title" title={call.label ?? call.id}>
          {call.label ?? call.id}
        </span>
        {/* A title too long for the node shows in full over it on hover and on keyboard focus (the label says it too). */}
        {(call.label ?? call.id).length > LONG_TITLE && (
          <span className="tw-node__fulltitle" aria-hidden="true">
            {call.label ?? call.id}
          </span>
        )}
        {call.kind === 'agent' && <OpenSubAgent id={id} />}
        {heat >= 0 && <HeatChip rate={heat} runs={heatRuns} />}
      </div>
      <div className="tw-node__sub">
        {call.label !== undefined && <span className="tw-node__id">{call.id}</span>}
        <code className="tw-node__tool">{call.tool}</code>
        <NodeEffect call={call} />
      </div>
      <div className={`tw-node__meta${live ? ' tw-node__meta--live' : ''}`}>
        <span className="tw-node__latency">
          <span title={`Latency: ${describeLatency(call.latency)}`}>{describeLatencyShort(call.latency)}</span>
          {call.timeoutMs !== null && (
            <span className="tw-node__timeout" title={`Timeout per attempt: ${shortDuration(call.timeoutMs)}`}>
              <FaultIcon kind="timeout" />
              {shortDuration(call.timeoutMs)}
            </span>
          )}
          {call.timeoutMs === null && injected?.timeoutMs !== undefined && (
            <span
              className="tw-node__timeout tw-node__timeout--injected"
              title={`Timeout per attempt while the injected faults last: ${shortDuration(injected.timeoutMs)} (the call has none of its own)`}
            >
              <FaultIcon kind="timeout" />
              {shortDuration(injected.timeoutMs)}
            </span>
          )}
        </span>
        <NodeStatus run={run} />
      </div>
      <div className="tw-node__chips">
        <RunChips run={run} />
        {retry !== null && (
          <span className="tw-chip" title={`Retry: ${describeRetryLong(call.retry)}`}>
            {retry}
          </span>
        )}
        <span className={`tw-chip tw-chip--${call.onFailure}`}>
          <TermTip term={call.onFailure} focusable={false}>
            {call.onFailure}
          </TermTip>
        </span>
        {injected?.faults.map((f, i) => (
          <span
            key={`i${i}`}
            className={`tw-fault tw-fault--${f.kind} tw-fault--injected`}
            title={`Injected fault (for this demo, not part of the design): ${describeFault(f)}`}
          >
            <FaultIcon kind={f.kind} />
            <span className="tw-visually-hidden">injected {FAULT_LABEL[f.kind]} fault</span>
          </span>
        ))}
        {faults.map((f, i) => (
          <span key={i} className={`tw-fault tw-fault--${f.kind}`} title={`Fault: ${describeFault(f)}`}>
            <FaultIcon kind={f.kind} />
            <span className="tw-visually-hidden">{FAULT_LABEL[f.kind]} fault</span>
          </span>
        ))}
      </div>
      <FarSummary call={call} faults={faults} injected={injected} />
      <NodeProgress run={run} />
      <Handle type="source" position={Position.Right} className="tw-handle tw-handle--out" title="Output: drag to a call that needs it" />
      {/* Only a selected call can carry the toolbar: the others do not follow the selection at all. */}
      {selected && <InjectToolbar callId={id} />}
    </div>
  );
}

/**
 * Zoomed out to where chips are unreadable (a plan of four waves fits at about 0.4), one large line instead: the
 * policy and the fault in force, each as icon and word. The node's accessible label already says all of it.
 */
function FarSummary({ call, faults, injected }: { call: ToolCall; faults: readonly Fault[]; injected: InjectedEntry | null }) {
  const retry = call.retry.maxAttempts > 1 ? `↻${call.retry.maxAttempts}` : null;
  const first = injected?.faults[0] ?? faults[0];
  const more = (injected?.faults.length ?? 0) + faults.length - 1;
  return (
    <div className="tw-node__far" aria-hidden="true">
      <span className={`tw-node__far-policy tw-chip--${call.onFailure}`}>
        {retry !== null && `${retry} `}
        {call.onFailure}
      </span>
      {first !== undefined && (
        <span className={`tw-node__far-fault tw-fault--${first.kind}${injected?.faults[0] === first ? ' tw-fault--injected' : ''}`}>
          <FaultIcon kind={first.kind} />
          {FAULT_LABEL[first.kind]}
          {more > 0 && ` +${more}`}
        </span>
      )}
    </div>
  );
}

/** Characters past which a title may not fit its node (at the far zoom's larger type). */
const LONG_TITLE = 14;

/** A sub-agent's way in: opens its nested plan on the canvas (double-clicking the node does the same). */
function OpenSubAgent({ id }: { id: string }) {
  const store = useAppStoreApi();
  const open = (e: MouseEvent) => {
    // The node's own click would select it in the plan being left.
    e.stopPropagation();
    store.getState().drillInto(id);
  };
  return (
    <button
      type="button"
      className="tw-chip tw-chip--agent tw-node__open nodrag"
      onClick={open}
      aria-label={`Open sub-agent ${id}`}
      title="Open the sub-agent’s plan (or double-click the node)"
    >
      sub-agent
      <LineIcon d="m6 3.5 4.5 4.5L6 12.5" size={11} weight={2} />
    </button>
  );
}

export const ToolCallNode = memo(ToolCallNodeView);
