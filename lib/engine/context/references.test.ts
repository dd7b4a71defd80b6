// How `{{callId}}` and `{{callId.path}}` references in a call's input become the arguments the model sent.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../plan/schema';
import type { JsonObject } from './messages';
import { buildContext } from './index';
import { resolveInput } from './references';
import { att, makePlan, makeTrace, readContext } from './test-fixtures';

const outputs: Record<string, JsonValue> = {
  search: { results: [{ url: 'https://a.example', score: 0.9 }], total: 1 },
  count: 7,
  failed: null,
};
const lookup = (id: string): JsonValue | undefined => (id in outputs ? outputs[id] : undefined);

const CASES: [string, JsonObject, JsonObject][] = [
  ['a lone reference becomes the whole output', { r: '{{search}}' }, { r: outputs.search }],
  ['a lone reference with a path becomes that field', { r: '{{search.results.0.url}}' }, { r: 'https://a.example' }],
  ['a lone reference keeps the JSON type of the value', { r: '{{search.results.0.score}}', n: '{{count}}' }, { r: 0.9, n: 7 }],
  [
    'an embedded reference is interpolated as text',
    { r: 'top: {{search.results.0.url}} of {{search.total}}' },
    { r: 'top: https://a.example of 1' },
  ],
  [
    'an embedded object is interpolated as JSON text',
    { r: 'got {{search.results.0}}' },
    { r: 'got {"url":"https://a.example","score":0.9}' },
  ],
  ['a reference to an upstream that did not succeed resolves to null', { r: '{{failed}}', s: 'x={{failed.a}}' }, { r: null, s: 'x=null' }],
  [
    'a path that is not in the output resolves to null',
    { r: '{{search.nope}}', s: '{{search.results.5.url}}', t: '{{count.x}}' },
    { r: null, s: null, t: null },
  ],
  [
    'a reference to an id that is no call is left as written',
    { r: '{{ghost}}', s: 'a {{ghost.x}} b' },
    { r: '{{ghost}}', s: 'a {{ghost.x}} b' },
  ],
  [
    'references inside nested arrays and objects are resolved',
    { q: { list: ['{{count}}', { deep: '{{search.total}}' }] } },
    { q: { list: [7, { deep: 1 }] } },
  ],
  ['spaces inside the braces are allowed', { r: '{{ count }}' }, { r: 7 }],
  ['values that are not strings pass through unchanged', { a: 1, b: true, c: null }, { a: 1, b: true, c: null }],
];

describe('resolving references in a call input', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(resolveInput(structuredClone(input), lookup)).toEqual(expected);
  });

  it('never mutates the plan’s input', () => {
    const input = { r: '{{count}}', nested: { s: '{{count}}' } };
    const copy = structuredClone(input);
    resolveInput(input, lookup);
    expect(input).toEqual(copy);
  });
});

describe('references in the context', () => {
  const plan = makePlan({
    settings: { strategy: 'eager' },
    calls: [
      { id: 'a', tool: 'search', latency: { kind: 'fixed', ms: 100 }, output: { id: 5 } },
      { id: 'b', tool: 'fetch', latency: { kind: 'fixed', ms: 100 }, input: { id: '{{a.id}}' } },
      { id: 'c', tool: 'fetch', latency: { kind: 'fixed', ms: 100 }, input: { id: '{{a.id}}', label: 'item {{a.id}}' } },
    ],
    dependencies: [{ from: 'a', to: 'c' }],
  });
  const trace = makeTrace(plan, {
    outcome: 'complete',
    makespanMs: 200,
    calls: [
      { id: 'a', status: 'succeeded', attempts: [att(1, 0, 100, 'ok')] },
      { id: 'b', status: 'succeeded', attempts: [att(1, 0, 100, 'ok')] },
      { id: 'c', status: 'succeeded', wave: 1, attempts: [att(1, 100, 200, 'ok')] },
    ],
    turns: [{ startMs: 0, endMs: 200, calls: [0, 1, 2] }],
  });

  it.each(['anthropic', 'openai', 'text'] as const)(
    '%s: a reference is resolved from an upstream whose output was in when the call started',
    (f) => {
      const uses = readContext(buildContext(plan, trace, f)).turns[0].uses;
      expect(uses.find((u) => u.id === 'c')?.input).toEqual({ id: 5, label: 'item 5' });
    },
  );

  it.each(['anthropic', 'openai', 'text'] as const)(
    '%s: a reference without an edge, to a call still running, is sent as null (the missing information)',
    (f) => {
      const uses = readContext(buildContext(plan, trace, f)).turns[0].uses;
      expect(uses.find((u) => u.id === 'b')?.input).toEqual({ id: null });
    },
  );
});
