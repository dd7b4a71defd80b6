// What the timeline says about one attempt: the hover card's title and rows, and the one-line
// label screen readers get for its bar. Plain strings only: the card renders them as React text, never as HTML.
import type { Attempt, AttemptResult } from '@/lib/engine';
import { roundedMs, roundedMsNumber, shortDuration } from '@/lib/format/duration';

export const RESULT_WORD: Record<AttemptResult, string> = {
  ok: 'ok',
  partial: 'partial',
  error: 'error',
  rate_limited: 'rate limited',
  timeout: 'timed out',
  hang: 'hung (never returned)',
  cancelled: 'cancelled',
};

/** Results where "may it be retried?" is a question worth answering. */
const FAILURES: ReadonlySet<AttemptResult> = new Set<AttemptResult>(['error', 'rate_limited', 'timeout', 'hang']);

/** `4,210–5,761 ms (1,551 ms)`, or `from 4,210 ms, never returned`. */
export function attemptSpan(a: Attempt): string {
  if (a.endMs === null) return `from ${roundedMs(a.startMs)}, never returned`;
  return `${roundedMsNumber(a.startMs)}–${roundedMs(a.endMs)} (${roundedMs(a.endMs - a.startMs)})`;
}

/** `error: 404 Not Found`, `ok`, `timed out after 2000 ms` (the message alone when it already says the result). */
export function attemptResult(a: Attempt): string {
  const word = RESULT_WORD[a.result];
  if (!a.message || a.message === word) return word;
  return a.message.toLowerCase().includes(word) ? a.message : `${word}: ${a.message}`;
}

/** "fetch_2 · attempt 2 · 4,210–5,761 ms · error: 404 Not Found · retry in 1,200 ms" (one line, for a label). */
export function attemptTitle(id: string, a: Attempt): string {
  const span = a.endMs === null ? `${roundedMs(a.startMs)} – never returned` : `${roundedMsNumber(a.startMs)}–${roundedMs(a.endMs)}`;
  const wait = a.retryWaitMs !== undefined ? ` · retry in ${roundedMs(a.retryWaitMs)}` : '';
  return `${id} · attempt ${a.n} · ${span} · ${attemptResult(a)}${wait}`;
}

export interface AttemptDetails {
  /** `fetch_2 · attempt 2 of 3`. */
  title: string;
  /** The call's label when it differs from its id. */
  subtitle: string | null;
  /** Term and value pairs, in reading order. */
  rows: [string, string][];
  /** For the card's colour: good, warn, bad or idle. */
  tone: 'good' | 'warn' | 'bad' | 'idle';
}

function toneOf(result: AttemptResult): AttemptDetails['tone'] {
  if (result === 'ok') return 'good';
  if (result === 'partial') return 'warn';
  if (result === 'cancelled') return 'idle';
  return 'bad';
}

const FAULT_WORD: Record<NonNullable<Attempt['fault']>['kind'], string> = {
  error: 'error',
  timeout: 'timeout',
  rate_limit: 'rate limit',
  partial: 'partial result',
};

/**
 * The result row: when the timeout cut the attempt before the fault that fired could return its own result (a slow
 * sample past the timeout), it says so, so "timed out" and the error injected into the call do not contradict.
 */
function resultWords(a: Attempt): string {
  const f = a.fault;
  if (f === undefined || !f.cutByTimeout || a.endMs === null) return attemptResult(a);
  return `timed out at ${shortDuration(a.endMs - a.startMs)}, before the ${f.injected ? 'injected ' : ''}${FAULT_WORD[f.kind]} could return`;
}

/** The hover card for attempt `a` of call `id` (of `total` attempts): call, attempt, times, result, code, retry. */
export function attemptDetails(id: string, label: string | null, a: Attempt, total: number): AttemptDetails {
  const rows: [string, string][] = [
    ['Time', attemptSpan(a)],
    ['Result', resultWords(a)],
  ];
  if (a.fault !== undefined)
    rows.push([
      'Fault',
      `${FAULT_WORD[a.fault.kind]}, ${a.fault.injected ? 'injected (not part of the design)' : 'designed into the plan'}`,
    ]);
  if (a.code !== undefined && a.code !== '') rows.push(['Error code', a.code]);
  if (FAILURES.has(a.result)) rows.push(['Retryable', a.retryable ? 'yes' : 'no']);
  if (a.retryWaitMs !== undefined) rows.push(['Retry wait', `${roundedMs(a.retryWaitMs)}, then attempt ${a.n + 1}`]);
  return {
    title: `${id} · attempt ${a.n} of ${total}`,
    subtitle: label !== null && label !== id ? label : null,
    rows,
    tone: toneOf(a.result),
  };
}
