import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, faultSchema, type Fault } from '@/lib/plan';
import { convertFault, switchTrigger, triggerOf, withTrigger } from './fault-edit';

const error: Fault = { kind: 'error', message: '503', code: 'UNAVAILABLE', retryable: true, onAttempts: [1, 2] };
const slow: Fault = { kind: 'slow', factor: 3, probability: 0.4 };

describe('withTrigger', () => {
  it('gives exactly one trigger', () => {
    expect(withTrigger(error, { probability: 0.5 })).toEqual({
      kind: 'error',
      message: '503',
      code: 'UNAVAILABLE',
      retryable: true,
      probability: 0.5,
    });
    expect(withTrigger(slow, { onAttempts: [2] })).toEqual({ kind: 'slow', factor: 3, onAttempts: [2] });
  });
  it('never changes the fault it is given', () => {
    withTrigger(error, { probability: 0.5 });
    expect(error.onAttempts).toEqual([1, 2]);
  });
});

describe('convertFault', () => {
  it.each(FAULT_KINDS)('turns an error into a valid %s fault and keeps its trigger', (kind) => {
    const next = convertFault(error, kind);
    expect(next.kind).toBe(kind);
    expect(next.onAttempts).toEqual([1, 2]);
    expect(next.probability).toBeUndefined();
    expect(faultSchema.safeParse(next).success).toBe(true);
  });
  it('returns the same fault for its own kind', () => {
    expect(convertFault(slow, 'slow')).toBe(slow);
  });
});

describe('switchTrigger', () => {
  it('switches to a probability of 0.2 or to the first attempt', () => {
    expect(triggerOf(switchTrigger(error, 'probability'))).toEqual({ probability: 0.2 });
    expect(triggerOf(switchTrigger(slow, 'onAttempts'))).toEqual({ onAttempts: [1] });
  });
  it('leaves a fault alone that already has that trigger', () => {
    expect(switchTrigger(slow, 'probability')).toBe(slow);
    expect(switchTrigger(error, 'onAttempts')).toBe(error);
  });
});
