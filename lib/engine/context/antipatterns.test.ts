// The anti-patterns (docs/context.md#anti-patterns) rendered for teaching: dropped, total_failure, false_success — always labelled.
import { describe, expect, it } from 'vitest';
import { ANTI_PATTERNS, buildAntiPattern, buildContext, CONTEXT_FORMATS, type ContextFormat } from './index';
import { readContext } from './test-fixtures';
import { SCENARIOS, mixed, research } from './test-scenarios';

const FORMATS: ContextFormat[] = [...CONTEXT_FORMATS];
const serialized = (x: unknown) => JSON.stringify(x);

describe('anti-patterns are clearly labelled', () => {
  it.each(ANTI_PATTERNS.flatMap((k) => FORMATS.map((f) => [k, f] as const)))(
    '%s in %s carries its kind and a one-sentence label',
    (kind, f) => {
      const { plan, trace } = research();
      const ctx = buildAntiPattern(plan, trace, kind, f);
      expect(ctx.antiPattern).toBe(kind);
      expect(ctx.format).toBe(f);
      expect(ctx.label).toMatch(/^Anti-pattern: [^.]+\.$/);
    },
  );

  it.each(ANTI_PATTERNS)('the text of %s starts with an ANTI-PATTERN header line', (kind) => {
    const { plan, trace } = research();
    const { text } = buildAntiPattern(plan, trace, kind, 'text');
    expect(text.split('\n')[0]).toMatch(new RegExp(`^ANTI-PATTERN \\(${kind}\\): `));
  });

  it.each(ANTI_PATTERNS.flatMap((k) => FORMATS.flatMap((f) => Object.entries(SCENARIOS).map(([n, make]) => [k, f, n, make] as const))))(
    '%s in %s over %s is still a valid conversation: every tool use is answered exactly once',
    (kind, f, _name, make) => {
      const { plan, trace } = make();
      for (const turn of readContext(buildAntiPattern(plan, trace, kind, f)).turns) {
        if (f === 'text' && kind === 'total_failure') continue; // the text shows one line for a failed batch
        expect(turn.results.map((r) => r.id)).toEqual(turn.uses.map((u) => u.id));
      }
    },
  );
});

describe('dropped', () => {
  it.each(FORMATS)('%s: failed calls and their results are omitted; never-started calls go unmentioned', (f) => {
    const { plan, trace } = research();
    const ctx = buildAntiPattern(plan, trace, 'dropped', f);
    const read = readContext(ctx);
    expect(read.turns.map((t) => t.uses.map((u) => u.id))).toEqual([['search'], ['fetch_a']]);
    expect(read.turns.flatMap((t) => t.results.map((r) => r.isError))).toEqual([false, false]);
    const body = f === 'text' ? ctx.format === 'text' && ctx.text.split('\n').slice(1).join('\n') : serialized(ctx);
    expect(body).not.toMatch(/fetch_b|summarize|timed out|skipped/);
    expect(read.summary).toBe('Tool plan status: 2 succeeded.');
  });

  it.each(FORMATS)('%s: a degraded call no longer says which input was missing', (f) => {
    const { plan, trace } = mixed();
    const read = readContext(buildAntiPattern(plan, trace, 'dropped', f));
    expect(read.turns.flatMap((t) => t.results).find((r) => r.id === 'report')?.content).toBe('report written');
  });
});

describe('total_failure', () => {
  it.each(FORMATS)('%s: a batch with a failure is replaced by one error and its good results are thrown away', (f) => {
    const { plan, trace } = research();
    const ctx = buildAntiPattern(plan, trace, 'total_failure', f);
    const read = readContext(ctx);
    expect(read.turns[0].results).toEqual([
      { id: 'search', isError: false, content: '{"results":[{"url":"https://a.example"},{"url":"https://b.example"}]}' },
    ]);
    const batch = read.turns[1].results;
    const error = 'Tool batch failed: fetch_b timed out after 3 attempts. No results are available for this batch.';
    if (f === 'text') expect(ctx.format === 'text' && ctx.text).toContain(`result (whole batch) [error]: ${error}`);
    else
      expect(batch).toEqual([
        { id: 'fetch_a', isError: true, content: error },
        { id: 'fetch_b', isError: true, content: error },
      ]);
    expect(serialized(ctx)).not.toContain('alpha');
    expect(read.summary).toBe(
      'The task failed because fetch_b timed out after 3 attempts. None of the tool results can be used.\nPlan outcome: failed',
    );
  });
});

describe('false_success', () => {
  it.each(FORMATS)('%s: failures are reported as empty successes and the summary says all succeeded', (f) => {
    const { plan, trace } = mixed();
    const ctx = buildAntiPattern(plan, trace, 'false_success', f);
    const results = readContext(ctx).turns.flatMap((t) => t.results);
    expect(results.find((r) => r.id === 'err')).toEqual({ id: 'err', isError: false, content: '' });
    expect(results.find((r) => r.id === 'rl')).toEqual({ id: 'rl', isError: false, content: '' });
    expect(results.find((r) => r.id === 'ok')?.content).toBe('{"title":"Hello","rows":3}');
    expect(readContext(ctx).summary).toBe('Tool plan status: 5 calls — all succeeded.\nPlan outcome: complete');
    if (ctx.format === 'anthropic') {
      for (const m of ctx.messages)
        if (m.role === 'user') for (const b of m.content) if (b.type === 'tool_result') expect(b.is_error).toBe(false);
    }
  });

  it.each(FORMATS)('%s: never-started calls are not mentioned', (f) => {
    const { plan, trace } = research();
    expect(serialized(buildAntiPattern(plan, trace, 'false_success', f))).not.toMatch(/summarize|skipped|timed out/);
  });
});

describe('anti-patterns differ from the real context only where they lie', () => {
  it.each(ANTI_PATTERNS.flatMap((k) => FORMATS.map((f) => [k, f] as const)))(
    '%s in %s differs from the correct context for a partial run',
    (kind, f) => {
      const { plan, trace } = research();
      const { antiPattern, label, ...rest } = buildAntiPattern(plan, trace, kind, f);
      expect([antiPattern, label.length > 0]).toEqual([kind, true]);
      expect(rest).not.toEqual(buildContext(plan, trace, f));
    },
  );
});
