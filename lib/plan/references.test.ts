// The one parser of `{{callId}}` / `{{callId.path}}` references, shared by the engine and the editor.
import { describe, expect, it } from 'vitest';
import { mapInputStrings, mapReferences, scanReferences, wholeReference } from './references';

describe('scanning a string for references', () => {
  it.each([
    ['a lone reference', '{{search}}', [['search', [], 0, 10]]],
    ['a reference with a path', '{{search.results.0.url}}', [['search', ['results', '0', 'url'], 0, 24]]],
    [
      'references inside text',
      'top {{a.x}} and {{ b }}!',
      [
        ['a', ['x'], 4, 11],
        ['b', [], 16, 23],
      ],
    ],
    ['ids with dashes and underscores', '{{_a-b_1.c-d}}', [['_a-b_1', ['c-d'], 0, 14]]],
    ['a reference inside stray braces', '{{{a}}}', [['a', [], 1, 6]]],
    ['no reference at all', 'plain {text} {{ }} {{1a}} {{a..b}}', []],
  ])('finds %s', (_name, text, expected) => {
    expect(scanReferences(text).map((m) => [m.callId, m.path, m.start, m.end])).toEqual(expected);
  });

  it('tells a string that is exactly one reference from one that embeds it', () => {
    expect(wholeReference(' {{a.b}} ')).toBeNull();
    expect(wholeReference('{{ a.b }}')).toMatchObject({ callId: 'a', path: ['b'], text: '{{ a.b }}' });
    expect(wholeReference('x {{a}}')).toBeNull();
  });

  it('replaces references and keeps the text around them', () => {
    expect(mapReferences('a {{x.y}} b {{z}} c', (m) => `<${m.callId}>`)).toBe('a <x> b <z> c');
    const s = 'no refs here';
    expect(mapReferences(s, () => 'never')).toBe(s);
  });

  it('shares the parts of an input no string of which changed', () => {
    const input = { a: { deep: ['x', 1] }, b: 'y' };
    const same = mapInputStrings(input, (s) => s);
    expect(same).toBe(input);
    const changed = mapInputStrings(input, (s) => (s === 'y' ? 'Y' : s));
    expect(changed).toEqual({ a: { deep: ['x', 1] }, b: 'Y' });
    expect(changed.a).toBe(input.a);
  });
});
