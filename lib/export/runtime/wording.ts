// How the partial-state context words a call's fate: reasons, failure lines, degraded and partial notes.
// Word for word what Toolwave shows; it never invents a result and never hides a failure.
import { STATUS_LABEL } from './outcomes';
import type { AttemptReport, CallReport, CallSpec, CallStatus, Reason } from './types';

export const ERROR_STATUSES: ReadonlySet<CallStatus> = new Set<CallStatus>(['failed', 'timed_out', 'cancelled', 'hung']);
export const NEVER_STARTED: ReadonlySet<CallStatus> = new Set<CallStatus>(['skipped', 'not_started']);

const WHICH: Record<CallStatus, string> = {
  succeeded: 'succeeded',
  partial: 'returned a partial result',
  failed: 'failed',
  timed_out: 'timed out',
  skipped: 'was skipped',
  cancelled: 'was cancelled',
  not_started: 'never started',
  hung: 'never returned',
};

export function fmtMs(ms: number): string {
  return `${Number.isInteger(ms) ? ms : Number(ms.toFixed(3))} ms`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function joinClauses(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

function describeUpstream(u: { id: string; status: CallStatus }): string {
  return `${u.id}, which ${WHICH[u.status]}`;
}

/** Why a call stopped or never ran. */
export function describeReason(reason: Reason | null, statusOf: (id: string) => CallStatus | undefined = () => undefined): string {
  if (reason === null) return 'no reason was recorded';
  switch (reason.kind) {
    case 'upstream':
      return reason.blockers.length === 0 ? 'a required input did not succeed' : `needs ${joinClauses(reason.blockers.map(describeUpstream))}`;
    case 'abort':
      return `the plan was aborted at ${fmtMs(reason.atMs)} because ${reason.by} failed`;
    case 'deadline':
      return `the plan's deadline was reached at ${fmtMs(reason.atMs)}`;
    case 'hung_upstream': {
      const status = statusOf(reason.waitingOn);
      return `waiting on ${reason.waitingOn}, which ${status === undefined || status === 'hung' ? 'never returned' : WHICH[status]}`;
    }
    case 'wave_held':
      return `its wave never began: ${reason.by} never returned and holds an earlier wave open`;
  }
}

export function neverStartedLine(call: CallReport, statusOf?: (id: string) => CallStatus | undefined): string {
  return `${call.id}: ${STATUS_LABEL[call.status]} — ${describeReason(call.reason, statusOf)}`;
}

function lastAttempt(call: CallReport): AttemptReport | undefined {
  return call.attempts[call.attempts.length - 1];
}

function retryPhrase(spec: CallSpec, last: AttemptReport): string {
  if (!last.retryable) return 'the failure was not retryable';
  if (spec.retry.maxAttempts <= 1) return 'the failure was retryable, but the call allows no retry';
  return 'the failure was retryable, retries are exhausted';
}

/** Short form for the summary: `timed out after 3 attempts`. */
export function shortFailure(call: CallReport): string {
  const n = plural(call.attempts.length, 'attempt');
  switch (call.status) {
    case 'failed':
      return `failed after ${n}: ${lastAttempt(call)?.message ?? 'error'}`;
    case 'timed_out':
      return `timed out after ${n}`;
    case 'cancelled':
      return `cancelled — ${describeReason(call.reason)}`;
    case 'hung':
      return 'never returned';
    default:
      return STATUS_LABEL[call.status];
  }
}

/** A failed call's tool result: what failed, after how many attempts, and whether it was retryable. */
export function failureContent(call: CallReport, spec: CallSpec): string {
  const last = lastAttempt(call);
  const n = plural(call.attempts.length, 'attempt');
  switch (call.status) {
    case 'failed': {
      if (last === undefined) return `${call.id} failed`;
      const code = last.code !== undefined && !last.message.includes(last.code) ? ` (code ${last.code})` : '';
      const what = last.result === 'rate_limited' ? 'was rate limited' : 'failed';
      return `${call.id} ${what} after ${n}: ${last.message}${code}; ${retryPhrase(spec, last)}`;
    }
    case 'timed_out': {
      if (last === undefined) return `${call.id} timed out`;
      const allTimeouts = call.attempts.every((a) => a.result === 'timeout');
      const each = call.attempts.length === 1 ? '' : allTimeouts ? 'each ' : 'the last ';
      const cut = spec.timeoutMs === null ? '' : ` (${each}cut at ${fmtMs(spec.timeoutMs)})`;
      return `${call.id} timed out after ${n}${cut}; ${retryPhrase(spec, last)}`;
    }
    case 'cancelled': {
      const during = last !== undefined && last.result !== 'cancelled' ? ' while waiting to retry' : '';
      return `${call.id} was cancelled${during} after ${n}: ${describeReason(call.reason)}; it returned no result`;
    }
    case 'hung': {
      const started = last === undefined ? '' : ` (attempt ${last.n} started at ${fmtMs(last.startMs)})`;
      return `${call.id} never returned${started}: it has no timeout and the plan no deadline, so nothing ever stopped it; no result exists`;
    }
    default:
      return `${call.id} ${STATUS_LABEL[call.status]}`;
  }
}

export function missingList(call: CallReport): string {
  return listWords(call.missingInputs.map((m) => `${m.id} (${STATUS_LABEL[m.status]})`));
}

/** `Degraded: ran without fetch_b (timed out), an optional input; …` or null when nothing was missing. */
export function degradedNote(call: CallReport): string | null {
  if (call.missingInputs.length === 0) return null;
  const one = call.missingInputs.length === 1;
  return `Degraded: ran without ${missingList(call)}, ${one ? 'an optional input' : 'optional inputs'}; any reference to ${one ? 'it' : 'them'} was passed as null.`;
}

export function partialWarning(call: CallReport): string {
  const note = call.warning ?? lastAttempt(call)?.message ?? '';
  return note === '' ? 'Warning: this result is partial (incomplete).' : `Warning: this result is partial (incomplete): ${note}`;
}

