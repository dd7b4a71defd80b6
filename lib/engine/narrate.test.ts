// Narrated captions: one sentence per event, and the caption at an instant (merged, ranked, at most three sentences),
// checked on real simulate() traces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPlan } from '../plan/testing/arbitrary';
import { captionAt, captionAtStep, captionStep, captionText, narrateEvent, runSummarySentence } from './narrate';
import { endTime } from './playback';
import { simulate } from './simulate';
import { makePlan } from './testing/build';
import type { Trace, TraceEvent } from './types';
import type { Plan } from '../plan/schema';

const boom = (onAttempts: number[] = [1], retryable = false) => ({
  kind: 'error' as const,
  message: '503 Service Unavailable',
  retryable,
  onAttempts,
});
const idx = (trace: Trace, id: string) => trace.calls.findIndex((c) => c.id === id);
const sentencesAt = (trace: Trace, plan: Parameters<typeof captionAt>[1], t: number) => captionAt(trace, plan, t).sentences;

// waves, modelTurnMs 100.
// Turn 1 thinks [0,100) and emits search at 100: attempt 1 fails (retryable) at 200, retry 1 in 50 ms, attempt 2 [250,350) succeeds.
// Turn 2 thinks [350,450) and emits fetch_1, fetch_b and extract at 450: fetch_1 succeeds and extract returns partial
// at 550; fetch_b times out at 750 (cut at 300 ms), retries in 200 ms, times out again at 1250; summarize is skipped.
const researchPlan = makePlan(
  [
    { id: 'search', ms: 100, retry: { maxAttempts: 2, initialIntervalMs: 50 }, faults: [boom([1], true)] },
    { id: 'fetch_1', ms: 100 },
    {
      id: 'fetch_b',
      ms: 500,
      timeoutMs: 300,
      retry: { maxAttempts: 2, initialIntervalMs: 200 },
      faults: [{ kind: 'timeout', onAttempts: [1, 2] }],
    },
    { id: 'extract', ms: 100, faults: [{ kind: 'partial', note: '2 of 3 pages', onAttempts: [1] }] },
    { id: 'summarize', ms: 100 },
  ],
  [
    ['search', 'fetch_1'],
    ['search', 'fetch_b'],
    ['search', 'extract'],
    ['fetch_b', 'summarize'],
    ['extract', 'summarize'],
  ],
  { modelTurnMs: 100 },
);
const research = simulate(researchPlan);

// eager: auth fails at 200 and aborts; slow is cancelled; d (after slow) never starts.
const abortPlan = makePlan(
  [{ id: 'auth', ms: 200, onFailure: 'abort', faults: [boom()] }, { id: 'slow', ms: 500 }, { id: 'd' }],
  [['slow', 'd']],
  { strategy: 'eager' },
);
const aborted = simulate(abortPlan);

// waves with a 5 s deadline: long runs past it and is cancelled; next never starts.
const deadlinePlan = makePlan([{ id: 'long', ms: 10_000 }, { id: 'next' }], [['long', 'next']], { deadlineMs: 5000 });
const deadline = simulate(deadlinePlan);

// Turn 1 emits bad at 100; it fails for good at 150; opt needs it only optionally, so turn 2 emits it degraded at 250.
const degradedPlan = makePlan([{ id: 'bad', ms: 50, faults: [boom()] }, { id: 'opt' }], [['bad', 'opt', 'optional']], { modelTurnMs: 100 });
const degraded = simulate(degradedPlan);

