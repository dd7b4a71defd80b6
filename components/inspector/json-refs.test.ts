import { describe, expect, it } from 'vitest';
import { fixed, testPlan } from '@/lib/plan/test-examples';
import { refContext, refProblems, segmentText } from './json-refs';

const plan = testPlan({
  calls: ['search', 'fetch', 'other', 'extract'].map((id) => ({ id, tool: 't', latency: fixed(1) })),
  dependencies: [
    { from: 'search', to: 'extract' },
    { from: 'fetch', to: 'extract', optional: true },
  ],
});

describe('segmentText', () => {
  const ctx = refContext(plan, 'extract');

  it('gives back the text exactly when joined', () => {
    const text = '{\n  "a": "{{search.results.0.url}} and {{fetch}}",\n  "b": 1\n}';
    expect(
      segmentText(text, ctx)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it.each([
    ['{{search.results}}', 'search', '.results', 'upstream'],
    ['{{fetch}}', 'fetch', '', 'upstream'],
    ['{{ other.x }}', 'other', '.x', 'not-upstream'],
    ['{{nowhere.y}}', 'nowhere', '.y', 'unknown'],
    ['{{extract}}', 'extract', '', 'self'],
  ])('judges %s', (ref, id, path, status) => {
    const segs = segmentText(`"${ref}"`, ctx);
    expect(segs).toEqual([
      { kind: 'text', text: '"' },
      { kind: 'ref', text: ref, id, path, status },
      { kind: 'text', text: '"' },
    ]);
  });

  it('leaves text that is not a reference alone', () => {
    expect(segmentText('{"a": "{{1bad}}", "b": "{single}"}', ctx)).toEqual([{ kind: 'text', text: '{"a": "{{1bad}}", "b": "{single}"}' }]);
  });

  it('gives no segment for empty text', () => {
    expect(segmentText('', ctx)).toEqual([]);
  });
});

describe('refProblems', () => {
  const ctx = refContext(plan, 'extract');
  it('says one sentence per problem reference, none for upstreams', () => {
    const segs = segmentText('["{{search.a}}", "{{other.a}}", "{{other.b}}", "{{ghost}}", "{{extract}}"]', ctx);
    expect(refProblems(segs, ctx)).toEqual([
      '{{other}} is not an upstream of extract: add the edge other → extract, or the call is made with missing information.',
      '{{ghost}} names no call in this plan: the input would be sent unresolved.',
      '{{extract}} is this call itself: a call cannot use its own output.',
    ]);
  });
});
