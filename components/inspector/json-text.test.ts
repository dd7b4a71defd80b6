import { describe, expect, it } from 'vitest';
import { jsonText, parseJson, parseJsonObject, sameJson } from './json-text';

describe('parseJson', () => {
  it('reads any JSON value', () => {
    expect(parseJson('{"a": [1, "x", null, true]}')).toEqual({ ok: true, value: { a: [1, 'x', null, true] } });
    expect(parseJson('"text"')).toEqual({ ok: true, value: 'text' });
    expect(parseJson('3')).toEqual({ ok: true, value: 3 });
  });
  it('reads an empty field as no value', () => {
    expect(parseJson('  \n')).toEqual({ ok: true, value: undefined });
  });
  it('says why text is not JSON', () => {
    const r = parseJson('{"a": }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^is not valid JSON: /);
  });
  it('refuses a __proto__ key at any depth', () => {
    expect(parseJson('{"a": [{"__proto__": {"x": 1}}]}')).toEqual({
      ok: false,
      message: 'must not use the key "__proto__" (a reserved name)',
    });
  });
  it('refuses nesting deeper than the plan format allows', () => {
    const deep = '['.repeat(80) + ']'.repeat(80);
    const r = parseJson(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/nested too deeply/);
  });
});

describe('parseJsonObject', () => {
  it('reads an object of arguments, and an empty field as {}', () => {
    expect(parseJsonObject('{"q": "{{search}}"}')).toEqual({ ok: true, value: { q: '{{search}}' } });
    expect(parseJsonObject('')).toEqual({ ok: true, value: {} });
  });
  it.each(['[1]', '"q"', 'null', '4'])('refuses %s: arguments are an object', (text) => {
    expect(parseJsonObject(text)).toEqual({ ok: false, message: 'must be a JSON object of arguments, like {"query": "…"}' });
  });
});

describe('jsonText and sameJson', () => {
  it('shows JSON with two-space indent, and nothing for no value', () => {
    expect(jsonText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(jsonText(undefined)).toBe('');
  });
  it('treats differently spaced text of the same JSON as the same', () => {
    expect(sameJson('{"a":1}', jsonText({ a: 1 }))).toBe(true);
    expect(sameJson('{"a":2}', jsonText({ a: 1 }))).toBe(false);
    expect(sameJson('{"a":', jsonText({ a: 1 }))).toBe(false);
  });
});