describe('narrateEvent: one sentence per event', () => {
  const ev = (trace: Trace, pred: (e: TraceEvent) => boolean) => {
    const e = trace.events.find(pred);
    if (e === undefined) throw new Error('no such event');
    return e;
  };
  const call = (trace: Trace, id: string) => idx(trace, id);
  /** The sentence for the first event of `trace` that `pred` picks. */
  const said = (trace: Trace, plan: Plan, pred: (e: TraceEvent) => boolean) => narrateEvent(trace, plan, ev(trace, pred));

  it('words every kind of event', () => {
    const t = research;
    expect(said(t, researchPlan, (e) => e.type === 'turn' && e.turn === 1)).toBe('Model turn 2 emits fetch_1, fetch_b and extract');
    expect(said(t, researchPlan, (e) => e.type === 'attempt_start' && e.call === call(t, 'search') && e.attempt === 1)).toBe(
      'search starts',
    );
    expect(said(t, researchPlan, (e) => e.type === 'attempt_start' && e.call === call(t, 'search') && e.attempt === 2)).toBe(
      'search starts (attempt 2)',
    );
    expect(said(t, researchPlan, (e) => e.type === 'attempt_end' && e.call === call(t, 'search') && e.attempt === 1)).toBe(
      'search failed: 503 Service Unavailable — retryable',
    );
    expect(said(t, researchPlan, (e) => e.type === 'attempt_end' && e.call === call(t, 'fetch_b'))).toBe('fetch_b timed out — retryable');
    expect(said(t, researchPlan, (e) => e.type === 'retry_scheduled' && e.call === call(t, 'fetch_b'))).toBe('fetch_b: retry 1 in 200 ms');
    expect(said(t, researchPlan, (e) => e.type === 'final' && e.call === call(t, 'search'))).toBe('search succeeded after 2 attempts');
    expect(said(t, researchPlan, (e) => e.type === 'final' && e.call === call(t, 'fetch_1'))).toBe('fetch_1 succeeded in 100 ms');
    expect(said(t, researchPlan, (e) => e.type === 'final' && e.call === call(t, 'extract'))).toBe(
      'extract returned partial: 2 of 3 pages',
    );
    expect(said(t, researchPlan, (e) => e.type === 'final' && e.call === call(t, 'fetch_b'))).toBe(
      'fetch_b timed out after 2 attempts — no retries left',
    );
    expect(said(t, researchPlan, (e) => e.type === 'final' && e.call === call(t, 'summarize'))).toBe(
      'summarize skipped — needs fetch_b, which timed out',
    );
  });

  it('words the plan stopping, cancellations and calls that never start', () => {
    expect(said(deadline, deadlinePlan, (e) => e.type === 'stop')).toBe('The plan stops: deadline of 5 s reached');
    expect(said(aborted, abortPlan, (e) => e.type === 'stop')).toBe('The plan stops: auth failed and its policy aborts the plan');
    expect(said(aborted, abortPlan, (e) => e.type === 'final' && e.call === call(aborted, 'auth'))).toBe(
      'auth failed: 503 Service Unavailable — not retryable',
    );
    expect(said(aborted, abortPlan, (e) => e.type === 'final' && e.call === call(aborted, 'slow'))).toBe('slow is cancelled');
    expect(said(aborted, abortPlan, (e) => e.type === 'final' && e.call === call(aborted, 'd'))).toBe('d never starts');
  });

  it('says when a call allows no retry at all', () => {
    const plan = makePlan([{ id: 'x', timeoutMs: 50, faults: [{ kind: 'timeout', onAttempts: [1] }] }]);
    const t = simulate(plan);
    expect(said(t, plan, (e) => e.type === 'final')).toBe('x timed out after 50 ms — no retry allowed');
  });
});

