// One plain sentence per trace event, for playback's captions: model turns, attempts that start
// and end, retries, final statuses (a duplicated effect included) and the compensation phase after a stop. Pure: no
// React, no DOM. Calls are named by id, as the context names them. The caption at an instant merges these (narrate.ts).
import { spokenDuration } from '../format/duration';
import type { Plan, ToolCall } from '../plan/schema';
import { describeReason, listWords } from './context/wording';
import { noRetryTail, specOf, stopSentence } from './narrate-why';
import { idList } from './narrate-summary';
import { STATUS_LABEL, type CallStatus, type CallTrace, type Trace, type TraceEvent } from './types';

/** `after 3 attempts` for more than one attempt, else ''. */
function afterAttempts(call: CallTrace): string {
  return call.attempts.length > 1 ? ` after ${call.attempts.length} attempts` : '';
}

/** What one ended attempt did, without its retry: `timed out`, `failed: 503 Service Unavailable`. */
export function attemptWhat(result: string, message: string): string {
  switch (result) {
    case 'timeout':
      return 'timed out';
    case 'rate_limited':
      return 'was rate limited (429)';
    case 'error':
      return message ? `failed: ${message}` : 'failed';
    case 'hang':
      return 'never returned';
    case 'cancelled':
      return 'is cancelled';
    case 'partial':
      return message && message !== 'partial result' ? `returned partial: ${message}` : 'returned a partial result';
    default:
      return 'returned';
  }
}

export function turnSentence(trace: Trace, turnIndex: number, startingNow: readonly string[] | null): string {
  const turn = trace.turns[turnIndex];
  const label = `Model turn ${turnIndex + 1}`;
  if (turn === undefined) return `${label} begins`;
  const emitted = turn.calls.map((i) => trace.calls[i]?.id ?? `#${i}`);
  const now = startingNow ?? emitted;
  if (trace.strategy === 'eager') {
    const total = trace.calls.length;
    const plan = `${label} hands the whole plan (${total} ${total === 1 ? 'call' : 'calls'}) to the executor`;
    return now.length === 0 ? plan : `${plan}: ${idList(now)} ${now.length === 1 ? 'starts' : 'start'}`;
  }
  if (emitted.length === 0) return `${label} begins`;
  const waiting = startingNow === null ? 0 : emitted.length - startingNow.length;
  return `${label} emits ${idList(emitted)}${waiting > 0 ? ` (${waiting} ${waiting === 1 ? 'waits' : 'wait'} for a free slot)` : ''}`;
}

/** The sentence for a call's final status (its `final` event). */
export function finalSentence(trace: Trace, plan: Plan | null | undefined, call: CallTrace, status: CallStatus): string {
  const spec = specOf(plan, call);
  const last = call.attempts[call.attempts.length - 1];
  const dup =
    status === 'succeeded' || status === 'partial' || status === 'failed' || status === 'timed_out' ? duplicateSentence(call) : null;
  const plain = finalWords(trace, spec, call, status, last);
  return dup === null ? plain : `${plain} — ${dup.replace(`${call.id} `, 'it ')}`;
}

function finalWords(
  trace: Trace,
  spec: ToolCall | undefined,
  call: CallTrace,
  status: CallStatus,
  last: CallTrace['attempts'][number] | undefined,
): string {
  switch (status) {
    case 'succeeded': {
      if (call.attempts.length > 1) return `${call.id} succeeded after ${call.attempts.length} attempts`;
      const took = call.startMs !== null && call.endMs !== null ? ` in ${spokenDuration(call.endMs - call.startMs)}` : '';
      return `${call.id} succeeded${took}`;
    }
    case 'partial': {
      const note = call.warning ?? last?.message ?? '';
      return note && note !== 'partial result' ? `${call.id} returned partial: ${note}` : `${call.id} returned a partial result`;
    }
    case 'failed': {
      const what = last?.result === 'rate_limited' ? 'was rate limited (429)' : 'failed';
      const msg = last?.result === 'error' && last.message ? `: ${last.message}` : '';
      return `${call.id} ${what}${afterAttempts(call)}${msg} — ${noRetryTail(call, spec)}`;
    }
    case 'timed_out': {
      const cut = call.attempts.length <= 1 && spec?.timeoutMs != null ? ` after ${spokenDuration(spec.timeoutMs)}` : '';
      return `${call.id} timed out${afterAttempts(call)}${cut} — ${noRetryTail(call, spec)}`;
    }
    case 'skipped':
      return `${call.id} skipped — ${describeReason(call.reason, (id) => trace.calls.find((c) => c.id === id)?.status)}`;
    case 'cancelled':
      return `${call.id} is cancelled`;
    case 'not_started':
      return `${call.id} never starts`;
    case 'hung':
      return `${call.id} never returns`;
  }
}

