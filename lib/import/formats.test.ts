// Each format, read from real files of public repositories (see fixtures/README.md): the calls, their ids, inputs,
// outputs and timings come out as the source recorded them, and every imported plan passes the plan schema.
import { describe, expect, it } from 'vitest';
import { parsePlanText, serializePlan } from '../plan/parse';
import { reviewPlan } from '../plan/review';
import { importRuns, readRuns, sniffFile } from '.';
import { chatSpan, fixture, otlpTrace, toolSpan } from './testing';

const imported = (...names: string[]) => {
  const r = importRuns(names.map(fixture));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r;
};

const REAL = [
  'anthropic-tool-use-in-input.json',
  'anthropic-parallel-tool-use.json',
  'openai-chat-tool-calls.json',
  'openai-responses-agents.json',
  'otlp-genai-microsoft-agent.json',
  'otlp-openinference-openai-agents.json',
  'langfuse-pydantic-ai-tools.json',
  'langfuse-openai-agents.json',
  'langfuse-microsoft-agent.json',
  'synthetic-research-agent.json',
];

/** The one call of the OpenAI Agents SDK's weather sample, labelled as its source records it. */
const tokyoWeather = (label: string) =>
  expect.objectContaining({ id: 'get_weather', label, input: { city: 'Tokyo' }, output: 'The weather in Tokyo is sunny.' });

describe('every fixture imports as a plan the schema accepts', () => {
  it.each(REAL)('%s round-trips through the plan file format and has no review error', (name) => {
    const { plan } = imported(name);
    const again = parsePlanText(serializePlan(plan));
    expect(again.ok && again.plan).toEqual(plan);
    expect(reviewPlan(plan).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(REAL)('%s is told apart from a plan by its content', (name) => {
    expect(sniffFile(fixture(name)).kind).toBe('run');
  });
});

describe('Anthropic Messages transcripts', () => {
  it('a tool_use answered by a tool_result becomes a call with its arguments, its result and its id as label', () => {
    const { plan, report } = imported('anthropic-tool-use-in-input.json');
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0]).toMatchObject({
      id: 'get_weather',
      tool: 'get_weather',
      label: 'toolu_01KBqpqR73qWGsMaW3vBzEjz',
      input: { location: 'San Francisco, CA', unit: 'fahrenheit' },
      output: { weather: 'sunny', temperature: '75' },
      latency: { kind: 'fixed', ms: 500 },
      faults: [],
    });
    expect(report.formats).toEqual(['anthropic']);
    expect(report.inferred.find((f) => f.field === 'calls[*].latency')?.from).toMatch(/default 500 ms where the source has no timing/);
  });

  it('parallel tool_use blocks of one assistant message are one wave, and calls without a result are said so', () => {
    const { plan, report } = imported('anthropic-parallel-tool-use.json');
    expect(plan.calls.map((c) => [c.id, c.output])).toEqual([
      ['get_weather', undefined],
      ['get_time', undefined],
    ]);
    expect(plan.dependencies).toEqual([]);
    expect(report.notes).toEqual([
      'get_weather: no result in the source (the run may have stopped first), so no sample output.',
      'get_time: no result in the source (the run may have stopped first), so no sample output.',
    ]);
  });

  it('Claude Code JSON Lines: blocks of one reply share a turn, and timestamps give the durations', () => {
    const line = (o: object) => JSON.stringify(o);
    const text = [
      line({ type: 'user', timestamp: '2026-01-01T10:00:00.000Z', message: { role: 'user', content: 'go' } }),
      line({
        type: 'assistant',
        timestamp: '2026-01-01T10:00:01.000Z',
        message: { id: 'msg_1', role: 'assistant', content: [{ type: 'tool_use', id: 'tu_a', name: 'Read', input: { file_path: '/a' } }] },
      }),
      line({
        type: 'assistant',
        timestamp: '2026-01-01T10:00:01.000Z',
        message: { id: 'msg_1', role: 'assistant', content: [{ type: 'tool_use', id: 'tu_b', name: 'Grep', input: { pattern: 'x' } }] },
      }),
      line({
        type: 'user',
        timestamp: '2026-01-01T10:00:01.250Z',
        message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu_a', content: 'file a' }] },
      }),
      line({
        type: 'user',
        timestamp: '2026-01-01T10:00:01.800Z',
        message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu_b', content: 'no match', is_error: true }] },
      }),
    ].join('\n');
    const r = importRuns([{ name: 'session.jsonl', text }]);
    expect(r.ok && r.plan.calls.map((c) => [c.id, c.latency, c.faults])).toEqual([
      ['Read', { kind: 'fixed', ms: 250 }, []],
      ['Grep', { kind: 'fixed', ms: 800 }, [{ kind: 'error', message: 'no match', retryable: false, onAttempts: [1] }]],
    ]);
    expect(r.ok && r.plan.dependencies).toEqual([]);
  });
});

describe('OpenAI transcripts', () => {
  it('Chat Completions: tool_calls answered by role "tool" messages, and the response’s calls as the next turn', () => {
    const { plan, report } = imported('openai-chat-tool-calls.json');
    expect(plan.calls.map((c) => [c.id, c.label, c.input])).toEqual([
      ['get_weather', 'call_62136355', { city: 'New York' }],
      ['get_population', 'call_62136356', { city: 'New York' }],
      ['get_weather_2', 'call_S1xa8vawU2HXSrvSeUcqSCZm', { city: 'San Francisco' }],
      ['get_population_2', 'call_ZfEORmbRGEJZ4b7dAuVSPnaf', { city: 'San Francisco' }],
    ]);
    expect(plan.calls[0].output).toEqual({ city: 'New York', weather: 'fine' });
    // "San Francisco" is in the user's prompt: not evidence that turn 2 used turn 1's results.
    expect(plan.dependencies).toEqual([]);
    expect(report.undrawn.map((p) => `${p.from}→${p.to}`)).toEqual([
      'get_weather→get_weather_2',
      'get_weather→get_population_2',
      'get_population→get_weather_2',
      'get_population→get_population_2',
    ]);
  });

  it('Responses: a function_call item and its function_call_output (arguments already an object)', () => {
    const { plan } = imported('openai-responses-agents.json');
    expect(plan.calls).toEqual([tokyoWeather('call_Kud0j0DxWSmLzv9W5m6qVqXn')]);
  });

  it('Responses as Codex session lines: timestamps time the call, an `{"error"}` output is a failure', () => {
    const line = (timestamp: string, payload: object) => JSON.stringify({ timestamp, type: 'response_item', payload });
    const text = [
      line('2026-01-01T10:00:00.000Z', { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'run the tests' }] }),
      line('2026-01-01T10:00:02.000Z', { type: 'function_call', call_id: 'c1', name: 'shell', arguments: '{"command":["npm","test"]}' }),
      line('2026-01-01T10:00:05.500Z', { type: 'function_call_output', call_id: 'c1', output: '{"error": "exit code 1"}' }),
    ].join('\n');
    const r = importRuns([{ name: 'rollout.jsonl', text }]);
    expect(r.ok && r.plan.calls[0]).toMatchObject({
      id: 'shell',
      input: { command: ['npm', 'test'] },
      latency: { kind: 'fixed', ms: 3500 },
      faults: [{ kind: 'error', message: 'exit code 1' }],
    });
  });
});

