import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/plan/edit';
import { FAULT_KINDS } from '@/lib/plan';
import { FAULT_KIND_LABEL, FAULT_KIND_SENTENCE, ON_FAILURE, reviewSummary, STRATEGIES } from './words';

const finding = (severity: Finding['severity']): Finding => ({ severity, rule: 'unbounded', callId: 'a', message: 'm', within: [] });

describe('reviewSummary', () => {
  it('says all clear without findings', () => {
    expect(reviewSummary([])).toBe('all clear');
  });
  it('counts each severity, errors first, singular and plural', () => {
    expect(reviewSummary([finding('hint'), finding('error'), finding('hint')])).toBe('1 error · 2 hints');
    expect(reviewSummary([finding('warning'), finding('warning')])).toBe('2 warnings');
  });
});

describe('the words for each choice', () => {
  it('has one sentence for every on-failure policy and strategy', () => {
    expect(ON_FAILURE.map((c) => c.value)).toEqual(['degrade', 'abort', 'ignore']);
    expect(STRATEGIES.map((c) => c.value)).toEqual(['waves', 'eager', 'sequential']);
    for (const c of [...ON_FAILURE, ...STRATEGIES]) expect(c.sentence).toMatch(/^[A-Z].*\.$/);
  });
  it('names and explains every fault kind', () => {
    for (const k of FAULT_KINDS) {
      expect(FAULT_KIND_LABEL[k]).not.toBe('');
      expect(FAULT_KIND_SENTENCE[k]).toMatch(/\.$/);
    }
  });
});
