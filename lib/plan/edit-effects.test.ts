// Editing effects and compensations: each edit is judged by the schema, and a compensation never outlives its effect.
import { describe, expect, it } from 'vitest';
import { addFault, updateFault } from './edit-faults';
import { addCompensation, removeCompensation, setEffect, updateCompensation } from './edit-effects';
import { parsePlan } from './parse';
import type { Plan, PlanInput } from './schema';

function plan(calls: PlanInput['calls']): Plan {
  const r = parsePlan({ format: 'toolwave.plan', version: 1, name: 'Shop', calls, dependencies: [] });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}
const ok = (r: { ok: true; plan: Plan } | { ok: false }) => {
  if (!r.ok) throw new Error('refused');
  expect(parsePlan(r.plan).ok).toBe(true);
  return r.plan;
};
const pay = () => plan([{ id: 'pay', tool: 'charge_card', latency: { kind: 'fixed', ms: 100 } }]);

describe('effect and compensation edits', () => {
  it('sets an effect, then a compensation from the tool’s palette entry', () => {
    let p = ok(setEffect(pay(), 'pay', 'once'));
    expect(p.calls[0].effect).toBe('once');
    p = ok(addCompensation(p, 'pay'));
    expect(p.calls[0].compensation).toMatchObject({ tool: 'refund_payment', latency: { kind: 'fixed', ms: 900 } });
  });

  it('refuses a compensation on a call without an effect, with its path', () => {
    expect(addCompensation(pay(), 'pay')).toEqual({
      ok: false,
      problems: [{ path: 'calls[0].compensation', message: 'only a call with an effect can have a compensation' }],
    });
  });

  it('back to none removes the effect and its compensation', () => {
    const p = ok(setEffect(ok(addCompensation(ok(setEffect(pay(), 'pay', 'idempotent')), 'pay')), 'pay', 'none'));
    expect(p.calls[0]).not.toHaveProperty('effect');
    expect(p.calls[0]).not.toHaveProperty('compensation');
  });

  it('edits the compensation’s fields through the schema, and removes it', () => {
    let p = ok(addCompensation(ok(setEffect(pay(), 'pay', 'once')), 'pay'));
    p = ok(updateCompensation(p, 'pay', { tool: 'void_charge', label: 'Void the charge', timeoutMs: null }));
    expect(p.calls[0].compensation).toMatchObject({ tool: 'void_charge', label: 'Void the charge', timeoutMs: null });
    expect(updateCompensation(p, 'pay', { tool: '' })).toEqual({
      ok: false,
      problems: [{ path: 'calls[0].compensation.tool', message: 'must not be empty' }],
    });
    p = ok(removeCompensation(p, 'pay'));
    expect(p.calls[0]).not.toHaveProperty('compensation');
    expect(p.calls[0].effect).toBe('once');
  });

  it('edits the compensation’s faults with the call’s fault editors, and refuses a partial one', () => {
    let p = ok(addCompensation(ok(setEffect(pay(), 'pay', 'once')), 'pay'));
    p = ok(addFault(p, 'pay', 'error', 'compensation'));
    expect(p.calls[0].compensation?.faults).toHaveLength(1);
    expect(p.calls[0].faults).toHaveLength(0);
    p = ok(updateFault(p, 'pay', 0, { kind: 'error', message: 'refund window closed', retryable: false, onAttempts: [1] }, 'compensation'));
    expect(p.calls[0].compensation?.faults[0]).toMatchObject({ message: 'refund window closed' });
    expect(addFault(p, 'pay', 'partial', 'compensation')).toEqual({
      ok: false,
      problems: [
        {
          path: 'calls[0].compensation.faults[1].kind',
          message: 'a compensation cannot return a partial result: use error, timeout, rate_limit or slow',
        },
      ],
    });
  });

  it('says so when a compensation’s faults are edited before it exists', () => {
    expect(addFault(pay(), 'pay', 'error', 'compensation')).toEqual({
      ok: false,
      problems: [{ path: 'calls[0].compensation', message: 'is not set: add a compensation first' }],
    });
  });
});
