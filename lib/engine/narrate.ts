// Narrated captions for playback and presentation: the caption at an instant, which merges the events of the latest
// instant ≤ t into at most three short sentences, most important first (the plan stopping, then failures, then final
// results, then starts). Pure: no React, no DOM. Each event's own sentence is in narrate-event.ts; the reason behind
// the most important sentence is its own line (narrate-why.ts).
import { spokenDuration } from '../format/duration';
import type { Plan } from '../plan/schema';
import { describeReason, listWords } from './context/wording';
import { attemptWhat, finalSentence, narrateEvent, turnSentence } from './narrate-event';
import { specOf, stopSentence, whyDegraded, whyFinalFailure, whyHung, whyOutcome, whyRetry, whySkipped, whyStop } from './narrate-why';
import { idList, runSummarySentence } from './narrate-summary';
import { endTime, lastEventIndexAt } from './playback';
import { STATUS_LABEL, type CallTrace, type Trace, type TraceEvent } from './types';

/** At most this many sentences in one caption. */
const MAX_SENTENCES = 3;

/** What a caption says and about which instant. */
export interface Caption {
  /** Which caption this is (see captionStep): -1 before anything happened, an event index, or the event count at the end. */
  step: number;
  kind: 'start' | 'event' | 'end';
  /** The instant narrated (0 at the start, the run's end at the end). */
  atMs: number;
  /** At most three short sentences, most important first, without final full stops. */
  sentences: string[];
  /** Why the most important thing that happened did so, from the run's state (`it needs fetch_2, which failed — degrade lets the rest go on`), or null. */
  why: string | null;
}

/**
 * Which caption applies at t: -1 before the first event, `trace.events.length` once t reaches the run's end, else
 * the index of the last event at or before t. Captions change only when this number does (cheap to select on).
 */
export function captionStep(trace: Trace, t: number): number {
  if (t >= endTime(trace)) return trace.events.length;
  return lastEventIndexAt(trace, t);
}

// Sentence ranks: the plan stopping, failures, skips, warnings, other final results, model turns, degraded starts, starts.
const R_STOP = 0;
const R_FAIL = 1;
const R_SKIP = 2;
const R_WARN = 3;
const R_FINAL = 4;
const R_TURN = 5;
const R_DEGRADED = 6;
const R_START = 7;

interface Item {
  rank: number;
  order: number;
  text: string;
  why?: string | null;
}

