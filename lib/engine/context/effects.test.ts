// What the model is told about side effects: every possible duplicate with its attempts, and after a stop each
// landed effect undone (by which tool) or still in place, in all three formats and at any instant.
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { makePlan } from '../testing/build';
import { buildContext } from './index';

const comp = (tool: string, ms: number, extra: object = {}) => ({ tool, latency: { kind: 'fixed' as const, ms }, ...extra });

/** reserve_flight (100) ∥ reserve_hotel (200) → charge_card, which times out twice and aborts at 290. */
const trip = makePlan(
  [
    { id: 'reserve_flight', ms: 100, effect: 'once', compensation: comp('cancel_flight', 30) },
    {
      id: 'reserve_hotel',
      ms: 200,
      effect: 'once',
      compensation: comp('cancel_reservation', 40, { faults: [{ kind: 'error', message: 'booking locked', onAttempts: [1] }] }),
    },
    {
      id: 'charge_card',
      ms: 50,
      effect: 'once',
      timeoutMs: 40,
      retry: { maxAttempts: 2, initialIntervalMs: 10 },
      onFailure: 'abort',
      faults: [{ kind: 'timeout', onAttempts: [1, 2] }],
    },
  ],
  [
    ['reserve_flight', 'charge_card'],
    ['reserve_hotel', 'charge_card'],
  ],
);
const summaryOf = (text: string) => text.slice(text.indexOf('=== Summary ==='));

describe('the context after a stop', () => {
  const trace = simulate(trip);
  const text = buildContext(trip, trace, 'text').text;

  it('names every possible duplicate with the attempts concerned', () => {
    expect(summaryOf(text)).toContain(
      '- charge_card may have run twice: attempt 1 timed out and may have gone through; attempt 2 timed out and may have gone through',
    );
  });

  it('says, per landed effect, whether it was undone and by which tool, or is still in place', () => {
    const summary = summaryOf(text);
    expect(summary).toContain('Side effects after the stop: 1 undone and 2 still in place:');
    expect(summary).toContain('- reserve_flight (landed at 100 ms): undone by cancel_flight in 30 ms');
    expect(summary).toContain(
      '- reserve_hotel (landed at 200 ms): still in place: its compensation cancel_reservation failed (booking locked)',
    );
    expect(summary).toContain('- charge_card (landed at 290 ms, may have gone through): still in place: it has no compensation');
  });

  it('carries the same lines in the Anthropic and OpenAI formats, typed as the SDKs take them', () => {
    const anthropic = buildContext(trip, trace, 'anthropic').messages satisfies Anthropic.MessageParam[];
    const openai = buildContext(trip, trace, 'openai').messages satisfies OpenAI.Chat.Completions.ChatCompletionMessageParam[];
    expect(JSON.stringify(anthropic)).toContain('undone by cancel_flight in 30 ms');
    expect(JSON.stringify(openai)).toContain('charge_card may have run twice');
  });

  it('at an instant during the compensations, says which effect is being undone and which waits', () => {
    const at = buildContext(trip, trace, 'text', { atMs: 300 }).text;
    expect(summaryOf(at)).toContain('- reserve_hotel (landed at 200 ms): being undone by cancel_reservation (attempt 1)');
    expect(summaryOf(at)).toContain('- reserve_flight (landed at 100 ms): to be undone by cancel_flight (waiting for its turn)');
  });

  it('says nothing about effects before the stop but the duplicates already known', () => {
    const before = buildContext(trip, trace, 'text', { atMs: 250 }).text;
    expect(before).not.toContain('Side effects after the stop');
  });
});

describe('the context of a run that finished', () => {
  it('names a certain duplicate too, with the attempt that failed after the work was done', () => {
    const plan = makePlan([
      {
        id: 'send_email',
        effect: 'once',
        retry: { maxAttempts: 2, initialIntervalMs: 0 },
        faults: [{ kind: 'error', message: '500', retryable: true, applied: true, onAttempts: [1] }],
      },
    ]);
    const text = buildContext(plan, simulate(plan), 'text').text;
    expect(text).toContain('- send_email ran twice: attempt 1 failed after the work was done; attempt 2 succeeded');
    expect(text).not.toContain('after the stop');
  });

  it('says nothing about side effects when none is in doubt', () => {
    const plan = makePlan([{ id: 'reserve', effect: 'once', compensation: comp('cancel', 10) }]);
    expect(buildContext(plan, simulate(plan), 'text').text).not.toMatch(/side effect/i);
  });
});
