// Variant B's fields: applied through the plan's edit helpers (B stays a valid plan), refused with the schema's
// words, and B's differences from A in words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '@/lib/plan';
import { fieldKey, fieldText, parseNumberText, sameCalls, setVariantField, variantChanges, variantFields } from './variant';

function example(name: string): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.plan;
}

const a = example('research-agent');

function set(plan: Plan, ...args: Parameters<typeof setVariantField> extends [Plan, ...infer R] ? R : never): Plan {
  const r = setVariantField(plan, ...args);
  if (!r.ok) throw new Error(r.message);
  expect(parsePlan(r.plan).ok).toBe(true);
  return r.plan;
}

describe('setVariantField', () => {
  it('sets retries, failure policy and timeout of a call, and strategy and concurrency', () => {
    let b = set(a, { kind: 'maxAttempts', id: 'fetch_3' }, '4');
    b = set(b, { kind: 'onFailure', id: 'fetch_3' }, 'abort');
    b = set(b, { kind: 'timeoutMs', id: 'fetch_3' }, '2,500');
    b = set(b, { kind: 'strategy' }, 'eager');
    b = set(b, { kind: 'maxConcurrency' }, '2');
    const call = b.calls.find((c) => c.id === 'fetch_3');
    expect(call?.retry.maxAttempts).toBe(4);
    expect(call?.retry.initialIntervalMs).toBe(300);
    expect(call?.onFailure).toBe('abort');
    expect(call?.timeoutMs).toBe(2500);
    expect(b.settings).toMatchObject({ strategy: 'eager', maxConcurrency: 2 });
    // A is never touched.
    expect(a.calls.find((c) => c.id === 'fetch_3')?.retry.maxAttempts).toBe(2);
    expect(a.settings.strategy).toBe('waves');
  });

  it('reads empty as none (no timeout, unlimited concurrency)', () => {
    const b = set(set(a, { kind: 'timeoutMs', id: 'search' }, ''), { kind: 'maxConcurrency' }, ' ');
    expect(b.calls[0].timeoutMs).toBeNull();
    expect(b.settings.maxConcurrency).toBeNull();
    expect(fieldText(b, { kind: 'timeoutMs', id: 'search' })).toBe('');
  });

  it('refuses what the schema refuses, in its words', () => {
    const bad = (f: Parameters<typeof setVariantField>[1], text: string) => {
      const r = setVariantField(a, f, text);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(bad({ kind: 'maxAttempts', id: 'fetch_3' }, '0')).toBe('Max attempts must be at least 1.');
    expect(bad({ kind: 'maxAttempts', id: 'fetch_3' }, '101')).toBe('Max attempts must be at most 100.');
    expect(bad({ kind: 'maxAttempts', id: 'fetch_3' }, '2.5')).toMatch(/^Max attempts must be a whole number/);
    expect(bad({ kind: 'maxAttempts', id: 'fetch_3' }, '')).toMatch(/^Max attempts must be a whole number from 1 to 100/);
    expect(bad({ kind: 'maxAttempts', id: 'fetch_3' }, 'three')).toMatch(/^Max attempts must be/);
    expect(bad({ kind: 'timeoutMs', id: 'fetch_3' }, '0')).toBe('Timeout must be greater than 0.');
    expect(bad({ kind: 'timeoutMs', id: 'fetch_3' }, '-5')).toMatch(/^Timeout must be a number/);
    expect(bad({ kind: 'maxConcurrency' }, '0')).toBe('Max concurrency must be at least 1.');
    expect(bad({ kind: 'strategy' }, 'parallel')).toMatch(/^Strategy must be one of waves, eager, sequential/);
    expect(bad({ kind: 'onFailure', id: 'fetch_3' }, 'retry')).toMatch(/^On failure must be one of/);
    expect(bad({ kind: 'maxAttempts', id: 'nope' }, '2')).toMatch(/no call nope/);
  });

  it('parses numbers as typed', () => {
    expect(parseNumberText('3,000')).toBe(3000);
    expect(parseNumberText('12.5')).toBe(12.5);
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('1e3')).toBeNaN();
  });
});

describe('variantChanges', () => {
  it('lists what B changed from A, in words', () => {
    expect(variantChanges(a, a)).toEqual([]);
    let b = set(a, { kind: 'maxAttempts', id: 'fetch_3' }, '4');
    b = set(b, { kind: 'timeoutMs', id: 'fetch_3' }, '');
    b = set(b, { kind: 'maxConcurrency' }, '2');
    expect(variantChanges(a, b).map((c) => c.text)).toEqual([
      'max concurrency: unlimited → 2',
      'fetch_3 max attempts: 2 → 4',
      'fetch_3 timeout: 3,000 ms → none',
    ]);
    expect(variantChanges(a, b).map((c) => c.key)).toEqual(['maxConcurrency', 'maxAttempts:fetch_3', 'timeoutMs:fetch_3']);
  });

  it('notices when the plan’s calls changed after B was made', () => {
    const fewer: Plan = { ...a, calls: a.calls.slice(1), dependencies: [] };
    expect(sameCalls(a, a)).toBe(true);
    expect(sameCalls(a, fewer)).toBe(false);
    expect(variantChanges(fewer, a).some((c) => c.text.includes('(not in A)'))).toBe(true);
  });

  it('offers two settings and three fields per call, each with its own key', () => {
    const fields = variantFields(a);
    expect(fields).toHaveLength(2 + 3 * a.calls.length);
    expect(new Set(fields.map(fieldKey)).size).toBe(fields.length);
  });
});

describe('the effect of a call in variant B', () => {
  const checkout = example('double-charge');

  it('is offered only for calls with an effect, and set through the schema', () => {
    const fields = variantFields(checkout).filter((f) => f.kind === 'effect');
    expect(fields.map((f) => fieldKey(f))).toEqual(['effect:charge_card', 'effect:send_receipt']);
    const b = set(checkout, { kind: 'effect', id: 'charge_card' }, 'idempotent');
    expect(b.calls.find((c) => c.id === 'charge_card')?.effect).toBe('idempotent');
    expect(variantChanges(checkout, b).map((c) => c.text)).toEqual(['charge_card effect: once → idempotent']);
  });

  it('back to none removes the effect, and a made-up effect is refused in words', () => {
    const b = set(checkout, { kind: 'effect', id: 'send_receipt' }, 'none');
    expect(b.calls.find((c) => c.id === 'send_receipt')).not.toHaveProperty('effect');
    expect(setVariantField(checkout, { kind: 'effect', id: 'charge_card' }, 'twice')).toEqual({
      ok: false,
      message: 'Effect must be one of none, idempotent, once.',
    });
  });
});