/** The sentences for every event at the instant of events[first..last], ranked, merged per call and grouped. */
function instantItems(trace: Trace, plan: Plan | null | undefined, first: number, last: number): Item[] {
  const items: Item[] = [];
  const perCall = new Map<
    number,
    {
      end?: TraceEvent & { type: 'attempt_end' };
      retry?: TraceEvent & { type: 'retry_scheduled' };
      final?: TraceEvent & { type: 'final' };
      starts: number[];
    }
  >();
  const turnsNow: number[] = [];
  let order = 0;
  const callOf = (i: number) => {
    let c = perCall.get(i);
    if (c === undefined) perCall.set(i, (c = { starts: [] }));
    return c;
  };
  for (let k = first; k <= last; k++) {
    const e = trace.events[k];
    if (e.type === 'stop') {
      // The aborting call's own failure is told next, in full: here only what it does.
      const by = e.reason === 'abort' ? e.by : null;
      const failsNow = by !== null && trace.events.slice(first, last + 1).some((x) => x.type === 'final' && trace.calls[x.call]?.id === by);
      items.push({
        rank: R_STOP,
        order: order++,
        text: failsNow ? `The plan stops: ${by}'s failure aborts it` : stopSentence(trace, e),
        why: whyStop(e.reason, by, e.t),
      });
    } else if (e.type === 'turn') turnsNow.push(e.turn);
    else if (e.type === 'attempt_start') callOf(e.call).starts.push(e.attempt);
    else if (e.type === 'attempt_end') callOf(e.call).end = e;
    else if (e.type === 'retry_scheduled') callOf(e.call).retry = e;
    else if (e.type === 'final') callOf(e.call).final = e;
    else if (e.type !== 'comp_start' || e.attempt > 1) {
      // The compensation phase: failures first, undone effects with the final results; a first start is implied by its end.
      const bad = (e.type === 'comp_final' && e.status !== 'succeeded') || (e.type === 'comp_end' && e.result !== 'ok');
      if (e.type === 'comp_end' && e.result === 'ok') continue;
      items.push({
        rank: bad ? R_FAIL : e.type === 'comp_final' ? R_FINAL : R_START,
        order: order++,
        text: narrateEvent(trace, plan, e),
        why: COMP_WHY,
      });
    } else if (!trace.events.slice(k + 1, last + 1).some((x) => x.type === 'comp_final' && x.call === e.call)) {
      items.push({ rank: R_START, order: order++, text: narrateEvent(trace, plan, e) });
    }
  }

  const cancelled: string[] = [];
  const notStarted: string[] = [];
  const succeeded: number[] = [];
  const skippedByReason = new Map<string, { ids: string[]; first: CallTrace }>();
  const firstStarts: number[] = [];
  const toldElsewhere = new Set<number>();
  const retries: string[] = [];
  const degraded: Item[] = [];
  const calls = [...perCall.keys()].sort((a, b) => a - b);
  for (const i of calls) {
    const ev = perCall.get(i)!;
    const call = trace.calls[i];
    if (call === undefined) continue;
    // Every first start counts for the turn that emits it; one whose end is told too needs no "starts" of its own.
    if (ev.starts.includes(1)) {
      firstStarts.push(i);
      if (ev.final !== undefined || ev.end !== undefined) toldElsewhere.add(i);
    }
    if (ev.final !== undefined) {
      const status = ev.final.status;
      if (status === 'cancelled') cancelled.push(call.id);
      else if (status === 'not_started') notStarted.push(call.id);
      else if (status === 'succeeded' && call.attempts.length <= 1) succeeded.push(i);
      else if (status === 'skipped') {
        const why = describeReason(call.reason, (id) => trace.calls.find((c) => c.id === id)?.status);
        const group = skippedByReason.get(why);
        if (group) group.ids.push(call.id);
        else skippedByReason.set(why, { ids: [call.id], first: call });
      } else {
        const rank = status === 'succeeded' ? R_FINAL : status === 'partial' ? R_WARN : R_FAIL;
        const spec = specOf(plan, call);
        const reason =
          status === 'failed' || status === 'timed_out' ? whyFinalFailure(call, spec) : status === 'hung' ? whyHung(spec) : null;
        items.push({ rank, order: order++, text: finalSentence(trace, plan, call, status), why: reason });
      }
    } else if (ev.end !== undefined && ev.retry !== undefined) {
      const n = ev.retry.attempt - 1;
      const when = ev.starts.includes(ev.retry.attempt) ? 'starts at once' : `in ${spokenDuration(ev.retry.waitMs)}`;
      const why = whyRetry(specOf(plan, call), ev.end.attempt, ev.end.result, ev.retry.waitMs);
      items.push({
        rank: R_FAIL,
        order: order++,
        text: `${call.id} ${attemptWhat(ev.end.result, ev.end.message)} — retryable — retry ${n} ${when}`,
        why,
      });
      continue;
    } else if (ev.end !== undefined) {
      items.push({ rank: R_FAIL, order: order++, text: narrateEvent(trace, plan, ev.end) });
    } else if (ev.retry !== undefined) {
      items.push({ rank: R_FAIL, order: order++, text: narrateEvent(trace, plan, ev.retry) });
    }
    if (ev.final !== undefined) continue;
    for (const n of ev.starts) {
      if (n > 1) retries.push(`${call.id} starts (attempt ${n})`);
      else if (call.missingInputs.length > 0) {
        const missing = listWords(call.missingInputs.map((m) => `${m.id} (${STATUS_LABEL[m.status]})`));
        degraded.push({
          rank: R_DEGRADED,
          order: 0,
          text: `${call.id} runs degraded, without ${missing}`,
          why: whyDegraded(trace, plan, call),
        });
      }
    }
  }

  if (cancelled.length > 0 || notStarted.length > 0) {
    const parts: string[] = [];
    if (cancelled.length > 0) parts.push(`${idList(cancelled)} ${cancelled.length === 1 ? 'is' : 'are'} cancelled`);
    if (notStarted.length > 0) parts.push(`${idList(notStarted)} ${notStarted.length === 1 ? 'never starts' : 'never start'}`);
    items.push({ rank: R_FINAL, order: -1, text: parts.join('; ') });
  }
  for (const [what, { ids, first: c }] of skippedByReason) {
    const why = whySkipped(trace, plan, c, ids.length);
    items.push({
      rank: R_SKIP,
      order: order++,
      text: `${idList(ids)} skipped — ${what}`,
      why: why === null ? null : `${idList(ids)} skipped: ${why}`,
    });
  }
  if (succeeded.length === 1)
    items.push({ rank: R_FINAL, order: order++, text: finalSentence(trace, plan, trace.calls[succeeded[0]], 'succeeded') });
  else if (succeeded.length > 1)
    items.push({ rank: R_FINAL, order: order++, text: `${idList(succeeded.map((i) => trace.calls[i].id))} succeeded` });
  for (const d of degraded) items.push({ ...d, order: order++ });

  // Starts: those a model turn emits at this instant are named by the turn's sentence.
  const covered = new Set<number>();
  for (const k of turnsNow) {
    const mine = firstStarts.filter((i) => trace.calls[i].turn === k);
    for (const i of mine) covered.add(i);
    items.push({
      rank: R_TURN,
      order: order++,
      text: turnSentence(
        trace,
        k,
        mine.map((i) => trace.calls[i].id),
      ),
    });
  }
  for (const r of retries) items.push({ rank: R_START, order: order++, text: r });
  const plain = firstStarts.filter((i) => !covered.has(i) && !toldElsewhere.has(i)).map((i) => trace.calls[i].id);
  if (plain.length > 0) items.push({ rank: R_START, order: order++, text: `${idList(plain)} ${plain.length === 1 ? 'starts' : 'start'}` });

  return items.sort((a, b) => a.rank - b.rank || a.order - b.order);
}

