// The canvas at the cursor: what each node, edge and wave band draws at an instant of real simulate() runs,
// including the in-between states (waiting, running, waiting to retry) that an e2e run at its end never shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareTrace, simulate, type PreparedTrace, type Trace } from '@/lib/engine';
import { makePlan } from '@/lib/engine/testing/build';
import { boom, wavesPlan as wavesPlanOf } from '@/lib/engine/testing/waves-plan';
import { parsePlan, type Plan } from '@/lib/plan';
import { createAppStore } from '@/lib/store/app-store';
import { bandPhaseSelector, edgeRunSelector, nodeRunSelector } from './run-selectors';
import {
  bandPhase,
  ceilShown,
  edgeRunState,
  edgeText,
  floorShown,
  nodeRunView,
  phaseText,
  type EdgeRunState,
  type NodePhase,
} from './run-view';

function prepared(plan: Plan): { p: PreparedTrace; trace: Trace; at: (id: string) => number } {
  const trace = simulate(plan);
  const p = prepareTrace(trace, (i) => plan.calls[i].timeoutMs);
  return { p, trace, at: (id) => trace.calls.findIndex((c) => c.id === id) };
}

// The worked waves plan (lib/engine/testing/waves-plan.ts) with opt, which needs bad only optionally and a for
// real: opt runs without bad, in turn 1 [500,600) beside b. Makespan 600.
const wavesPlan = wavesPlanOf({
  calls: [{ id: 'opt', ms: 100 }],
  edges: [
    ['bad', 'opt', 'optional'],
    ['a', 'opt'],
  ],
});
const waves = prepared(wavesPlan);

// eager: auth fails at 200 and aborts; slow is cut at 200 (cancelled); d and e never start.
const aborted = prepared(
  makePlan(
    [{ id: 'auth', ms: 200, onFailure: 'abort', faults: [boom()] }, { id: 'slow', ms: 500 }, { id: 'd' }, { id: 'e' }],
    [
      ['slow', 'd'],
      ['d', 'e'],
    ],
    { strategy: 'eager' },
  ),
);

// eager, stuck: h hangs from 0 (no timeout, no deadline); ok runs [0,300); after waits on h for ever.
const stuck = prepared(
  makePlan([{ id: 'h', faults: [{ kind: 'timeout', onAttempts: [1] }] }, { id: 'ok', ms: 300 }, { id: 'after' }], [['h', 'after']], {
    strategy: 'eager',
  }),
);

const partial = prepared(
  makePlan([{ id: 'x', faults: [{ kind: 'partial', note: '2 of 3 pages', onAttempts: [1] }] }, { id: 'y' }], [['x', 'y']]),
);

function example(name: string): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`${name} is invalid`);
  return r.plan;
}

