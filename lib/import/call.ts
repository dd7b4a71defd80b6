// One plan call from the same call seen in one or more runs: its latency, faults, retry and timeout, each with how it
// was inferred (the builder sums these up into the import report). Pure.
import type { Fault, Latency, JsonValue } from '../plan/schema';
import { DEFAULT_TIMEOUT_MS, faultsForAttempts, faultsForShares, fitLatency, roundMs, type FailureShare, type LatencyFit } from './fit';
import type { Attempt, MatchedCall } from './fold';

/** Distinct error messages kept as faults of their own; rarer ones share one fault. */
const MAX_ERROR_KINDS = 8;

export interface CallTiming {
  latency: Latency;
  how: LatencyFit['how'] | 'measured';
  faults: Fault[];
  maxAttempts: number;
  /** Measured wait between attempts, when the source times them; null: the plan's default retry waits. */
  retryIntervalMs: number | null;
  timeoutMs: number | null;
  timeoutFrom: 'measured' | 'default' | null;
  /** The sample output of the run that represents the call (its first), when that run's last attempt succeeded. */
  output: JsonValue | undefined;
  /** No run recorded a result for it. */
  noResult: boolean;
}

const failure = (a: Attempt) => (a.result.kind === 'error' || a.result.kind === 'timeout' ? a.result : null);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)];
}

/** Timing and failure of one call. `single`: the import has one run, so it is replayed exactly. */
export function timeCall(m: MatchedCall, single: boolean): CallTiming {
  const rep = m.seen[0].call;
  const all = m.seen.flatMap((s) => s.call.attempts);
  const last = rep.attempts[rep.attempts.length - 1];
  const output = last.result.kind === 'ok' ? last.result.output : undefined;
  const maxAttempts = Math.max(...m.seen.map((s) => s.call.attempts.length));

  // Latency: a timed-out attempt's duration is the timeout, not how long the work takes.
  const samples = all.filter((a) => a.result.kind !== 'timeout' && a.durationMs !== null).map((a) => a.durationMs ?? 0);
  let latency: Latency;
  let how: CallTiming['how'];
  if (single) {
    const measured = [...rep.attempts].reverse().find((a) => a.result.kind !== 'timeout' && a.durationMs !== null);
    const fit = fitLatency(measured?.durationMs === undefined || measured.durationMs === null ? [] : [measured.durationMs]);
    latency = fit.latency;
    how = fit.how === 'default' ? 'default' : 'measured';
  } else {
    const fit = fitLatency(samples);
    latency = fit.latency;
    how = fit.how;
  }

  // Faults: one run replays its failed attempts on their attempt numbers; several runs give observed shares.
  let faults: Fault[];
  if (single) {
    faults = faultsForAttempts(
      rep.attempts.map((a, i) => {
        const f = failure(a);
        return f === null ? null : { kind: f.kind, message: f.message, retried: i < rep.attempts.length - 1 };
      }),
    );
  } else {
    const shares = new Map<string, FailureShare>();
    let known = 0;
    for (const s of m.seen) {
      s.call.attempts.forEach((a, i) => {
        if (a.result.kind === 'missing') return;
        known += 1;
        const f = failure(a);
        if (f === null) return;
        const key = f.kind === 'timeout' ? 'timeout' : `error:${f.message}`;
        const share = shares.get(key) ?? { kind: f.kind, message: f.message, count: 0, retried: false };
        share.count += 1;
        share.retried ||= i < s.call.attempts.length - 1;
        shares.set(key, share);
      });
    }
    const errors = [...shares.values()].filter((s) => s.kind === 'error').sort((a, b) => b.count - a.count);
    const kept = [...shares.values()].filter((s) => s.kind === 'timeout').concat(errors.slice(0, MAX_ERROR_KINDS - 1));
    const rest = errors.slice(MAX_ERROR_KINDS - 1);
    if (rest.length > 0) {
      kept.push({
        kind: 'error',
        message: `other errors (${rest.length} kinds), first: ${rest[0].message}`.slice(0, 1900),
        count: rest.reduce((n, r) => n + r.count, 0),
        retried: rest.some((r) => r.retried),
      });
    }
    faults = faultsForShares(kept, known);
  }

  // Retry waits: measured gaps between one attempt's end and the next one's start.
  const gaps: number[] = [];
  for (const s of m.seen) {
    const at = s.call.attempts;
    for (let i = 1; i < at.length; i++) {
      const end = at[i - 1].endMs;
      const start = at[i].startMs;
      if (end !== null && start !== null) gaps.push(Math.max(0, start - end));
    }
  }

  // Timeout: a call that timed out gets the per-attempt timeout it was cut at (or a stated default).
  const timedOut = all.filter((a) => a.result.kind === 'timeout');
  const cutAt = timedOut.filter((a) => a.durationMs !== null && a.durationMs > 0).map((a) => a.durationMs ?? 0);
  const timeoutMs = timedOut.length === 0 ? null : cutAt.length > 0 ? roundMs(Math.max(...cutAt)) : DEFAULT_TIMEOUT_MS;

  return {
    latency,
    how,
    faults,
    maxAttempts: Math.min(100, maxAttempts),
    retryIntervalMs: maxAttempts > 1 && gaps.length > 0 ? roundMs(median(gaps)) : null,
    timeoutMs,
    timeoutFrom: timedOut.length === 0 ? null : cutAt.length > 0 ? 'measured' : 'default',
    output,
    noResult: all.every((a) => a.result.kind === 'missing'),
  };
}
