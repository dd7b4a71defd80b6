// How runs become a plan: latencies fitted over several runs, fault shares as observed, edges only on evidence (with
// the argument rewritten as a reference the review agrees with), retried attempts folded into one call.
import { describe, expect, it } from 'vitest';
import { runMonteCarlo, simulate } from '../engine';
import { reviewPlan } from '../plan/review';
import type { Plan } from '../plan/schema';
import { importRuns, type SourceFile } from '.';
import { fitLatency, percentile } from './fit';
import { fixture, otlpTrace, seeded, toolSpan, type SpanSpec } from './testing';

function plan(files: SourceFile[]): { plan: Plan; report: ReturnType<typeof okReport> } {
  const r = importRuns(files);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return { plan: r.plan, report: okReport(r) };
}
function okReport(r: ReturnType<typeof importRuns>) {
  if (!r.ok) throw new Error('import failed');
  return r.report;
}

/** Runs of one agent as OTLP files, one trace each. */
/** An Anthropic assistant turn: one tool use per [id, tool, input]. */
const toolUses = (...uses: [string, string, object][]) => ({
  role: 'assistant',
  content: uses.map(([id, name, input]) => ({ type: 'tool_use', id, name, input })),
});
/** The user turn that answers it: one tool result per [tool_use_id, content, is_error]. */
const toolResults = (...results: [string, string, boolean?][]) => ({
  role: 'user',
  content: results.map(([tool_use_id, content, isError]) => ({
    type: 'tool_result',
    tool_use_id,
    content,
    ...(isError === true ? { is_error: true } : {}),
  })),
});

const runs = (n: number, spans: (i: number) => SpanSpec[]): SourceFile[] =>
  Array.from({ length: n }, (_, i) => ({ name: `run-${i + 1}.json`, text: JSON.stringify(otlpTrace(`trace${i}`, spans(i))) }));

describe('several runs of one agent: a lognormal fitted to the observed p50/p95', () => {
  // 60 runs whose search took a lognormal-ish time (p50 ≈ 300 ms, long tail); lookup always 40 ms.
  const rand = seeded(7);
  const durations = Array.from({ length: 60 }, () =>
    Math.round(300 * Math.exp(0.6 * Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand()))),
  );
  const files = runs(60, (i) => [
    toolSpan('s', 'search', 0, durations[i], { args: { q: 'x' } }),
    toolSpan('l', 'lookup', 0, 40, { args: { id: 'u1' } }),
  ]);
  const { plan: p, report } = plan(files);
  const sorted = [...durations].sort((a, b) => a - b);
  const observed = { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };

  it('gives the call a lognormal with exactly the observed p50 and p95 (nearest rank)', () => {
    expect(p.calls[0].latency).toEqual({ kind: 'lognormal', p50Ms: observed.p50, p95Ms: observed.p95 });
    expect(report.inferred.find((f) => f.field === 'calls[*].latency')?.from).toMatch(
      /lognormal fitted to the observed p50\/p95 for 1 call; fixed where every run took the same time \(1 call\)/,
    );
  });

  it('simulates to the observed p50 within 3% and p95 within 6% over 20,000 runs', () => {
    const only = { ...p, calls: [p.calls[0]], dependencies: [] };
    const stats = runMonteCarlo(only, { runs: 20_000, seed: 11 });
    expect(Math.abs((stats.makespanMs.p50 ?? 0) / observed.p50 - 1)).toBeLessThan(0.03);
    expect(Math.abs((stats.makespanMs.p95 ?? 0) / observed.p95 - 1)).toBeLessThan(0.06);
  });

  it('falls back where a lognormal cannot be carried: equal → fixed, one or two timings → fixed or uniform', () => {
    expect(fitLatency([40, 40, 40])).toEqual({ latency: { kind: 'fixed', ms: 40 }, how: 'fixed-equal' });
    expect(fitLatency([70])).toEqual({ latency: { kind: 'fixed', ms: 70 }, how: 'fixed-one' });
    expect(fitLatency([70, 90])).toEqual({ latency: { kind: 'uniform', minMs: 70, maxMs: 90 }, how: 'uniform' });
    expect(fitLatency([0, 0, 5])).toEqual({ latency: { kind: 'uniform', minMs: 0, maxMs: 5 }, how: 'uniform' });
    expect(fitLatency([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 900])).toEqual({
      latency: { kind: 'fixed', ms: 100 },
      how: 'fixed-flat',
    });
    expect(fitLatency([])).toEqual({ latency: { kind: 'fixed', ms: 500 }, how: 'default' });
  });
});

