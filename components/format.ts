// Words and numbers for the UI: times, latencies, retry policies, faults, statuses. Plain strings, never HTML.
import type { Fault, Latency, RetryPolicy } from '@/lib/plan';
import type { CallStatus, Outcome } from '@/lib/engine';
import { shortDuration } from '@/lib/format/duration';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `400 ms`, `100 ms–300 ms`, `~600 ms` (the median of a lognormal): short, for the node. */
export function describeLatencyShort(l: Latency): string {
  return l.kind === 'lognormal' ? `~${shortDuration(l.p50Ms)}` : describeLatency(l);
}

export function describeLatency(l: Latency): string {
  switch (l.kind) {
    case 'fixed':
      return shortDuration(l.ms);
    case 'uniform':
      return `${shortDuration(l.minMs)}–${shortDuration(l.maxMs)}`;
    case 'lognormal':
      return `p50 ${shortDuration(l.p50Ms)}, p95 ${shortDuration(l.p95Ms)}`;
  }
}

/** `×3 backoff`, `×2 fixed`, or null for a single attempt. */
export function describeRetry(r: RetryPolicy): string | null {
  if (r.maxAttempts <= 1) return null;
  return `×${r.maxAttempts} ${r.backoffCoefficient > 1 ? 'backoff' : 'fixed'}`;
}

export function describeRetryLong(r: RetryPolicy): string {
  if (r.maxAttempts <= 1) return 'no retry';
  const wait =
    r.backoffCoefficient > 1
      ? `waits from ${shortDuration(r.initialIntervalMs)}, ×${r.backoffCoefficient} each time`
      : `waits ${shortDuration(r.initialIntervalMs)}`;
  return `up to ${r.maxAttempts} attempts, ${wait}${r.jitter === 'full' ? ', full jitter' : ''}`;
}

function trigger(f: Fault): string {
  if (f.onAttempts !== undefined) return `on attempt${f.onAttempts.length > 1 ? 's' : ''} ${f.onAttempts.join(', ')}`;
  return `${number.format((f.probability ?? 0) * 100)}% of attempts`;
}

export const FAULT_LABEL: Record<Fault['kind'], string> = {
  error: 'error',
  timeout: 'timeout',
  rate_limit: 'rate limit',
  slow: 'slow',
  partial: 'partial',
};

export function describeFault(f: Fault): string {
  switch (f.kind) {
    case 'error':
      return `error “${f.message}”${f.retryable ? ' (retryable)' : ''}, ${trigger(f)}`;
    case 'timeout':
      return `timeout, ${trigger(f)}`;
    case 'rate_limit':
      return `rate limit (retry after ${shortDuration(f.retryAfterMs)}), ${trigger(f)}`;
    case 'slow':
      return `slow ×${f.factor}, ${trigger(f)}`;
    case 'partial':
      return `partial result${f.note ? ` “${f.note}”` : ''}, ${trigger(f)}`;
  }
}

export { STATUS_LABEL, OUTCOME_LABEL } from '@/lib/engine/types';

/** A file-name stem from a plan's name: `Research agent` → `research-agent` (`plan` if nothing is left). */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan'
  );
}

/** A status's tone for colour: good, warn, bad or idle. */
export function statusTone(s: CallStatus): 'good' | 'warn' | 'bad' | 'idle' {
  if (s === 'succeeded') return 'good';
  if (s === 'partial') return 'warn';
  if (s === 'failed' || s === 'timed_out' || s === 'hung') return 'bad';
  return 'idle';
}

export function outcomeTone(o: Outcome): 'good' | 'warn' | 'bad' {
  if (o === 'complete') return 'good';
  if (o === 'partial') return 'warn';
  return 'bad';
}
