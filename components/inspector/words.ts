// What each choice in the inspector does, in one sentence each (docs/plan-format.md, docs/engine.md). Plain strings.
import type { Effect, FaultKind, OnFailure, Strategy, ToolCall } from '@/lib/plan';
import type { Finding } from '@/lib/plan/edit';

export const ON_FAILURE: readonly { value: OnFailure; label: string; sentence: string }[] = [
  {
    value: 'degrade',
    label: 'Degrade',
    sentence:
      'The plan goes on without this result: calls that require it are skipped, optional ones run degraded, and the failure is reported.',
  },
  {
    value: 'abort',
    label: 'Abort',
    sentence: 'The whole plan stops at that instant: running calls are cancelled, nothing new starts, results already in are kept.',
  },
  {
    value: 'ignore',
    label: 'Ignore',
    sentence: 'The call is optional to everyone: its dependents run (degraded if it failed) whatever became of it.',
  },
];

export const STRATEGIES: readonly { value: Strategy; label: string; sentence: string }[] = [
  {
    value: 'waves',
    label: 'Waves',
    sentence: 'Each wave is one model turn that emits the whole batch; the next wave starts when every call of this one is final.',
  },
  { value: 'eager', label: 'Eager', sentence: 'One model turn, then an executor starts each call as soon as its upstreams are final.' },
  { value: 'sequential', label: 'Sequential', sentence: 'One call per model turn, in dependency order: nothing runs in parallel.' },
];

export const KINDS: readonly { value: ToolCall['kind']; label: string; sentence: string }[] = [
  { value: 'tool', label: 'Tool', sentence: 'One tool call.' },
  {
    value: 'agent',
    label: 'Sub-agent',
    sentence: 'A sub-agent runs a whole nested plan as this one call; its latency is that plan’s makespan.',
  },
];

export const REPORTS: readonly { value: ToolCall['report']; label: string; sentence: string }[] = [
  {
    value: 'explicit',
    label: 'Explicit',
    sentence:
      'Returns its own partial-state summary: partial when something inside failed, failed when its run was aborted or ran out of time.',
  },
  {
    value: 'opaque',
    label: 'Opaque (anti-pattern)',
    sentence: 'Reports success whatever happened inside: the orchestrator never learns what failed.',
  },
];

export const JITTER: readonly { value: 'none' | 'full'; label: string; sentence: string }[] = [
  { value: 'none', label: 'None', sentence: 'Each retry waits exactly the interval.' },
  { value: 'full', label: 'Full', sentence: 'Each wait is a uniform draw between 0 and the interval, so retries do not stampede.' },
];

export const FAULT_KIND_LABEL: Record<FaultKind, string> = {
  error: 'Error',
  timeout: 'Timeout',
  rate_limit: 'Rate limit',
  slow: 'Slow',
  partial: 'Partial result',
};

export const FAULT_KIND_SENTENCE: Record<FaultKind, string> = {
  error: 'The attempt fails after its latency with this error.',
  timeout: 'The attempt hangs until the call’s timeout cuts it (retryable).',
  rate_limit: 'The attempt fails with 429 (retryable); the next retry waits at least the given time.',
  slow: 'The attempt’s latency is multiplied; combines with other faults.',
  partial: 'The call returns, incomplete: a success with a warning, never retried.',
};

/** `1 error · 2 hints`, or `all clear`. */
export function reviewSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'all clear';
  const count = (sev: Finding['severity']) => findings.filter((f) => f.severity === sev).length;
  const parts: string[] = [];
  for (const [sev, one, many] of [
    ['error', 'error', 'errors'],
    ['warning', 'warning', 'warnings'],
    ['hint', 'hint', 'hints'],
  ] as const) {
    const n = count(sev);
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.join(' · ');
}

export const EFFECTS: readonly { value: Effect; label: string; sentence: string }[] = [
  { value: 'none', label: 'None', sentence: 'It only reads: repeating it changes nothing, and a stopped plan leaves nothing behind.' },
  {
    value: 'idempotent',
    label: 'Idempotent',
    sentence: 'It writes, but repeating it with the same idempotency key changes nothing more: safe to retry.',
  },
  {
    value: 'once',
    label: 'Once',
    sentence: 'Every attempt that goes through writes again: a retry after a timeout or a lost answer can apply it twice.',
  },
];
