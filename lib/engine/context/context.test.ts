// The partial-state context rules (docs/context.md#the-rules), each checked in all three formats over hand-built traces.
import { describe, expect, it } from 'vitest';
import { buildContext, CONTEXT_FORMATS, type ContextFormat } from './index';
import { readContext } from './test-fixtures';
import { SCENARIOS, aborted, agent, deadline, empty, mixed, research, stuck, type Scenario } from './test-scenarios';

const FORMATS: ContextFormat[] = [...CONTEXT_FORMATS];
const ALL = Object.entries(SCENARIOS);
const read = (s: Scenario, f: ContextFormat) => readContext(buildContext(s.plan, s.trace, f));
const resultOf = (s: Scenario, f: ContextFormat, id: string) => {
  const r = read(s, f)
    .turns.flatMap((t) => t.results)
    .find((x) => x.id === id);
  if (r === undefined) throw new Error(`no result for ${id}`);
  return r;
};

describe('the shape of the conversation', () => {
  it.each(FORMATS)('%s: one assistant turn per model turn, holding exactly the calls that started in it', (f) => {
    const s = research();
    const ctx = read(s, f);
    expect(ctx.turns.map((t) => t.uses.map((u) => u.id))).toEqual([['search'], ['fetch_a', 'fetch_b']]);
    expect(ctx.turns.map((t) => t.results.map((r) => r.id))).toEqual([['search'], ['fetch_a', 'fetch_b']]);
    expect(ctx.turns[1].uses.map((u) => u.name)).toEqual(['fetch_url', 'fetch_url']);
  });

  it.each(FORMATS)('%s: inputs are sent with upstream references resolved from their outputs', (f) => {
    const ctx = read(research(), f);
    expect(ctx.turns[1].uses.map((u) => u.input)).toEqual([{ url: 'https://a.example' }, { url: 'https://b.example' }]);
  });

  it('anthropic: the conversation starts with the first assistant turn and ends with the summary in the last user message', () => {
    const { plan, trace } = research();
    const { messages } = buildContext(plan, trace, 'anthropic');
    expect(messages.map((m) => m.role)).toEqual(['assistant', 'user', 'assistant', 'user']);
    const last = messages[3];
    if (last.role !== 'user') throw new Error('last message is not from the user');
    expect(last.content.map((b) => b.type)).toEqual(['tool_result', 'tool_result', 'text']);
    const first = messages[1];
    if (first.role !== 'user') throw new Error('second message is not from the user');
    expect(first.content.map((b) => b.type)).toEqual(['tool_result']);
  });

  it('openai: each assistant tool_calls message is answered by tool messages, then one final user message', () => {
    const { plan, trace } = research();
    const { messages } = buildContext(plan, trace, 'openai');
    expect(messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant', 'tool', 'tool', 'user']);
    const second = messages[2];
    if (second.role !== 'assistant') throw new Error('not an assistant message');
    expect(second.tool_calls).toEqual([
      { id: 'fetch_a', type: 'function', function: { name: 'fetch_url', arguments: '{"url":"https://a.example"}' } },
      { id: 'fetch_b', type: 'function', function: { name: 'fetch_url', arguments: '{"url":"https://b.example"}' } },
    ]);
  });

  it.each([
    ['waves', research(), ['=== Model turn 1 (wave 1) ===', '=== Model turn 2 (wave 2) ===']],
    ['eager', aborted(), ['=== Model turn 1 (the whole plan) ===']],
    ['sequential', deadline(), ['=== Model turn 1 (s1) ===', '=== Model turn 2 (s2) ===']],
  ] as const)('text: under %s each model turn has a readable header', (_strategy, s, headers) => {
    const { text } = buildContext(s.plan, s.trace, 'text');
    expect(text.split('\n').filter((l) => l.startsWith('=== Model turn'))).toEqual(headers);
    expect(text).toContain('\n=== Summary ===\n');
  });

  it.each(FORMATS)('%s: with no model turn at all the context is just the summary', (f) => {
    const ctx = buildContext(empty().plan, empty().trace, f);
    const r = readContext(ctx);
    expect(r.turns).toEqual([]);
    expect(r.summary).toBe('Tool plan status: 0 calls.\nPlan outcome: complete');
    if (ctx.format === 'anthropic') expect(ctx.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: r.summary }] }]);
    if (ctx.format === 'openai') expect(ctx.messages).toEqual([{ role: 'user', content: r.summary }]);
  });
});

