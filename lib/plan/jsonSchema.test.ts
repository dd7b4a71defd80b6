// The generated JSON Schema: its shape, and every example plan passing a tiny structural validator written here
// (no JSON-schema dependency); the validator also has to refuse what the zod schema refuses structurally.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { planJsonSchema, PLAN_SCHEMA_PATH } from './jsonSchema';

const DIR = join(__dirname, '..', '..', 'public', 'examples');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks `value` against the subset of JSON Schema that z.toJSONSchema emits for the plan: type, const, enum,
 * properties/required/additionalProperties, items, anyOf/oneOf, $ref (`#` and `#/$defs/…`), numeric and length bounds,
 * pattern. Returns the paths that fail, empty when the value fits.
 */
function check(root: Record<string, unknown>, schema: unknown, value: unknown, path = '$'): string[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false || !isObject(schema)) return [`${path}: schema forbids any value`];
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    const target =
      ref === '#' ? root : ref.startsWith('#/$defs/') && isObject(root.$defs) ? root.$defs[ref.slice('#/$defs/'.length)] : undefined;
    if (target === undefined) return [`${path}: cannot resolve ${ref}`];
    return check(root, target, value, path);
  }
  const fail = (why: string) => [`${path}: ${why}`];
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options: unknown[] = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : [];
    const passing = options.filter((s) => check(root, s, value, path).length === 0).length;
    if (Array.isArray(schema.oneOf) ? passing !== 1 : passing === 0) return fail(`matches ${passing} of ${options.length} alternatives`);
  }
  if ('const' in schema && schema.const !== value) return fail(`is not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return fail('is not one of the enum');
  const type = schema.type;
  if (typeof type === 'string') {
    const ok =
      type === 'object'
        ? isObject(value)
        : type === 'array'
          ? Array.isArray(value)
          : type === 'integer'
            ? Number.isInteger(value)
            : type === 'null'
              ? value === null
              : typeof value === type;
    if (!ok) return fail(`is not of type ${type}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return fail(`is below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) return fail(`is above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      return fail(`is not above ${schema.exclusiveMinimum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return fail('is too short');
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return fail('is too long');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) return fail(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return fail('has too few items');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return fail('has too many items');
    return value.flatMap((item, i) => check(root, schema.items, item, `${path}[${i}]`));
  }
  if (isObject(value)) {
    const props = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    const errors = required.filter((k) => typeof k === 'string' && !(k in value)).map((k) => `${path}.${String(k)}: is required`);
    for (const [k, v] of Object.entries(value)) {
      if (k in props) errors.push(...check(root, props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${k}: is not allowed`);
      else if (isObject(schema.additionalProperties)) errors.push(...check(root, schema.additionalProperties, v, `${path}.${k}`));
    }
    return errors;
  }
  return [];
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8'));
}

const schema = planJsonSchema();
const examples = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');

describe('planJsonSchema', () => {
  it('is a draft 2020-12 object schema with an $id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(PLAN_SCHEMA_PATH);
    expect(schema.title).toContain('Toolwave plan');
    expect(schema.type).toBe('object');
  });

  it('describes calls, dependencies and settings, and requires what the plan format requires', () => {
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['calls', 'dependencies', 'settings', 'scenarios']));
    expect([...(schema.required ?? [])].sort()).toEqual(['calls', 'dependencies', 'format', 'name', 'version']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('is plain JSON (survives a JSON round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('describes a sub-agent plan by pointing back at itself', () => {
    expect(JSON.stringify(schema)).toContain('"plan":{"$ref":"#"}');
  });

  it('describes notes: their colours, bounds and defaults optional, so a plan with notes or without one fits', () => {
    const plan = (notes: unknown) => ({ format: 'toolwave.plan', version: 1, name: 'x', calls: [], dependencies: [], notes });
    expect(
      check(
        schema,
        schema,
        plan([
          { id: 'n1', text: 'hi', position: { x: 0, y: 0 } },
          { id: 'n2', text: '', position: { x: 1, y: 2 }, color: 'pink', width: 640 },
        ]),
      ),
    ).toEqual([]);
    expect(check(schema, schema, plan([{ id: 'n1', text: 'hi', position: { x: 0, y: 0 }, color: 'red' }])).join('\n')).toContain(
      '$.notes[0].color: is not one of the enum',
    );
    expect(check(schema, schema, plan([{ id: 'n1', text: 'hi', position: { x: 0, y: 0 }, width: 119 }])).join('\n')).toContain(
      '$.notes[0].width: is below 120',
    );
    expect(check(schema, schema, plan([{ id: 'n1', text: 'x'.repeat(2001), position: { x: 0, y: 0 } }])).join('\n')).toContain(
      '$.notes[0].text: is too long',
    );
  });

  it.each(examples)('accepts the example %s', (file) => {
    expect(check(schema, schema, readJson(file))).toEqual([]);
  });

  it.each([
    ['an unknown top-level key', { extra: true }, '$.extra: is not allowed'],
    ['a call without a latency', { calls: [{ id: 'a', tool: 'web_search' }] }, '$.calls[0].latency: is required'],
    ['a bad call id', { calls: [{ id: '1a', tool: 'web_search', latency: { kind: 'fixed', ms: 1 } }] }, '$.calls[0].id: does not match'],
    [
      'an unknown latency kind',
      { calls: [{ id: 'a', tool: 'web_search', latency: { kind: 'normal', ms: 1 } }] },
      '$.calls[0].latency: matches 0 of 3 alternatives',
    ],
    [
      'maxAttempts 0',
      { calls: [{ id: 'a', tool: 't', latency: { kind: 'fixed', ms: 1 }, retry: { maxAttempts: 0 } }] },
      '$.calls[0].retry.maxAttempts: is below 1',
    ],
  ])('refuses %s, as the validator in this test must', (_label, patch, error) => {
    const plan = { format: 'toolwave.plan', version: 1, name: 'x', calls: [], dependencies: [], ...patch };
    expect(check(schema, schema, plan).join('\n')).toContain(error);
  });
});
