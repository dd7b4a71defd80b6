// The side-by-side comparison's choices: the default anti-pattern, the banner left to the heading, wrapping steps.
import { describe, expect, it } from 'vitest';
import { mostDifferent, stepHunk, withoutBanner } from './compare-choice';

describe('mostDifferent', () => {
  it('takes the anti-pattern with the most differing rows, the first on a tie', () => {
    expect(
      mostDifferent([
        { kind: 'dropped', differing: 4 },
        { kind: 'total_failure', differing: 9 },
        { kind: 'false_success', differing: 9 },
      ]),
    ).toBe('total_failure');
    expect(
      mostDifferent([
        { kind: 'dropped', differing: 0 },
        { kind: 'total_failure', differing: 0 },
      ]),
    ).toBe('dropped');
  });
});

describe('withoutBanner', () => {
  it('drops the ANTI-PATTERN line and the blank line after it, and nothing else', () => {
    expect(withoutBanner('ANTI-PATTERN (dropped): x\n\n=== Model turn 1 ===\nresult a [ok]: 1')).toBe(
      '=== Model turn 1 ===\nresult a [ok]: 1',
    );
    expect(withoutBanner('=== Model turn 1 ===\n')).toBe('=== Model turn 1 ===\n');
    expect(withoutBanner('ANTI-PATTERN (dropped): only')).toBe('');
  });
});

describe('stepHunk', () => {
  it('steps forward and back, wrapping at both ends', () => {
    expect(stepHunk(0, 3, 1)).toBe(1);
    expect(stepHunk(2, 3, 1)).toBe(0);
    expect(stepHunk(0, 3, -1)).toBe(2);
    expect(stepHunk(0, 0, 1)).toBe(0);
  });
});