function limit(texts: string[]): string[] {
  if (texts.length <= MAX_SENTENCES) return texts;
  const rest = texts.length - (MAX_SENTENCES - 1);
  return [...texts.slice(0, MAX_SENTENCES - 1), `…and ${rest} more ${rest === 1 ? 'update' : 'updates'} at this instant`];
}

/** Why a compensation runs at all. */
const COMP_WHY = 'the plan stopped, so every effect that landed is undone, latest first';

/** Whose reason a caption gives: the plan stopping, then skips (which name the failure and its policy), then the rest in rank order. */
const whyOrder = (i: Item) => (i.rank === R_STOP ? 0 : i.rank === R_SKIP ? 1 : 2);

/** The reason of the most telling sentence that has one, among those shown. */
function firstWhy(items: readonly Item[]): string | null {
  const shown = items.slice(0, MAX_SENTENCES).filter((i) => i.why != null);
  return shown.sort((a, b) => whyOrder(a) - whyOrder(b))[0]?.why ?? null;
}

/** The caption for a step of captionStep (see there). */
export function captionAtStep(trace: Trace, plan: Plan | null | undefined, step: number): Caption {
  const events = trace.events;
  if (step >= events.length) {
    const sentences = [runSummarySentence(trace)];
    let why = whyOutcome(trace, plan);
    if (events.length > 0) {
      const lastT = events[events.length - 1].t;
      let first = events.length - 1;
      while (first > 0 && events[first - 1].t === lastT) first--;
      const items = instantItems(trace, plan, first, events.length - 1).filter((i) => i.rank !== R_STOP);
      if (items.length > 0) sentences.push(items[0].text);
      why ??= firstWhy(items.slice(0, 1));
    }
    return { step: events.length, kind: 'end', atMs: endTime(trace), sentences, why };
  }
  if (step < 0) {
    const sentences = ['The run begins: nothing has started yet'];
    const turn = trace.turns[0];
    if (turn !== undefined && turn.emitMs > turn.startMs)
      sentences.push(`Model turn 1 is thinking (${spokenDuration(turn.emitMs - turn.startMs)})`);
    return { step: -1, kind: 'start', atMs: 0, sentences, why: null };
  }
  const t = events[step].t;
  let first = step;
  while (first > 0 && events[first - 1].t === t) first--;
  let last = step;
  while (last + 1 < events.length && events[last + 1].t === t) last++;
  const items = instantItems(trace, plan, first, last);
  return { step, kind: 'event', atMs: t, sentences: limit(items.map((i) => i.text)), why: firstWhy(items) };
}

/** The caption at instant t: the events of the latest instant ≤ t merged into at most three sentences. */
export function captionAt(trace: Trace, plan: Plan | null | undefined, t: number): Caption {
  return captionAtStep(trace, plan, captionStep(trace, t));
}

const closed = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/** The caption as one line of text, each sentence closed by a full stop, then its reason (`Why: …`) if it has one. */
export function captionText(caption: Caption): string {
  const text = caption.sentences.map(closed).join(' ');
  return caption.why === null ? text : `${text} Why: ${closed(caption.why)}`;
}

export { duplicateSentence, narrateEvent } from './narrate-event';
export { effectsClause, runSummarySentence } from './narrate-summary';