describe('OpenTelemetry traces (OTLP JSON)', () => {
  it('a GenAI execute_tool span: name, call id (the last of a list), arguments, result, and LLM spans as the model turn time', () => {
    const { plan } = imported('otlp-genai-microsoft-agent.json');
    expect(plan.calls).toEqual([
      expect.objectContaining({
        id: 'get_weather',
        label: 'call_Sz1QP8T7fuJkIECGDLFWOorq',
        input: { location: 'Portland' },
        output: 'The weather in Portland is stormy with a high of 19°C.',
        latency: { kind: 'fixed', ms: 0 },
      }),
    ]);
    // Two chat spans of 5984 ms and 6459 ms: the lower median.
    expect(plan.settings.modelTurnMs).toBe(5984);
  });

  it('an OpenInference TOOL span: tool.name, input.value, output.value; the span id labels it when no call id is recorded', () => {
    const { plan } = imported('otlp-openinference-openai-agents.json');
    expect(plan.calls).toEqual([tokyoWeather('span 5b99c3e3411ed17b')]);
  });

  it('OTLP JSON with no tool span is refused, saying what a tool span is', () => {
    const r = readRuns(fixture('otlp-proto-example-trace.json'));
    expect(r.ok ? [] : r.problems).toEqual([
      {
        path: 'otlp-proto-example-trace.json',
        message: 'has 1 span(s) but no tool span: expected gen_ai.operation.name "execute_tool" or openinference.span.kind "TOOL"',
      },
    ]);
  });

  it('JSON Lines of exports: each trace id is one run; tool spans under one LLM span are one turn', () => {
    const run = (trace: string, ms: number) =>
      JSON.stringify(
        otlpTrace(trace, [
          chatSpan('llm1', 0, 100),
          toolSpan('a', 'search', 100, 100 + ms, { parent: 'llm1', args: { q: 'x' } }),
          toolSpan('b', 'lookup', 100, 150, { parent: 'llm1', args: { id: 'u1' } }),
        ]),
      );
    const text = [run('t1', 200), run('t2', 300), run('t3', 400)].join('\n');
    const r = importRuns([{ name: 'traces.jsonl', text }]);
    expect(r.ok && r.report.runs).toBe(3);
    expect(r.ok && r.plan.calls.map((c) => [c.id, c.latency])).toEqual([
      ['search', { kind: 'lognormal', p50Ms: 300, p95Ms: 400 }],
      ['lookup', { kind: 'fixed', ms: 50 }],
    ]);
  });

  it('sibling tool spans split into turns where a model step starts between them', () => {
    const trace = otlpTrace('t', [
      { id: 'agent', name: 'invoke_agent', startMs: 0, endMs: 1000, attrs: { 'gen_ai.operation.name': 'invoke_agent' } },
      chatSpan('c1', 0, 100, 'agent'),
      toolSpan('a', 'search', 100, 200, { parent: 'agent', args: { q: 'x' }, result: '{"url":"https://example.com/page-1"}' }),
      toolSpan('b', 'weather', 110, 190, { parent: 'agent', args: { city: 'Oslo' } }),
      chatSpan('c2', 200, 300, 'agent'),
      toolSpan('c', 'fetch', 300, 400, { parent: 'agent', args: { url: 'https://example.com/page-1' } }),
    ]);
    const r = importRuns([{ name: 'trace.json', text: JSON.stringify(trace) }]);
    expect(r.ok && r.plan.dependencies).toEqual([{ from: 'search', to: 'fetch', optional: false }]);
    expect(r.ok && r.report.undrawn.map((p) => `${p.from}→${p.to}`)).toEqual(['weather→fetch']);
  });
});

