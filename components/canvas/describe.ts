// The words a screen reader hears for a call: everything its node shows. Plain strings, never HTML.
import type { Fault, InjectedEntry, ToolCall } from '@/lib/plan';
import { shortDuration } from '@/lib/format/duration';
import { describeFault, describeLatency, describeRetryLong } from '../format';

export function describeCall(
  call: ToolCall,
  faults: readonly Fault[],
  wave: number,
  critical = false,
  injected: InjectedEntry | null = null,
): string {
  const parts = [
    `${call.kind === 'agent' ? 'Sub-agent' : 'Tool call'} ${call.label ? `${call.label} (${call.id})` : call.id}`,
    `tool ${call.tool}`,
    `wave ${wave + 1}`,
    `latency ${describeLatency(call.latency)}`,
    call.timeoutMs !== null
      ? `timeout ${shortDuration(call.timeoutMs)}`
      : injected?.timeoutMs !== undefined
        ? `timeout ${shortDuration(injected.timeoutMs)} while injected`
        : 'no timeout',
    describeRetryLong(call.retry),
    `on failure ${call.onFailure}`,
    faults.length === 0 ? 'no faults' : `faults: ${faults.map(describeFault).join('; ')}`,
  ];
  if (injected !== null) parts.push(`injected for this demo, not part of the design: ${injected.faults.map(describeFault).join('; ')}`);
  if (critical) parts.push('on the critical path');
  return parts.join(', ');
}
