// Playback in words and numbers: the clock, the model turn at the cursor, and the instant the context is built at
// (it only changes at event instants, so the panel rebuilds once per event, never once per frame).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContext, endTime, eventTimes, prepareTrace, simulate, type Trace } from '@/lib/engine';
import { SCENARIOS, research } from '@/lib/engine/context/test-scenarios';
import { parsePlanText, type Plan } from '@/lib/plan';
import {
  AFTER_RUN,
  MAX_FRAME_MS,
  clockReadout,
  contextAtMs,
  contextHeadline,
  contextKey,
  frameDelta,
  lastIndexAtOrBefore,
  positionText,
  scrubberKeyTarget,
  turnText,
} from './playback-model';

function researchAgent(): { plan: Plan; trace: Trace } {
  const r = parsePlanText(readFileSync(new URL('../../public/examples/research-agent.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('research-agent.json does not parse');
  return { plan: r.plan, trace: simulate(r.plan) };
}

describe('the clock', () => {
  it('the readout and the scrubber text say where the cursor is out of how long', () => {
    expect(clockReadout(1240, 8900)).toBe('1.24 s / 8.90 s');
    expect(positionText(1240, 8900)).toBe('1.24 s of 8.90 s');
    // Never past the end.
    expect(clockReadout(9000, 8900)).toBe('8.90 s / 8.90 s');
  });

  it('a frame moves by the real time since the previous one, capped', () => {
    expect(frameDelta(null, 1000)).toBe(0);
    expect(frameDelta(1000, 1016.7)).toBeCloseTo(16.7);
    expect(frameDelta(1000, 5000)).toBe(MAX_FRAME_MS);
    expect(frameDelta(1000, 1250, 50)).toBe(50);
    expect(frameDelta(1000, 900)).toBe(0);
    expect(frameDelta(1000, Number.NaN)).toBe(0);
  });
});

describe('the model turn at the cursor', () => {
  // research(): turn 1 thinks [0, 0) and runs search to 1000; turn 2 runs fetch_a and fetch_b to 10000.
  const { trace } = research();

  it('names the turn and what it is doing', () => {
    expect(turnText(trace, 500)).toBe('Model turn 1 · executing');
    expect(turnText(trace, 1000)).toBe('Model turn 2 · executing');
    expect(turnText(trace, 10000)).toBe('Model turn 2 · done');
  });

  it('says when the model is still thinking, and before the first turn', () => {
    const { trace: t } = researchAgent();
    const first = t.turns[0];
    expect(first.emitMs).toBeGreaterThan(first.startMs);
    expect(turnText(t, first.startMs)).toBe('Model turn 1 · thinking');
    expect(turnText(t, -1)).toBe('Before model turn 1');
  });
});

describe('the context at the cursor', () => {
  it('lastIndexAtOrBefore finds the last instant ≤ t', () => {
    const times = [0, 100, 100.5, 300];
    expect([-1, 0, 99, 100, 100.5, 200, 300, 1e9].map((t) => lastIndexAtOrBefore(times, t))).toEqual([-1, 0, 0, 1, 2, 2, 3, 3]);
    expect(lastIndexAtOrBefore([], 5)).toBe(-1);
  });

  it('the key is the last event instant ≤ t, and AFTER_RUN at or after the end', () => {
    const times = [0, 1000, 1800, 3000];
    expect(contextKey(times, 0, 3000)).toBe(0);
    expect(contextKey(times, 999, 3000)).toBe(0);
    expect(contextKey(times, 1000, 3000)).toBe(1);
    expect(contextKey(times, 2999.9, 3000)).toBe(2);
    expect(contextKey(times, 3000, 3000)).toBe(AFTER_RUN);
    expect(contextKey(times, -10, 3000)).toBe(-1);
    expect(contextAtMs(times, 2)).toBe(1800);
    expect(contextAtMs(times, -1)).toBe(0);
    expect(contextAtMs(times, AFTER_RUN)).toBeUndefined();
  });

  it('between two events the context is the one at the earlier event (only its "status at" instant differs)', () => {
    for (const [name, make] of Object.entries(SCENARIOS)) {
      const { plan, trace } = make();
      const times = eventTimes(trace);
      const end = endTime(trace);
      const samples = new Set<number>();
      for (let i = 0; i < times.length; i++) {
        samples.add(times[i]);
        if (i + 1 < times.length) samples.add((times[i] + times[i + 1]) / 2);
      }
      for (const t of samples) {
        if (t >= end) continue;
        const at = contextAtMs(times, contextKey(times, t, end));
        const strip = (s: string) => s.replace(/status at [\d,.]+ ms/, 'status at T');
        expect(strip(buildContext(plan, trace, 'text', { atMs: at }).text), `${name} at ${t}`).toBe(
          strip(buildContext(plan, trace, 'text', { atMs: t }).text),
        );
      }
    }
  });

  it('at the start no tool result is in; after the run the context is the whole run’s', () => {
    const { plan, trace } = researchAgent();
    const times = prepareTrace(trace).times;
    const end = endTime(trace);
    const start = buildContext(plan, trace, 'text', { atMs: contextAtMs(times, contextKey(times, 0, end)) }).text;
    expect(start).toContain('no results yet');
    const after = contextAtMs(times, contextKey(times, end, end));
    expect(after).toBeUndefined();
    expect(buildContext(plan, trace, 'text', { atMs: after }).text).toBe(buildContext(plan, trace, 'text').text);
  });

  it('the headline says the instant and the model turn, or that the run is over', () => {
    const { trace } = research();
    expect(contextHeadline(trace, 3200, 10000)).toBe('Context at 3.20 s (model turn 2)');
    expect(contextHeadline(trace, 0, 10000)).toBe('Context at 0.00 s (model turn 1)');
    expect(contextHeadline(trace, 10000, 10000)).toBe('Context after the run');
    expect(contextHeadline(trace, -5, 10000)).toBe('Context at 0.00 s');
  });
});

describe('the scrubber keys', () => {
  it('arrows move 1% of the run, Shift or Page keys 10%, Home and End to the ends, all within the run', () => {
    expect(scrubberKeyTarget('ArrowRight', false, 1000, 10000)).toBe(1100);
    expect(scrubberKeyTarget('ArrowLeft', false, 1000, 10000)).toBe(900);
    expect(scrubberKeyTarget('ArrowUp', true, 1000, 10000)).toBe(2000);
    expect(scrubberKeyTarget('PageDown', false, 500, 10000)).toBe(0);
    expect(scrubberKeyTarget('PageUp', false, 9500, 10000)).toBe(10000);
    expect(scrubberKeyTarget('Home', false, 5000, 10000)).toBe(0);
    expect(scrubberKeyTarget('End', false, 5000, 10000)).toBe(10000);
    expect(scrubberKeyTarget('a', false, 5000, 10000)).toBeNull();
    // A short run still moves by at least 1 ms.
    expect(scrubberKeyTarget('ArrowRight', false, 0, 20)).toBe(1);
  });
});