describe('nothing is silently dropped', () => {
  it.each(FORMATS.flatMap((f) => ALL.map(([name, make]) => [f, name, make] as const)))(
    '%s / %s: every call that started appears exactly once as a tool result, and every other call is named in the summary',
    (f, _name, make) => {
      const s = make();
      const ctx = read(s, f);
      const resultIds = ctx.turns.flatMap((t) => t.results.map((r) => r.id));
      const started = s.trace.calls.filter((c) => c.startMs !== null).map((c) => c.id);
      expect([...resultIds].sort()).toEqual([...started].sort());
      for (const c of s.trace.calls.filter((x) => x.startMs === null)) expect(ctx.summary).toContain(`- ${c.id}: `);
      for (const t of ctx.turns) expect(t.results.map((r) => r.id)).toEqual(t.uses.map((u) => u.id));
    },
  );

  it.each(FORMATS)('%s: a call that never started is named in the summary with its reason, never as a tool use', (f) => {
    const ctx = read(research(), f);
    expect(ctx.turns.flatMap((t) => t.uses.map((u) => u.id))).not.toContain('summarize');
    expect(ctx.summary).toContain('summarize: skipped — needs fetch_b, which timed out');
  });

  it.each([
    ['aborted', aborted, 'd: not started — the plan was aborted at 500 ms because a failed'],
    ['deadline', deadline, "s3: not started — the plan's deadline was reached at 3000 ms"],
    ['stuck (waiting on a hung call)', stuck, 'next: not started — waiting on h, which never returned'],
    ['stuck (waiting on a call that never started)', stuck, 'later: not started — waiting on next, which never started'],
    ['stuck (wave held open)', stuck, 'other: not started — its wave never began: h never returned and holds an earlier wave open'],
  ] as const)('the summary gives the reason a call never started: %s', (_name, make, line) => {
    for (const f of FORMATS) expect(read(make(), f).summary).toContain(line);
  });
});

describe('each result says what happened', () => {
  it.each(FORMATS)('%s: is_error is set exactly on failed, timed-out, cancelled and hung calls', (f) => {
    for (const [, make] of ALL) {
      const s = make();
      for (const r of read(s, f).turns.flatMap((t) => t.results)) {
        const status = s.trace.calls.find((c) => c.id === r.id)?.status;
        expect([r.id, r.isError]).toEqual([
          r.id,
          status === 'failed' || status === 'timed_out' || status === 'cancelled' || status === 'hung',
        ]);
      }
    }
  });

  it.each(FORMATS)('%s: a timeout says after how many attempts, the cut, and that retries are exhausted', (f) => {
    expect(resultOf(research(), f, 'fetch_b').content).toBe(
      'fetch_b timed out after 3 attempts (each cut at 2000 ms); the failure was retryable, retries are exhausted',
    );
  });

  it.each(FORMATS)('%s: an error says its message, its attempts and that it was not retryable', (f) => {
    expect(resultOf(mixed(), f, 'err').content).toBe('err failed after 1 attempt: 503 Service Unavailable; the failure was not retryable');
    expect(resultOf(mixed(), f, 'rl').content).toBe(
      'rl was rate limited after 2 attempts: 429 rate limited: retry after 500 ms; the failure was retryable, retries are exhausted',
    );
  });

  it.each(FORMATS)('%s: a partial result carries its output and its warning', (f) => {
    expect(resultOf(mixed(), f, 'part')).toEqual({
      id: 'part',
      isError: false,
      content: '["p1","p2"]\nWarning: this result is partial (incomplete): 2 of 3 pages',
    });
  });

  it.each(FORMATS)('%s: a degraded call names its missing inputs and gets null for them', (f) => {
    const s = mixed();
    const r = resultOf(s, f, 'report');
    expect(r.content).toBe(
      'report written\nDegraded: ran without err (failed), an optional input; any reference to it was passed as null.',
    );
    const use = read(s, f).turns[1].uses[0];
    expect(use.input).toEqual({ data: null, note: 'see Hello (3 rows, null)' });
    expect(read(s, f).summary).toContain('Degraded (ran without optional inputs):\n- report: missing err (failed)');
  });

  it.each(FORMATS)('%s: a cancelled call says it was cancelled and why', (f) => {
    expect(resultOf(aborted(), f, 'b').content).toBe(
      'b was cancelled after 1 attempt: the plan was aborted at 500 ms because a failed; it returned no result',
    );
    expect(resultOf(aborted(), f, 'c').content).toContain('c was cancelled while waiting to retry after 1 attempt: the plan was aborted');
    expect(resultOf(deadline(), f, 's2').content).toBe(
      "s2 was cancelled after 1 attempt: the plan's deadline was reached at 3000 ms; it returned no result",
    );
  });

  it.each(FORMATS)('%s: a hung call is reported as never returning', (f) => {
    const r = resultOf(stuck(), f, 'h');
    expect(r.isError).toBe(true);
    expect(r.content).toMatch(/^h never returned \(attempt 1 started at 0 ms\)/);
  });
});

