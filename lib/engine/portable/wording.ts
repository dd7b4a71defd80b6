// How the partial-state context words a call's fate: reasons, failure lines, degraded and partial notes.
// Portable (shared with every TypeScript export, imports only its siblings); it never invents a result and never hides a failure.
import { STATUS_LABEL, type AttemptOf, type CallFacts, type CallStatus, type Reason } from './facts';

/** Statuses whose tool result is an error (`is_error: true`). */
export const ERROR_STATUSES: ReadonlySet<CallStatus> = new Set<CallStatus>(['failed', 'timed_out', 'cancelled', 'hung']);
/** Statuses of calls that never started: named in the summary, never as a tool use. */
export const NEVER_STARTED: ReadonlySet<CallStatus> = new Set<CallStatus>(['skipped', 'not_started']);

/** What the wording reads of a call's policy; absent when the plan no longer has the call. */
export type WordedSpec = { timeoutMs: number | null; retry: { maxAttempts: number } } | undefined;

/** How an upstream's status reads after "which": `needs fetch_b, which timed out`. */
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

/** `1250 ms`, `0.125 ms`: plain and exact (three decimals at most), as the model reads times in its context. */
export function plainMs(ms: number): string {
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

/** Joins clauses that carry their own commas: `a, which x, and b, which y`. */
function joinClauses(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

export function describeUpstream(u: { id: string; status: CallStatus }): string {
  return `${u.id}, which ${WHICH[u.status]}`;
}

/** Why a call stopped or never ran, from its `reason`; `statusOf` names the state of a call it waits on. */
export function describeReason(reason: Reason | null, statusOf: (id: string) => CallStatus | undefined = () => undefined): string {
  if (reason === null) return 'no reason was recorded';
  switch (reason.kind) {
    case 'upstream':
      return reason.blockers.length === 0
        ? 'a required input did not succeed'
        : `needs ${joinClauses(reason.blockers.map(describeUpstream))}`;
    case 'abort':
      return `the plan was aborted at ${plainMs(reason.atMs)} because ${reason.by} failed`;
    case 'deadline':
      return `the plan's deadline was reached at ${plainMs(reason.atMs)}`;
    case 'hung_upstream': {
      const status = statusOf(reason.waitingOn);
      return `waiting on ${reason.waitingOn}, which ${status === undefined || status === 'hung' ? 'never returned' : WHICH[status]}`;
    }
    case 'wave_held':
      return `its wave never began: ${reason.by} never returned and holds an earlier wave open`;
  }
}

/** One line for a call that never started: `summarize: skipped — needs fetch_b, which timed out`. */
export function neverStartedLine(call: CallFacts, statusOf?: (id: string) => CallStatus | undefined): string {
  return `${call.id}: ${STATUS_LABEL[call.status]} — ${describeReason(call.reason, statusOf)}`;
}

function lastAttempt(call: CallFacts): AttemptOf<unknown> | undefined {
  return call.attempts[call.attempts.length - 1];
}

function retryPhrase(call: CallFacts, spec: WordedSpec, last: AttemptOf<unknown>): string {
  if (!last.retryable) return 'the failure was not retryable';
  const max = spec?.retry.maxAttempts ?? call.attempts.length;
  if (max <= 1) return 'the failure was retryable, but the call allows no retry';
  return 'the failure was retryable, retries are exhausted';
}

function attemptsPhrase(call: CallFacts): string {
  return plural(call.attempts.length, 'attempt');
}

/** Short form for summary lists: `timed out after 3 attempts`. */
export function shortFailure(call: CallFacts): string {
  switch (call.status) {
    case 'failed':
      return `failed after ${attemptsPhrase(call)}: ${lastAttempt(call)?.message ?? 'error'}`;
    case 'timed_out':
      return `timed out after ${attemptsPhrase(call)}`;
    case 'cancelled':
      return `cancelled — ${describeReason(call.reason)}`;
    case 'hung':
      return 'never returned';
    default:
      return STATUS_LABEL[call.status];
  }
}

/**
 * The full error text of a failed call's tool result: what failed, after how many attempts, whether it was
 * retryable. E.g. `fetch_b timed out after 3 attempts (each cut at 2000 ms); the failure was retryable, retries are exhausted`.
 */
export function failureContent(call: CallFacts, spec: WordedSpec): string {
  const last = lastAttempt(call);
  const n = attemptsPhrase(call);
  switch (call.status) {
    case 'failed': {
      if (last === undefined) return `${call.id} failed`;
      const code = last.code !== undefined && !last.message.includes(last.code) ? ` (code ${last.code})` : '';
      const what = last.result === 'rate_limited' ? 'was rate limited' : 'failed';
      return `${call.id} ${what} after ${n}: ${last.message}${code}; ${retryPhrase(call, spec, last)}`;
    }
    case 'timed_out': {
      if (last === undefined) return `${call.id} timed out`;
      const allTimeouts = call.attempts.every((a) => a.result === 'timeout');
      const limit = spec?.timeoutMs ?? null;
      const each = call.attempts.length === 1 ? '' : allTimeouts ? 'each ' : 'the last ';
      const cut = limit === null ? '' : ` (${each}cut at ${plainMs(limit)})`;
      return `${call.id} timed out after ${n}${cut}; ${retryPhrase(call, spec, last)}`;
    }
    case 'cancelled': {
      const during = last !== undefined && last.result !== 'cancelled' ? ' while waiting to retry' : '';
      return `${call.id} was cancelled${during} after ${n}: ${describeReason(call.reason)}; it returned no result`;
    }
    case 'hung': {
      const started = last === undefined ? '' : ` (attempt ${last.n} started at ${plainMs(last.startMs)})`;
      return `${call.id} never returned${started}: it has no timeout and the plan no deadline, so nothing ever stopped it; no result exists`;
    }
    default:
      return `${call.id} ${STATUS_LABEL[call.status]}`;
  }
}

/** `fetch_b (timed out) and fetch_c (skipped)`: the optional inputs a call ran without. */
export function missingList(call: CallFacts): string {
  return listWords(call.missingInputs.map((m) => `${m.id} (${STATUS_LABEL[m.status]})`));
}

/** `Degraded: ran without fetch_b (timed out), an optional input; …` or null when nothing was missing. */
export function degradedNote(call: CallFacts): string | null {
  if (call.missingInputs.length === 0) return null;
  const one = call.missingInputs.length === 1;
  return `Degraded: ran without ${missingList(call)}, ${one ? 'an optional input' : 'optional inputs'}; any reference to ${one ? 'it' : 'them'} was passed as null.`;
}

/** A partial result's warning line. */
export function partialWarning(call: CallFacts): string {
  const note = call.warning ?? lastAttempt(call)?.message ?? '';
  return note === '' ? 'Warning: this result is partial (incomplete).' : `Warning: this result is partial (incomplete): ${note}`;
}
