import { describe, expect, it } from 'vitest';
import { buildAntiPattern, buildContext, simulate } from '@/lib/engine';
import { makePlan } from '@/lib/engine/testing/build';
import { diffAntiPattern, markLines, troubledCalls } from './context-diff';

// search → fetch_a, fetch_b (one wave) → summarize (needs fetch_b): fetch_b fails, summarize is skipped.
const plan = makePlan(
  [
    { id: 'search', tool: 'web_search' },
    { id: 'fetch_a', tool: 'fetch_url' },
    { id: 'fetch_b', tool: 'fetch_url', faults: [{ kind: 'error', message: '404 Not Found', retryable: false, onAttempts: [1] }] },
    { id: 'summarize', tool: 'llm' },
  ],
  [
    ['search', 'fetch_a'],
    ['search', 'fetch_b'],
    ['fetch_a', 'summarize'],
    ['fetch_b', 'summarize'],
  ],
);
const trace = simulate(plan);

describe('diffAntiPattern on a run where one fetch fails', () => {
  it('the run has the failure and the skipped dependent', () => {
    expect(troubledCalls(trace).map((c) => [c.id, c.status])).toEqual([
      ['fetch_b', 'failed'],
      ['summarize', 'skipped'],
    ]);
  });

  it('dropped: the failed and skipped calls are absent from its rendering but named in the correct one', () => {
    const d = diffAntiPattern(trace, 'dropped');
    expect(d.affected.map((c) => c.id)).toEqual(['fetch_b', 'summarize']);
    const correct = buildContext(plan, trace, 'text').text;
    const wrong = buildAntiPattern(plan, trace, 'dropped', 'text').text;
    for (const c of d.affected) {
      expect(correct).toContain(c.id);
      expect(wrong).not.toContain(c.id);
    }
    expect(d.sentence).toContain('it sees 2 and no word of fetch_b and summarize');
  });

  it('false success: the failure is reported as an empty success', () => {
    const d = diffAntiPattern(trace, 'false_success');
    expect(d.affected.map((c) => c.id)).toEqual(['fetch_b', 'summarize']);
    expect(d.sentence).toMatch(/^It treats fetch_b’s empty result as real/);
    expect(d.sentence).toContain('no word of summarize');
    const wrong = buildAntiPattern(plan, trace, 'false_success', 'anthropic');
    const results = wrong.messages.flatMap((m) => (m.role === 'user' ? m.content : [])).filter((b) => b.type === 'tool_result');
    expect(results.find((b) => b.tool_use_id === 'fetch_b')).toMatchObject({ is_error: false, content: '' });
  });

  it('total failure: the good result of the failing batch is thrown away', () => {
    const d = diffAntiPattern(trace, 'total_failure');
    expect(d.affected.map((c) => c.id)).toEqual(['fetch_a']);
    expect(d.sentence).toBe('It throws away fetch_a, which succeeded, and retries or gives up.');
    const wrong = buildAntiPattern(plan, trace, 'total_failure', 'text').text;
    expect(wrong).toContain('Tool batch failed: fetch_b');
  });
});

describe('diffAntiPattern on edge cases', () => {
  it('says nothing is lost when nothing failed', () => {
    const ok = makePlan([{ id: 'a' }, { id: 'b' }], [['a', 'b']]);
    const t = simulate(ok);
    for (const kind of ['dropped', 'false_success', 'total_failure'] as const) {
      const d = diffAntiPattern(t, kind);
      expect(d.affected).toEqual([]);
      expect(d.sentence).toMatch(/^Nothing failed/);
    }
  });

  it('total failure with a lone failing call: the earlier good results are declared unusable', () => {
    const p = makePlan(
      [{ id: 'search' }, { id: 'fetch', faults: [{ kind: 'error', message: '500', retryable: false, onAttempts: [1] }] }],
      [['search', 'fetch']],
    );
    const d = diffAntiPattern(simulate(p), 'total_failure');
    expect(d.affected.map((c) => c.id)).toEqual(['search']);
    expect(d.sentence).toContain('gives up on search, which succeeded');
  });
});

describe('markLines', () => {
  it('marks lines naming an id as a whole word only', () => {
    const lines = markLines('fetch_1 ok\nfetch_10 failed\nneeds fetch_1, which failed', ['fetch_1', 'fetch_10']);
    expect(lines.map((l) => l.ids)).toEqual([['fetch_1'], ['fetch_10'], ['fetch_1']]);
    expect(lines.map((l) => l.text).join('\n')).toBe('fetch_1 ok\nfetch_10 failed\nneeds fetch_1, which failed');
  });
});