describe('the summary', () => {
  it.each([
    ['research', research, 'Tool plan status: 4 calls — 2 succeeded, 1 timed out, 1 skipped.', 'Plan outcome: partial'],
    ['mixed', mixed, 'Tool plan status: 5 calls — 2 succeeded, 1 partial, 2 failed.', 'Plan outcome: partial'],
    [
      'aborted',
      aborted,
      'Tool plan status: 4 calls — 1 failed, 2 cancelled, 1 not started.',
      'Plan outcome: aborted — a failed at 500 ms and its policy is to abort the plan',
    ],
    [
      'deadline',
      deadline,
      'Tool plan status: 3 calls — 1 succeeded, 1 cancelled, 1 not started.',
      "Plan outcome: deadline_exceeded — the plan's deadline was reached at 3000 ms",
    ],
    ['stuck', stuck, 'Tool plan status: 5 calls — 1 succeeded, 3 not started, 1 hung.', 'Plan outcome: stuck — h never returned'],
  ] as const)('counts each status that occurred and names the outcome (%s)', (_name, make, first, last) => {
    for (const f of FORMATS) {
      const lines = read(make(), f).summary.split('\n');
      expect(lines[0]).toBe(first);
      expect(lines[lines.length - 1]).toBe(last);
    }
  });

  it('lists the failures and warns the model not to invent their results', () => {
    const { summary } = read(research(), 'anthropic');
    expect(summary).toBe(
      [
        'Tool plan status: 4 calls — 2 succeeded, 1 timed out, 1 skipped.',
        'Succeeded: search, fetch_a.',
        'Failed:',
        '- fetch_b: timed out after 3 attempts',
        'Never started:',
        '- summarize: skipped — needs fetch_b, which timed out',
        'No result exists for a call that failed or never started: do not assume or invent one.',
        'Plan outcome: partial',
      ].join('\n'),
    );
  });

  it('is the same text in all three formats', () => {
    for (const [, make] of ALL) {
      const summaries = FORMATS.map((f) => read(make(), f).summary);
      expect(new Set(summaries).size).toBe(1);
    }
  });
});

describe('sub-agents', () => {
  it.each(FORMATS)('%s: an explicit sub-agent returns the nested run’s own summary as its result', (f) => {
    const r = resultOf(agent('explicit'), f, 'sub');
    expect(r.isError).toBe(false);
    expect(r.content).toContain('Sub-agent report (nested plan "Specialist"):\nResults:\n- n1: {"price":42}');
    expect(r.content).toContain('Tool plan status: 2 calls — 1 succeeded, 1 failed.');
    expect(r.content).toContain('- n2: failed after 1 attempt: not found');
    expect(r.content).toContain('Plan outcome: partial');
  });

  it.each(FORMATS)('%s: an opaque sub-agent returns only the nested results that came in, no word of failures', (f) => {
    const s = agent('opaque');
    const r = resultOf(s, f, 'sub');
    expect(r).toEqual({ id: 'sub', isError: false, content: 'Results:\n- n1: {"price":42}' });
    expect(read(s, f).summary).not.toMatch(/fail|n2/);
  });
});