describe('several runs: error and timeout faults with the observed shares', () => {
  // 40 runs: 6 times "503 upstream", 4 timeouts (cut at 2000 ms), 30 successes of 100–300 ms.
  const outcome = (i: number) => (i < 6 ? 'error' : i < 10 ? 'timeout' : 'ok');
  const files = runs(40, (i) => {
    const o = outcome(i);
    const end = o === 'timeout' ? 2000 : 100 + ((i * 37) % 200);
    return [
      toolSpan('s', 'search', 0, end, {
        args: { q: 'x' },
        error: o === 'error' ? '503 upstream' : o === 'timeout' ? 'deadline exceeded' : undefined,
        attrs: o === 'timeout' ? { 'error.type': 'timeout' } : o === 'error' ? { 'error.type': '503' } : {},
      }),
    ];
  });
  const { plan: p, report } = plan(files);
  const call = p.calls[0];

  it('lists a timeout fault then an error fault whose outcomes have the observed shares (10% and 15%)', () => {
    expect(call.faults).toEqual([
      { kind: 'timeout', probability: 0.1 },
      { kind: 'error', message: '503 upstream', retryable: false, probability: 0.166666667 },
    ]);
    // The error fault fires only when the timeout did not: 0.9 × 0.1666… = 0.15, the observed share.
    expect(0.9 * (call.faults[1].probability ?? 0)).toBeCloseTo(0.15, 8);
    expect(call.timeoutMs).toBe(2000);
    expect(report.inferred.find((f) => f.field === 'calls[*].faults')?.from).toBe(
      '1 call fail with the observed shares of their attempts (error and timeout faults)',
    );
  });

  it('simulates to the same shares of failed and timed-out runs', () => {
    const counts = { succeeded: 0, failed: 0, timed_out: 0 };
    for (let run = 0; run < 6000; run++) {
      const status = simulate(p, { seed: 3, run }).calls[0].status;
      if (status === 'succeeded' || status === 'failed' || status === 'timed_out') counts[status] += 1;
    }
    expect(Math.abs(counts.failed / 6000 - 0.15)).toBeLessThan(0.015);
    expect(Math.abs(counts.timed_out / 6000 - 0.1)).toBeLessThan(0.015);
  });

  it('fits the latency to the successful attempts only (a timeout’s duration is the cut, not the work)', () => {
    expect(call.latency.kind).toBe('lognormal');
    expect(call.latency.kind === 'lognormal' && call.latency.p95Ms).toBeLessThan(300);
  });
});

describe('edges are drawn only on evidence', () => {
  const { plan: p, report } = plan([fixture('synthetic-research-agent.json')]);
  const call = (id: string) => p.calls.find((c) => c.id === id);

  it('a value first produced by a result and used in a later call’s arguments draws an edge and becomes a reference', () => {
    expect(p.dependencies.map((d) => `${d.from}→${d.to}`)).toEqual([
      'search_docs→fetch_page',
      'search_docs→summarize',
      'fetch_page→summarize',
      'search_docs→translate',
    ]);
    expect(call('fetch_page')?.input).toEqual({ url: '{{search_docs.results.0.url}}' });
    expect(call('summarize')?.input).toEqual({ source: '{{search_docs.results.0.url}}', length: '{{fetch_page.words}}', style: 'short' });
    expect(report.drawn[0]).toEqual({
      from: 'search_docs',
      to: 'fetch_page',
      evidence: 'results.0.url = "https://docs.example.com/partial-failure"',
    });
  });

  it('the plan review agrees: no reference without its edge, no edge without its reference', () => {
    const rules = reviewPlan(p).map((f) => f.rule);
    expect(rules).not.toContain('reference-without-edge');
    expect(rules).not.toContain('false-dependency');
  });

  it('a short value (en-GB), a value the prompt already had, or a result nobody uses draws nothing, and the turn-order pairs are listed', () => {
    expect(call('translate')?.input).toEqual({ text: '{{search_docs.results.0.title}}', locale: 'en-GB' });
    expect(p.dependencies.some((d) => d.from === 'get_user_profile')).toBe(false);
    expect(report.undrawn).toEqual([
      { from: 'get_user_profile', to: 'fetch_page', fromTurn: 1, toTurn: 2 },
      { from: 'fetch_page', to: 'translate', fromTurn: 2, toTurn: 3 },
    ]);
  });

  it('the waves follow the evidence: the search, then the fetch, then the summary', () => {
    const trace = simulate(p);
    const wave = (id: string) => trace.calls.find((c) => c.id === id)?.wave;
    expect([wave('search_docs'), wave('get_user_profile'), wave('fetch_page'), wave('summarize'), wave('translate')]).toEqual([
      0, 0, 1, 2, 1,
    ]);
  });

  it('values of `true`, 1 or 10 are never evidence, and calls of one turn never depend on each other', () => {
    const messages = [
      { role: 'user', content: 'check' },
      toolUses(['a', 'status', {}]),
      toolResults(['a', '{"ok": true, "count": 1, "page": 10, "token": "tok_9f8e7d6c"}']),
      toolUses(['b', 'next', { ok: true, count: 1, page: 10 }], ['c', 'use', { token: 'tok_9f8e7d6c' }]),
      toolResults(['b', 'tok_other_value'], ['c', 'done']),
    ];
    const r = plan([{ name: 'm.json', text: JSON.stringify(messages) }]);
    expect(r.plan.dependencies.map((d) => `${d.from}→${d.to}`)).toEqual(['status→use']);
    expect(r.report.undrawn.map((u) => `${u.from}→${u.to}`)).toEqual(['status→next']);
  });

  it('a value any call of the upstream’s turn already had in its arguments is not evidence (the model knew it)', () => {
    const messages = [
      { role: 'user', content: 'go' },
      toolUses(['b', 'lookup', { q: 'status' }], ['a', 'open_ticket', { ref: 'ORDER-77812' }]),
      toolResults(['a', 'ok'], ['b', '{"order": "ORDER-77812", "carrier": "Postnord-SE"}']),
      toolUses(['c', 'ship', { order: 'ORDER-77812', carrier: 'Postnord-SE' }]),
      toolResults(['c', 'done']),
    ];
    const r = plan([{ name: 'k.json', text: JSON.stringify(messages) }]);
    expect(r.plan.dependencies.map((d) => `${d.from}→${d.to}`)).toEqual(['lookup→ship']);
    expect(r.plan.calls.find((c) => c.id === 'ship')?.input).toEqual({ order: 'ORDER-77812', carrier: '{{lookup.carrier}}' });
  });
});

