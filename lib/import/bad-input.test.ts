// Bad input is refused with the file, the line (JSON Lines) or JSON path, and what is wrong; an unknown format says
// which formats are accepted; sizes are capped; hostile values never reach the plan.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../plan/schema';
import { importRuns, readRuns } from '.';
import { fixture, otlpTrace, toolSpan } from './testing';

const problems = (name: string, text: string) => {
  const r = importRuns([{ name, text }]);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('bad input names the file, the line or path, and what is wrong', () => {
  it('text that is neither JSON nor JSON Lines', () => {
    expect(problems('run.json', '{ "messages": [')).toEqual([expect.stringMatching(/^run\.json: is not valid JSON: /)]);
  });

  it('a JSON Lines file with a broken line', () => {
    const text = [
      '{"role":"user","content":"hi"}',
      '{"role":"assistant","content":[]}',
      '{"role": "user", "content": [',
      '{"role":"user","content":"x"}',
    ].join('\n');
    expect(problems('session.jsonl', text)).toEqual([expect.stringMatching(/^session\.jsonl line 3: is not valid JSON: /)]);
  });

  it('a UTF-8 byte-order mark before the JSON is skipped, as browsers do', () => {
    const r = importRuns([{ name: 'bom.json', text: `\uFEFF${fixture('anthropic-tool-use-in-input.json').text}` }]);
    expect(r.ok && r.plan.calls.map((c) => c.id)).toEqual(['get_weather']);
  });

  it('an empty file', () => {
    expect(problems('empty.json', '  \n')).toEqual(['empty.json: is empty']);
  });

  it('JSON in no known format lists every format accepted', () => {
    expect(problems('data.json', '{"rows": [1, 2, 3]}')).toEqual([
      'data.json: is not a format Toolwave imports: expected a Toolwave plan (.json), an Anthropic Messages transcript, an OpenAI Chat Completions transcript, an OpenAI Responses transcript, an OpenTelemetry trace (OTLP JSON) or a Langfuse trace export',
    ]);
  });

  it('a transcript with no tool call', () => {
    expect(
      problems(
        'chat.json',
        JSON.stringify([
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'hello' },
        ]),
      ),
    ).toEqual(['chat.json: is a transcript with no tool call in it: nothing to import']);
  });

  it('a tool_use block without its id, at its JSON path', () => {
    const messages = [
      { role: 'user', content: 'go' },
      { role: 'assistant', content: [{ type: 'tool_use', name: 'search', input: {} }] },
    ];
    expect(problems('t.json', JSON.stringify({ messages }))).toEqual(['t.json, messages[1].content[0].id: is required']);
  });

  it('a tool message without tool_call_id, on its JSON Lines line', () => {
    const text = [
      JSON.stringify({ role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] }),
      JSON.stringify({ role: 'tool', content: 'x' }),
    ].join('\n');
    expect(problems('chat.jsonl', text)).toEqual(['chat.jsonl line 2, tool_call_id: is required on a "tool" message']);
  });

  it('an OTLP span whose start time is not nanoseconds', () => {
    const trace = otlpTrace('t', [toolSpan('a', 'search', 0, 10)]);
    const text = JSON.stringify(trace).replace(/"startTimeUnixNano":"\d+"/, '"startTimeUnixNano":"yesterday"');
    expect(problems('trace.json', text)).toEqual([
      'trace.json, resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: must be a time in nanoseconds since 1970 (digits)',
    ]);
  });

  it('a Langfuse observation without its start time', () => {
    const source = JSON.parse(fixture('langfuse-openai-agents.json').text);
    delete source.observations[2].startTime;
    expect(problems('lf.json', JSON.stringify(source))).toEqual(['lf.json, observations[2].startTime: must be an ISO date-time']);
  });

  it('a plan among run files is sent back to the plan import', () => {
    const r = readRuns({
      name: 'p.json',
      text: JSON.stringify({ format: 'toolwave.plan', version: 1, name: 'x', calls: [], dependencies: [] }),
    });
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'p.json', message: 'is a Toolwave plan, not a recorded run: import it on its own' }]);
  });

  it('a file over the size cap is refused before it is parsed', () => {
    const big = `[${' '.repeat(LIMITS.maxBytes)}]`;
    expect(problems('big.json', big)).toEqual([`big.json: is too large: ${big.length} characters (at most ${LIMITS.maxBytes})`]);
  });

  it('one bad file fails the whole import: nothing partial', () => {
    const r = importRuns([fixture('anthropic-tool-use-in-input.json'), { name: 'bad.json', text: '[' }]);
    expect(r.ok).toBe(false);
  });

  it.each([
    {
      format: 'an Anthropic tool_use',
      text: JSON.stringify([
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'a', name: 'search', input: {} },
            { type: 'tool_use', id: 'a', name: 'fetch', input: {} },
          ],
        },
      ]),
      expected: 't.json, [1].content[1].id: repeats the tool_use id "a"',
    },
    {
      format: 'a Chat Completions tool call',
      text: JSON.stringify([
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          tool_calls: [
            { id: 'a', type: 'function', function: { name: 'search', arguments: '{}' } },
            { id: 'a', type: 'function', function: { name: 'fetch', arguments: '{}' } },
          ],
        },
      ]),
      expected: 't.json, [1].tool_calls[1].id: repeats the tool call id "a"',
    },
    {
      format: 'a Responses function_call',
      text: JSON.stringify([
        { type: 'function_call', call_id: 'a', name: 'search', arguments: '{}' },
        { type: 'function_call', call_id: 'a', name: 'fetch', arguments: '{}' },
      ]),
      expected: 't.json, [1].call_id: repeats the call_id "a"',
    },
  ])('$format whose id repeats an earlier one, at its JSON path', ({ text, expected }) => {
    expect(problems('t.json', text)).toEqual([expected]);
  });
});

describe('recorded values are made safe and small before they reach the plan', () => {
  const run = (input: unknown, result: string) =>
    importRuns([
      {
        name: 'r.json',
        text: JSON.stringify([
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'a', name: 'read file!', input }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: result }] },
        ]),
      },
    ]);

  it('long strings, long outputs, deep nesting and __proto__ keys are cut or dropped', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const input = JSON.parse(`{"path": "${'x'.repeat(5000)}", "__proto__": {"polluted": true}, "deep": ${JSON.stringify(deep)}}`);
    const r = run(input, 'y'.repeat(50_000));
    if (!r.ok) throw new Error(r.problems[0].message);
    const call = r.plan.calls[0];
    expect(call.id).toBe('read_file');
    expect(String(call.input.path)).toMatch(/^x{2000}… \(cut: 5000 characters in all\)$/);
    expect(Object.keys(call.input)).toEqual(['path', 'deep']);
    expect(JSON.stringify(call.input.deep)).toContain('(nested too deeply to keep)');
    expect(JSON.stringify(call.output).length).toBeLessThan(1100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('arguments that hold `{{` are kept as text, not read as references', () => {
    const r = run({ template: 'Hello {{name}}' }, 'ok');
    expect(r.ok && r.plan.calls[0].input).toEqual({ template: 'Hello { {name}}' });
    expect(r.ok && r.report.notes).toContain('Arguments holding “{{” were written “{ {”, so the plan does not read them as references.');
  });

  it('arguments that are not an object are kept under input.value', () => {
    const r = run('just text', 'ok');
    expect(r.ok && r.plan.calls[0].input).toEqual({ value: 'just text' });
  });
});