describe('Langfuse trace exports', () => {
  it('three TOOL observations run together are one turn, timed by their start and end', () => {
    const { plan, report } = imported('langfuse-pydantic-ai-tools.json');
    expect(plan.calls.map((c) => [c.id, c.label, c.input, c.latency])).toEqual([
      ['get_pun_suggestion', 'call_X0OSgjUukT5inyEQvuZQnHrk', { topic: 'programming' }, { kind: 'fixed', ms: 6 }],
      ['get_dad_joke_suggestion', 'call_WxZcCvSDhGT4RJHlcU01k10x', { topic: 'programming' }, { kind: 'fixed', ms: 5 }],
      ['get_one_liner_suggestion', 'call_aRaObiWKKt6GzgDkkUl3bu1Q', { topic: 'programming' }, { kind: 'fixed', ms: 5 }],
    ]);
    expect(plan.dependencies).toEqual([]);
    expect(report.undrawn).toEqual([]);
    expect(plan.settings.modelTurnMs).toBe(1707);
  });

  it('the tool name and call id come from the OpenTelemetry attributes Langfuse keeps in metadata', () => {
    const { plan } = imported('langfuse-microsoft-agent.json');
    expect(plan.calls).toEqual([
      expect.objectContaining({ id: 'get_weather', label: 'call_Sz1QP8T7fuJkIECGDLFWOorq', input: { location: 'Portland' } }),
    ]);
  });

  it('an observation at level ERROR is a failure with its status message', () => {
    const source = JSON.parse(fixture('langfuse-openai-agents.json').text);
    const tool = source.observations.find((o: { type: string }) => o.type === 'TOOL');
    tool.level = 'ERROR';
    tool.statusMessage = 'Weather API returned 502';
    const r = importRuns([{ name: 'broken.json', text: JSON.stringify(source) }]);
    expect(r.ok && r.plan.calls[0].faults).toEqual([
      { kind: 'error', message: 'Weather API returned 502', retryable: false, onAttempts: [1] },
    ]);
  });

  it('several Langfuse exports are several runs of one agent', () => {
    const r = imported('langfuse-openai-agents.json', 'langfuse-microsoft-agent.json');
    expect([r.report.runs, r.plan.calls.length, r.report.files]).toEqual([
      2,
      1,
      ['langfuse-openai-agents.json', 'langfuse-microsoft-agent.json'],
    ]);
  });
});