describe('retried attempts fold into one call', () => {
  it('the same tool with the same arguments after a failure is a second attempt: maxAttempts 2, the failure replayed', () => {
    const { plan: p, report } = plan([fixture('synthetic-research-agent.json')]);
    const fetch = p.calls.filter((c) => c.tool === 'fetch_page');
    expect(fetch).toHaveLength(1);
    expect(fetch[0]).toMatchObject({
      label: 'toolu_fetch_01, toolu_fetch_02',
      retry: { maxAttempts: 2 },
      faults: [{ kind: 'error', message: '503 Service Unavailable', retryable: true, onAttempts: [1] }],
    });
    expect(simulate(p).calls.find((c) => c.id === 'fetch_page')).toMatchObject({
      status: 'succeeded',
      attempts: [{ result: 'error', message: '503 Service Unavailable' }, { result: 'ok' }],
    });
    expect(report.inferred.find((f) => f.field === 'calls[*].retry')?.from).toMatch(/^maxAttempts = the most attempts seen \(1 call/);
  });

  it('over several runs, maxAttempts is the most attempts seen and the waits are measured', () => {
    const files = runs(3, (i) => {
      const spans: SpanSpec[] = [];
      let t = 0;
      for (let a = 0; a <= i; a++) {
        spans.push(toolSpan(`s${a}`, 'search', t, t + 100, { args: { q: 'x' }, error: a < i ? 'flaky' : undefined }));
        t += 100 + 250;
      }
      return spans;
    });
    const { plan: p } = plan(files);
    expect(p.calls).toHaveLength(1);
    expect(p.calls[0].retry).toEqual({ maxAttempts: 3, initialIntervalMs: 250, backoffCoefficient: 1, jitter: 'none' });
    // 6 attempts in all, 3 failed: half of them.
    expect(p.calls[0].faults).toEqual([{ kind: 'error', message: 'flaky', retryable: true, probability: 0.5 }]);
  });

  it('two identical calls of one turn are two calls, and a repeat after a success is not a retry', () => {
    const messages = [
      { role: 'user', content: 'go' },
      toolUses(['a', 'ping', { host: 'x' }], ['b', 'ping', { host: 'x' }]),
      toolResults(['a', 'down', true], ['b', 'up']),
      toolUses(['c', 'ping', { host: 'x' }]),
      toolResults(['c', 'up']),
    ];
    const { plan: p } = plan([{ name: 'p.json', text: JSON.stringify(messages) }]);
    expect(p.calls.map((c) => [c.id, c.retry.maxAttempts])).toEqual([
      ['ping', 1],
      ['ping_2', 1],
      ['ping_3', 1],
    ]);
  });
});

describe('calls matched across runs by tool and turn position', () => {
  it('a call missing from some runs keeps its shares over the runs that have it, and the report says so', () => {
    const files = runs(4, (i) => [
      toolSpan('a', 'search', 0, 100, { args: { q: 'x' } }),
      ...(i < 2 ? [toolSpan('b', 'extra', 0, 50, { args: { n: 'y' } })] : []),
    ]);
    const { plan: p, report } = plan(files);
    expect(p.calls.map((c) => c.id)).toEqual(['search', 'extra']);
    expect(report.notes).toContain('extra appeared in 2 of 4 runs; its latency and failure shares are over those.');
  });
});
