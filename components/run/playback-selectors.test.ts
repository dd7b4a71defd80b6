// The playback views' selectors on a real store: primitives that change only when what they show changes, and
// the run on view when a sub-agent is drilled into (its own clock, its own events).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContext, endTime, eventTimes, type Trace } from '@/lib/engine';
import { parsePlan, type Plan } from '@/lib/plan';
import { createAppStore } from '@/lib/store/app-store';
import { selectViewRun } from '@/lib/store/selectors';
import { AFTER_RUN, contextAtMs } from './playback-model';
import {
  selectContextHeadline,
  selectContextKey,
  selectHasRun,
  selectViewEnd,
  selectViewOffset,
  selectViewTurnText,
} from './playback-selectors';

function loaded(name: string) {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`${name} is invalid`);
  const store = createAppStore();
  store.getState().load(r.plan, 'doc');
  return store;
}

describe('playback selectors', () => {
  it('with no run: no run, a zero-length view, no words', () => {
    const s = loaded('research-agent').getState();
    expect(selectHasRun(s)).toBe(false);
    expect(selectViewEnd(s)).toBe(0);
    expect(selectViewTurnText(s)).toBe('');
    expect(selectContextHeadline(s)).toBe('');
  });

  it('the context key stays put between two events and moves at each', async () => {
    const store = loaded('research-agent');
    await store.getState().run();
    const trace = store.getState().trace as Trace;
    const times = eventTimes(trace);
    expect(selectContextKey(store.getState())).toBe(AFTER_RUN);
    expect(selectContextHeadline(store.getState())).toBe('Context after the run');
    store.getState().setCursor(times[2]);
    const k = selectContextKey(store.getState());
    expect(k).toBe(2);
    store.getState().setCursor((times[2] + times[3]) / 2);
    expect(selectContextKey(store.getState())).toBe(k);
    store.getState().setCursor(times[3]);
    expect(selectContextKey(store.getState())).toBe(3);
    expect(selectViewTurnText(store.getState())).toMatch(/^Model turn \d · (thinking|executing|done)$/);
  });

  it('drilled into a sub-agent: its end, its offset, its turns and its context, on its own clock', async () => {
    const store = loaded('subagent-incomplete');
    await store.getState().run();
    store.getState().drillInto('research');
    const s = store.getState();
    const view = selectViewRun(s);
    expect(view).not.toBeNull();
    const { trace, plan, offsetMs } = view as { trace: Trace; plan: Plan; offsetMs: number };
    expect(trace).not.toBe(s.trace);
    expect(selectViewOffset(s)).toBe(offsetMs);
    expect(selectViewEnd(s)).toBe(endTime(trace));
    // The top run's end is after the nested run's end on the nested clock: the sub-agent's context is its whole run's.
    expect(selectContextKey(s)).toBe(AFTER_RUN);
    // Just after the sub-agent starts, its own first event instants apply.
    const times = eventTimes(trace);
    store.getState().setCursor(offsetMs + times[0]);
    const key = selectContextKey(store.getState());
    expect(key).toBe(0);
    expect(buildContext(plan, trace, 'text', { atMs: contextAtMs(times, key) }).text).toContain('no results yet');
    expect(selectViewTurnText(store.getState())).toMatch(/^Model turn 1 · /);
  });
});