/** How long a compensation took: `in 420 ms`, '' when unknown. */
function compTook(call: CallTrace | undefined): string {
  const comp = call?.effect?.compensation;
  return comp && comp.startMs !== null && comp.endMs !== null ? ` in ${spokenDuration(comp.endMs - comp.startMs)}` : '';
}

/** The sentence for a compensation-phase event (the saga after a stop). */
function compSentence(trace: Trace, event: TraceEvent & { type: 'comp_start' | 'comp_end' | 'comp_retry' | 'comp_final' }): string {
  const call = trace.calls[event.call];
  const id = call?.id ?? `call #${event.call}`;
  const tool = call?.effect?.compensation?.tool ?? 'its compensation';
  switch (event.type) {
    case 'comp_start':
      return event.attempt > 1 ? `${tool} tries again to undo ${id} (attempt ${event.attempt})` : `${tool} starts undoing ${id}`;
    case 'comp_end':
      if (event.result === 'ok') return `${id} undone by ${tool}`;
      return `${tool} ${attemptWhat(event.result, event.message)} while undoing ${id}`;
    case 'comp_retry':
      return `${tool}: retry ${event.attempt - 1} in ${spokenDuration(event.waitMs)}`;
    case 'comp_final':
      switch (event.status) {
        case 'succeeded':
          return `${id} undone by ${tool}${compTook(call)}`;
        case 'timed_out':
          return `${tool} timed out undoing ${id} — ${id} is left in place`;
        case 'failed': {
          const last = call?.effect?.compensation?.attempts.at(-1);
          return `${tool} failed to undo ${id}${last?.message ? `: ${last.message}` : ''} — ${id} is left in place`;
        }
        default:
          return `${tool} never finishes undoing ${id}`;
      }
  }
}

/** `charge_card took effect twice`, `charge_card may have taken effect twice: …`, or null. */
export function duplicateSentence(call: CallTrace): string | null {
  const e = call.effect;
  if (e === undefined || !(e.duplicated || e.maybeDuplicated)) return null;
  const times = e.applied + e.unknown === 2 ? 'twice' : `${e.applied + e.unknown} times`;
  if (e.duplicated) return `${call.id} took effect ${e.applied === 2 ? 'twice' : `${e.applied} times`}`;
  const unsure = call.attempts.filter((a) => a.effect === 'unknown').map((a) => `attempt ${a.n}`);
  return `${call.id} may have taken effect ${times}: ${listWords(unsure)} ${unsure.length === 1 ? 'was' : 'were'} cut off and may have gone through`;
}

/**
 * One plain sentence for one trace event: `Model turn 2 emits fetch_1, fetch_2 and fetch_3`, `fetch_2 starts
 * (attempt 2)`, `fetch_b timed out — retryable`, `fetch_b: retry 1 in 200 ms`, `search succeeded after 2 attempts`,
 * `summarize skipped — needs fetch_2, which failed`, `The plan stops: deadline of 5 s reached`.
 */
export function narrateEvent(trace: Trace, plan: Plan | null | undefined, event: TraceEvent): string {
  switch (event.type) {
    case 'turn':
      return turnSentence(trace, event.turn, null);
    case 'stop':
      return stopSentence(trace, event);
    case 'comp_start':
    case 'comp_end':
    case 'comp_retry':
    case 'comp_final':
      return compSentence(trace, event);
  }
  const call = trace.calls[event.call];
  const id = call?.id ?? `call #${event.call}`;
  switch (event.type) {
    case 'attempt_start':
      return event.attempt > 1 ? `${id} starts (attempt ${event.attempt})` : `${id} starts`;
    case 'attempt_end': {
      const what = attemptWhat(event.result, event.message);
      if (event.result === 'ok' || event.result === 'partial' || event.result === 'cancelled' || event.result === 'hang')
        return `${id} ${what}`;
      const retryable = call?.attempts[event.attempt - 1]?.retryable ?? false;
      return `${id} ${what} — ${retryable ? 'retryable' : 'not retryable'}`;
    }
    case 'retry_scheduled':
      return `${id}: retry ${event.attempt - 1} in ${spokenDuration(event.waitMs)}`;
    case 'final':
      return call === undefined ? `${id} ${STATUS_LABEL[event.status]}` : finalSentence(trace, plan, call, event.status);
  }
}