describe('a node at the cursor', () => {
  const cases: [string, string, number, NodePhase, string][] = [
    ['waits before its wave is emitted', 'flaky', 0, 'waiting', 'waiting'],
    ['runs its first attempt', 'flaky', 150, 'running', 'running · attempt 1 · 50 ms'],
    ['counts down to its retry', 'flaky', 220, 'retry_wait', 'attempt 2 in 30 ms'],
    ['rounds the countdown up, never down to 0 early', 'flaky', 249.5, 'retry_wait', 'attempt 2 in 10 ms'],
    ['runs its second attempt', 'flaky', 300, 'running', 'running · attempt 2 · 50 ms'],
    ['has succeeded from its end', 'flaky', 350, 'succeeded', 'succeeded'],
    ['has failed', 'bad', 150, 'failed', 'failed'],
    ['is skipped when its required input fails', 'dep', 150, 'skipped', 'skipped'],
  ];
  it.each(cases)('a call %s (%s at %d → %s)', (_name, id, t, phase, text) => {
    const v = nodeRunView(waves.p, waves.at(id), t);
    expect(v.phase).toBe(phase);
    expect(phaseText(v)).toBe(text);
  });

  it('a running attempt shows its progress toward its end and through its timeout, in whole percent', () => {
    expect(nodeRunView(waves.p, waves.at('flaky'), 150)).toMatchObject({
      attempt: 1,
      elapsedMs: 50,
      latencyPct: 50,
      timeoutPct: 12,
      timeoutMs: 400,
    });
    // No timeout: no timeout bar.
    expect(nodeRunView(waves.p, waves.at('a'), 250)).toMatchObject({ latencyPct: 50, timeoutPct: -1, timeoutMs: 0 });
  });

  it('draws the same record until what it shows changes, so the node does not re-render every frame', () => {
    const id = waves.at('flaky');
    expect(nodeRunView(waves.p, id, 150.1)).toEqual(nodeRunView(waves.p, id, 150.9));
    expect(nodeRunView(waves.p, id, 221)).toEqual(nodeRunView(waves.p, id, 229));
    expect(nodeRunView(waves.p, id, 150)).not.toEqual(nodeRunView(waves.p, id, 160));
  });

  it.each([
    [0, 0, 0],
    [49.9, 40, 50],
    [999.9, 990, 1000],
    [1234, 1200, 1300],
    [12_340, 12_300, 12_400],
  ])('shows %d ms as %d elapsed or %d left', (ms, floor, ceil) => {
    expect(floorShown(ms)).toBe(floor);
    expect(ceilShown(ms)).toBe(ceil);
  });

  it('a call that ran without an optional input says which, once it has started', () => {
    expect(nodeRunView(waves.p, waves.at('opt'), 450).missing).toBe('');
    expect(nodeRunView(waves.p, waves.at('opt'), 500).missing).toBe('bad (failed)');
  });

  it('a plan stopped by an abort: cancelled while running, not started when never begun', () => {
    expect(nodeRunView(aborted.p, aborted.at('slow'), 199).phase).toBe('running');
    expect(nodeRunView(aborted.p, aborted.at('slow'), 200)).toMatchObject({ phase: 'cancelled', attempt: 1 });
    expect(nodeRunView(aborted.p, aborted.at('d'), 200).phase).toBe('not_started');
  });

  it('a hanging call runs with no end to fill toward, and is hung at the end of the run; what waited on it never started', () => {
    const h = nodeRunView(stuck.p, stuck.at('h'), 100);
    expect(h).toMatchObject({ phase: 'running', latencyPct: -1 });
    expect(nodeRunView(stuck.p, stuck.at('after'), 100).phase).toBe('waiting');
    const end = 300;
    expect(nodeRunView(stuck.p, stuck.at('h'), end).phase).toBe('hung');
    expect(nodeRunView(stuck.p, stuck.at('after'), end).phase).toBe('not_started');
  });

  it('an opaque sub-agent shows the failures it hid only once it has reported', () => {
    const plan = example('subagent-incomplete');
    const run = prepared(plan);
    const research = run.at('research');
    const end = run.trace.calls[research].endMs ?? 0;
    expect(nodeRunView(run.p, research, end - 1)).toMatchObject({ phase: 'running', hiddenFailures: 0 });
    expect(nodeRunView(run.p, research, end)).toMatchObject({ phase: 'succeeded', hiddenFailures: 2 });
  });
});

describe('an edge at the cursor', () => {
  const cases: [string, { p: PreparedTrace; at: (id: string) => number }, string, string, number, EdgeRunState][] = [
    ['waits while its source runs', waves, 'bad', 'dep', 120, 'pending'],
    ['is broken when its failed source makes the target skip', waves, 'bad', 'dep', 150, 'broken'],
    ['is lost when an optional source fails: the target runs without it', waves, 'bad', 'opt', 150, 'missing'],
    ['carries data once its source succeeded', waves, 'a', 'b', 400, 'flowing'],
    ['carries a partial result', partial, 'x', 'y', 100, 'partial'],
    ['is broken from a cancelled source into a call that never started', aborted, 'slow', 'd', 200, 'broken'],
    ['is idle when the plan stopped before either end ran', aborted, 'd', 'e', 200, 'idle'],
    ['is broken from a hung source at the end of the run', stuck, 'h', 'after', 300, 'broken'],
  ];
  it.each(cases)('an edge %s (%s → %s at %d → %s)', (_name, run, from, to, t, state) => {
    expect(edgeRunState(run.p, run.at(from), run.at(to), t).state).toBe(state);
  });

  it('is broken as soon as a required source fails, while the target still waits on another input', () => {
    const run = prepared(
      makePlan(
        [{ id: 'bad', ms: 50, faults: [boom()] }, { id: 'slow', ms: 300 }, { id: 'dep' }],
        [
          ['bad', 'dep'],
          ['slow', 'dep'],
        ],
        { strategy: 'eager' },
      ),
    );
    const v = edgeRunState(run.p, run.at('bad'), run.at('dep'), 100);
    expect(v).toEqual({ state: 'broken', from: 'failed', to: 'waiting' });
    expect(edgeText('bad', 'dep', v)).toBe('bad → dep: broken, bad failed, so dep will be skipped');
  });

  it('says its state in words', () => {
    expect(edgeText('bad', 'dep', edgeRunState(waves.p, waves.at('bad'), waves.at('dep'), 150))).toBe(
      'bad → dep: broken, bad failed, so dep is skipped',
    );
    expect(edgeText('a', 'b', edgeRunState(waves.p, waves.at('a'), waves.at('b'), 400))).toBe('a → b: a succeeded, its result flows to b');
    expect(edgeText('bad', 'opt', edgeRunState(waves.p, waves.at('bad'), waves.at('opt'), 500))).toBe(
      'bad → opt: bad failed, opt runs without it',
    );
  });
});

