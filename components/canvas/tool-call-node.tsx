'use client';
// One tool call on the canvas: tool, label, latency, timeout, retry, on-failure policy, faults, and (after a run)
// its status. Memoized; the run status is read from the store per node, never copied into node.data.
import { memo, useCallback } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { Fault, ToolCall } from '@/lib/plan';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { FAULT_LABEL, STATUS_LABEL, describeFault, describeLatency, describeLatencyShort, describeRetry, describeRetryLong, formatShortMs, statusTone } from '../format';
import { FaultIcon } from './fault-icon';
import { ToolIcon } from './tool-icon';

export interface ToolCallNodeData extends Record<string, unknown> {
  call: ToolCall;
  /** The faults in force (the active scenario's, if it lists this call). */
  faults: Fault[];
  /** Graph wave, 0-based. */
  wave: number;
  /** On the plan's critical path. */
  critical: boolean;
}

export type ToolCallNodeType = Node<ToolCallNodeData, 'toolCall'>;

function ToolCallNodeView({ id, data }: NodeProps<ToolCallNodeType>) {
  const run = useAppStore(useCallback((s: AppState) => s.callRunById[id], [id]));
  const { call, faults, critical } = data;
  const retry = describeRetry(call.retry);
  const tone = run === undefined ? 'none' : statusTone(run.status);
  return (
    <div className={`tw-node tw-tone-${tone}${critical ? ' tw-node--critical' : ''}`}>
      <Handle type="target" position={Position.Left} className="tw-handle tw-handle--in" title="Input: drop a connection here" />
      <div className="tw-node__head">
        <span className="tw-node__icon">
          <ToolIcon tool={call.tool} kind={call.kind} />
        </span>
        <span className="tw-node__title" title={call.label ?? call.id}>
          {call.label ?? call.id}
        </span>
        {call.kind === 'agent' && <span className="tw-chip tw-chip--agent">sub-agent</span>}
      </div>
      <div className="tw-node__sub">
        {call.label !== undefined && <span className="tw-node__id">{call.id}</span>}
        <code className="tw-node__tool">{call.tool}</code>
      </div>
      <div className="tw-node__meta">
        <span className="tw-node__latency">
          <span title={`Latency: ${describeLatency(call.latency)}`}>{describeLatencyShort(call.latency)}</span>
          {call.timeoutMs !== null && (
            <span className="tw-node__timeout" title={`Timeout per attempt: ${formatShortMs(call.timeoutMs)}`}>
              <FaultIcon kind="timeout" />
              {formatShortMs(call.timeoutMs)}
            </span>
          )}
        </span>
        {run !== undefined && (
          <span
            className={`tw-status tw-status--${tone}`}
            data-status={run.status}
            title={`${STATUS_LABEL[run.status]} after ${run.attempts} ${run.attempts === 1 ? 'attempt' : 'attempts'}`}
          >
            {STATUS_LABEL[run.status]}
            {run.attempts > 1 && <span className="tw-status__tries"> ×{run.attempts}</span>}
          </span>
        )}
      </div>
      <div className="tw-node__chips">
        {run !== undefined && run.hiddenFailures > 0 && (
          <span className="tw-chip tw-chip--warn" title="Failures inside the sub-agent that its opaque report hid from the orchestrator">
            {run.hiddenFailures} hidden {run.hiddenFailures === 1 ? 'failure' : 'failures'}
          </span>
        )}
        {run !== undefined && run.missingInputs.length > 0 && (
          <span className="tw-chip tw-chip--warn" title={`Ran without: ${run.missingInputs.join(', ')}`}>
            degraded
          </span>
        )}
        {retry !== null && (
          <span className="tw-chip" title={`Retry: ${describeRetryLong(call.retry)}`}>
            {retry}
          </span>
        )}
        <span className={`tw-chip tw-chip--${call.onFailure}`} title={`On failure: ${call.onFailure}`}>
          {call.onFailure}
        </span>
        {faults.map((f, i) => (
          <span key={i} className={`tw-fault tw-fault--${f.kind}`} title={`Fault: ${describeFault(f)}`}>
            <FaultIcon kind={f.kind} />
            <span className="tw-visually-hidden">{FAULT_LABEL[f.kind]} fault</span>
          </span>
        ))}
      </div>
      <Handle type="source" position={Position.Right} className="tw-handle tw-handle--out" title="Output: drag to a call that needs it" />
    </div>
  );
}

export const ToolCallNode = memo(ToolCallNodeView);