describe('captionAt: the latest instant, merged and ranked', () => {
  it('starts before anything happened and says the first turn is thinking', () => {
    expect(sentencesAt(research, researchPlan, 0)).toEqual([
      'The run begins: nothing has started yet',
      'Model turn 1 is thinking (100 ms)',
    ]);
    expect(captionAt(research, researchPlan, 99.9).kind).toBe('start');
    // No thinking time: only the first sentence.
    expect(sentencesAt(deadline, deadlinePlan, -1)).toEqual(['The run begins: nothing has started yet']);
  });

  it('names the calls a model turn emits', () => {
    expect(sentencesAt(research, researchPlan, 100)).toEqual(['Model turn 1 emits search']);
    expect(sentencesAt(research, researchPlan, 450)).toEqual(['Model turn 2 emits fetch_1, fetch_b and extract']);
  });

  it('merges a failed attempt with the retry scheduled at the same instant', () => {
    expect(sentencesAt(research, researchPlan, 200)).toEqual(['search failed: 503 Service Unavailable — retryable — retry 1 in 50 ms']);
    expect(sentencesAt(research, researchPlan, 750)).toEqual(['fetch_b timed out — retryable — retry 1 in 200 ms']);
    expect(sentencesAt(research, researchPlan, 950)).toEqual(['fetch_b starts (attempt 2)']);
    expect(sentencesAt(research, researchPlan, 350)).toEqual(['search succeeded after 2 attempts']);
  });

  it('puts warnings before successes, and failures before skips', () => {
    expect(sentencesAt(research, researchPlan, 550)).toEqual(['extract returned partial: 2 of 3 pages', 'fetch_1 succeeded in 100 ms']);
    const at1250 = captionAtStep(research, researchPlan, research.events.length - 1);
    expect(at1250.sentences).toEqual([
      'fetch_b timed out after 2 attempts — no retries left',
      'summarize skipped — needs fetch_b, which timed out',
    ]);
  });

  it('keeps the caption of the latest instant between events', () => {
    expect(captionAt(research, researchPlan, 600)).toEqual(captionAt(research, researchPlan, 550));
    expect(captionAt(research, researchPlan, 600).atMs).toBe(550);
  });

  it('sums the run up at its end', () => {
    const end = captionAt(research, researchPlan, endTime(research));
    expect(end.kind).toBe('end');
    expect(end.sentences).toEqual([
      'Run finished in 1.3 s with a partial outcome: 2 succeeded, 1 partial, 1 timed out, 1 skipped',
      'fetch_b timed out after 2 attempts — no retries left',
    ]);
    expect(captionText(end)).toBe(
      'Run finished in 1.3 s with a partial outcome: 2 succeeded, 1 partial, 1 timed out, 1 skipped. fetch_b timed out after 2 attempts — no retries left.' +
        ' Why: fetch_b did not succeed and no policy stopped the plan — the model is told what failed and what never ran.',
    );
    expect(captionAt(research, researchPlan, 1e9)).toEqual(end);
  });

  it('tells a stop first, then the failure that caused it, then what it cancelled', () => {
    expect(sentencesAt(aborted, abortPlan, 200)[0]).toBe('Run aborted at 200 ms because auth failed: 1 failed, 1 cancelled, 1 not started');
    // The instant itself, as stepping by events shows it just before the end caption.
    const step = aborted.events.length - 1;
    expect(captionAtStep(aborted, abortPlan, step).sentences).toEqual([
      "The plan stops: auth's failure aborts it",
      'auth failed: 503 Service Unavailable — not retryable',
      'slow is cancelled; d never starts',
    ]);
    expect(captionAtStep(deadline, deadlinePlan, deadline.events.length - 1).sentences).toEqual([
      'The plan stops: deadline of 5 s reached',
      'long is cancelled; next never starts',
    ]);
    expect(runSummarySentence(deadline)).toBe('Run stopped by its deadline at 5 s: 1 cancelled, 1 not started');
  });

  it('says when a call runs without an optional input', () => {
    expect(sentencesAt(degraded, degradedPlan, 150)).toEqual(['bad failed: 503 Service Unavailable — not retryable']);
    expect(sentencesAt(degraded, degradedPlan, 250)).toEqual(['Model turn 2 emits opt', 'opt runs degraded, without bad (failed)']);
  });

  it('words an eager run as one turn handing the plan to the executor', () => {
    expect(sentencesAt(aborted, abortPlan, 0)).toEqual([
      'Model turn 1 hands the whole plan (3 calls) to the executor: auth and slow start',
    ]);
  });

  it('groups many events at one instant into at most three sentences', () => {
    // Everything ends at 100: two plain successes, a partial, a retryable failure, a failure for good.
    const plan = makePlan(
      [
        { id: 'a' },
        { id: 'b' },
        { id: 'p', faults: [{ kind: 'partial', note: 'half', onAttempts: [1] }] },
        { id: 'r', retry: { maxAttempts: 2, initialIntervalMs: 10 }, faults: [boom([1], true)] },
        { id: 'f', faults: [boom()] },
      ],
      [],
      { strategy: 'eager' },
    );
    const t = simulate(plan);
    expect(sentencesAt(t, plan, 100)).toEqual([
      'r failed: 503 Service Unavailable — retryable — retry 1 in 10 ms',
      'f failed: 503 Service Unavailable — not retryable',
      '…and 2 more updates at this instant',
    ]);
  });

  it('a call that returns the instant it starts is still one the turn emits', () => {
    const plan = makePlan(
      [
        { id: 'instant', ms: 0 },
        { id: 'slow', ms: 100 },
      ],
      [],
      { modelTurnMs: 50 },
    );
    const t = simulate(plan);
    expect(sentencesAt(t, plan, 50)).toEqual(['instant succeeded in 0 ms', 'Model turn 1 emits instant and slow']);
  });

  it('a rate limit says so', () => {
    const plan = makePlan([
      {
        id: 'api',
        retry: { maxAttempts: 2, initialIntervalMs: 100 },
        faults: [{ kind: 'rate_limit', retryAfterMs: 1000, onAttempts: [1] }],
      },
    ]);
    const t = simulate(plan);
    expect(sentencesAt(t, plan, 100)).toEqual(['api was rate limited (429) — retryable — retry 1 in 1 s']);
  });
});

describe('captionStep', () => {
  it('is -1 before the first event, the last event index at or before t, and the event count at the end', () => {
    expect(captionStep(research, 99)).toBe(-1);
    const at100 = captionStep(research, 100);
    expect(research.events[at100].t).toBe(100);
    expect(research.events[at100 + 1].t).toBeGreaterThan(100);
    expect(captionStep(research, endTime(research))).toBe(research.events.length);
  });

  it('gives every instant of random runs one to three plain sentences, never a hole', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 8 }), (plan) => {
        const trace = simulate(plan);
        let prev = -2;
        const times = [-1, 0, ...trace.events.map((e) => e.t), endTime(trace), endTime(trace) + 1];
        for (const t of times.sort((a, b) => a - b)) {
          const step = captionStep(trace, t);
          expect(step).toBeGreaterThanOrEqual(prev);
          prev = step;
          const c = captionAtStep(trace, plan, step);
          expect(c.sentences.length).toBeGreaterThanOrEqual(1);
          expect(c.sentences.length).toBeLessThanOrEqual(3);
          for (const s of c.sentences) {
            expect(s.trim()).not.toBe('');
            expect(s).not.toMatch(/undefined|NaN|null|\[object/);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