describe('the wave band of the model turn at the cursor', () => {
  it('under waves, lights the band of the turn’s wave while the model thinks, then while its calls run', () => {
    expect(bandPhase(waves.p, 0, 50)).toBe('thinking');
    expect(bandPhase(waves.p, 1, 50)).toBe('off');
    expect(bandPhase(waves.p, 0, 150)).toBe('executing');
    expect(bandPhase(waves.p, 1, 450)).toBe('thinking');
    expect(bandPhase(waves.p, 0, 450)).toBe('off');
    expect(bandPhase(waves.p, 1, 600)).toBe('off');
  });

  it('under sequential, lights the band of the one call the turn emitted', () => {
    const seq = prepared(makePlan([{ id: 'a' }, { id: 'b' }], [['a', 'b']], { strategy: 'sequential', modelTurnMs: 100 }));
    expect(bandPhase(seq.p, 0, 150)).toBe('executing');
    expect(bandPhase(seq.p, 1, 150)).toBe('off');
    expect(bandPhase(seq.p, 1, 250)).toBe('thinking');
  });

  it('under eager, lights no band: its one turn emits every wave', () => {
    const eager = prepared(makePlan([{ id: 'a' }, { id: 'b' }], [['a', 'b']], { strategy: 'eager', modelTurnMs: 100 }));
    for (const t of [50, 150, 250]) for (const w of [0, 1]) expect(bandPhase(eager.p, w, t)).toBe('off');
  });
});

describe('the selectors read the run on view at the cursor', () => {
  it('before any run nothing is drawn; after it, the final state; moving the cursor shows an earlier one', async () => {
    const store = createAppStore();
    store.getState().load(example('research-agent'), 'doc');
    expect(nodeRunSelector('search')(store.getState()).phase).toBe('none');
    expect(edgeRunSelector('search', 'fetch_1')(store.getState()).state).toBe('none');
    await store.getState().run();
    expect(nodeRunSelector('search')(store.getState()).phase).toBe('succeeded');
    expect(edgeRunSelector('search', 'fetch_1')(store.getState()).state).toBe('flowing');
    store.getState().setCursor(900);
    expect(nodeRunSelector('search')(store.getState()).phase).toBe('running');
    expect(nodeRunSelector('fetch_1')(store.getState()).phase).toBe('waiting');
    expect(edgeRunSelector('search', 'fetch_1')(store.getState()).state).toBe('pending');
    expect(bandPhaseSelector(0)(store.getState())).toBe('executing');
  });

  it('drilled into a sub-agent, nodes show its nested run on its own clock', async () => {
    const store = createAppStore();
    store.getState().load(example('subagent-incomplete'), 'doc');
    await store.getState().run();
    store.getState().drillInto('research');
    expect(nodeRunSelector('pricing_api')(store.getState()).phase).toBe('timed_out');
    expect(nodeRunSelector('fetch_article_2')(store.getState()).phase).toBe('failed');
    // The nested run starts when the agent's attempt does (800 ms on the top clock): 600 ms in, its first turn emits.
    store.getState().setCursor(800 + 700);
    expect(nodeRunSelector('pricing_api')(store.getState())).toMatchObject({ phase: 'running', attempt: 1, elapsedMs: 100 });
    expect(nodeRunSelector('digest')(store.getState()).phase).toBe('waiting');
  });
});
