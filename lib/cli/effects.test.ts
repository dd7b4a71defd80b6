// The `sim` command on plans with side effects (docs/side-effects.md, docs/cli.md): the effect fields of one run and
// of many runs, and the same facts in the text report.
import { describe, expect, it } from 'vitest';
import { fixed } from '../plan/test-examples';
import { runCli, type CliIo } from './run';

/** Flight and hotel reserve (hotel's undo fails); pay times out twice and aborts the plan at 290 ms. */
const TRIP = {
  format: 'toolwave.plan',
  version: 1,
  name: 'Trip',
  calls: [
    {
      id: 'flight',
      tool: 'reserve_flight',
      latency: fixed(100),
      effect: 'once',
      compensation: { tool: 'cancel_flight', latency: fixed(30) },
    },
    {
      id: 'hotel',
      tool: 'reserve_hotel',
      latency: fixed(200),
      effect: 'once',
      compensation: { tool: 'cancel_hotel', latency: fixed(40), faults: [{ kind: 'error', message: 'booking locked', onAttempts: [1] }] },
    },
    {
      id: 'pay',
      tool: 'charge_card',
      latency: fixed(50),
      effect: 'once',
      timeoutMs: 40,
      retry: { maxAttempts: 2, initialIntervalMs: 10 },
      onFailure: 'abort',
      faults: [{ kind: 'timeout', onAttempts: [1, 2] }],
    },
    { id: 'note', tool: 'read_notes', latency: fixed(10) },
  ],
  dependencies: [
    { from: 'flight', to: 'pay' },
    { from: 'hotel', to: 'pay' },
  ],
};
const PLAIN = { ...TRIP, calls: [{ id: 'note', tool: 'read_notes', latency: fixed(10) }], dependencies: [] };
const files: Record<string, string> = { 'trip.json': JSON.stringify(TRIP), 'plain.json': JSON.stringify(PLAIN) };
const io: CliIo = {
  readFile: (path) => (path in files ? { ok: true, text: files[path] } : { ok: false, reason: `cannot read ${path}: no such file` }),
};
const sim = (...argv: string[]) => runCli(argv, io);
const json = (...argv: string[]): unknown => JSON.parse(sim(...argv, '--format', 'json').stdout);

describe('one run of a plan with side effects', () => {
  it('json: each call with an effect says what it did and how its compensation went; the report says when it settled', () => {
    // pay aborts at 290: hotel (landed 200) is undone first, 290–330, and fails; flight 330–360 succeeds.
    expect(json('trip.json')).toMatchObject({
      outcome: 'aborted',
      makespanMs: 290,
      settledMs: 360,
      calls: {
        flight: {
          status: 'succeeded',
          effect: {
            kind: 'once',
            applied: 1,
            unknown: 0,
            duplicated: false,
            maybeDuplicated: false,
            leftInPlace: false,
            compensation: { status: 'succeeded', startMs: 330, endMs: 360, attempts: 1 },
          },
        },
        hotel: { effect: { leftInPlace: true, compensation: { status: 'failed', startMs: 290, endMs: 330, attempts: 1 } } },
        pay: {
          status: 'timed_out',
          effect: { applied: 0, unknown: 2, duplicated: false, maybeDuplicated: true, leftInPlace: true, compensation: null },
        },
      },
    });
  });

  it('json: a call without an effect has no effect field', () => {
    const out = json('trip.json') as { calls: Record<string, object> };
    expect(out.calls.note).toEqual({ status: 'succeeded', wave: 0, startMs: 0, endMs: 10, attempts: 1 });
  });

  it('json: a plan without side effects keeps its report shape (no settledMs)', () => {
    expect(Object.keys(json('plain.json') as object)).toEqual(['outcome', 'makespanMs', 'calls', 'context']);
  });

  it('text: the same facts in words, and the context names the duplicate and what was undone', () => {
    const out = sim('trip.json').stdout;
    expect(out).toContain('Outcome: aborted · makespan 290 ms · settled 360 ms after compensations');
    expect(out).toMatch(/flight +once +1 +0 +no +undone by cancel_flight \(330–360 ms\)/);
    expect(out).toMatch(/hotel +once +1 +0 +no +left in place \(cancel_hotel failed\)/);
    expect(out).toMatch(/pay +once +0 +2 +maybe +left in place \(no compensation\)/);
    expect(out).toContain(
      '- pay may have run twice: attempt 1 timed out and may have gone through; attempt 2 timed out and may have gone through',
    );
    expect(out).toContain('- flight (landed at 100 ms): undone by cancel_flight in 30 ms');
    expect(out).toContain('- hotel (landed at 200 ms): still in place: its compensation cancel_hotel failed (booking locked)');
  });
});

describe('many runs of a plan with side effects', () => {
  it('json: per-call duplicate, maybe-duplicate and left-in-place rates, and the plan-wide shares', () => {
    const out = json('trip.json', '--runs', '20') as { calls: Record<string, object>; effects: object };
    expect(out.calls.pay).toEqual({ successRate: 0, meanAttempts: 2, duplicateRate: 0, maybeDuplicateRate: 1, leftInPlaceRate: 1 });
    expect(out.calls.hotel).toEqual({ successRate: 1, meanAttempts: 1, duplicateRate: 0, maybeDuplicateRate: 0, leftInPlaceRate: 1 });
    expect(out.calls.note).toEqual({ successRate: 1, meanAttempts: 1 });
    expect(out.effects).toEqual({ duplicated: 0, maybeDuplicated: 1, leftInPlace: 1, compensationFailed: 1 });
  });

  it('json: a plan without side effects has no effect shares', () => {
    expect(Object.keys(json('plain.json', '--runs', '5') as object)).toEqual(['runs', 'outcomes', 'makespanMs', 'calls']);
  });

  it('text: the shares in words and per call', () => {
    const out = sim('trip.json', '--runs', '20').stdout;
    expect(out).toContain(
      'Side effects (share of runs with at least one): duplicated 0.0% · maybe duplicated 100.0% · left in place 100.0% · failed compensation 100.0%',
    );
    expect(out).toMatch(/pay +0\.0% +2\.00 +0\.0% +100\.0% +100\.0%/);
  });
});
