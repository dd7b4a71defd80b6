// Wording of the strategies side by side: figures, the saving, and stopped or stuck runs never compared.
import { describe, expect, it } from 'vitest';
import type { StrategyResult } from '@/lib/engine';
import { strategyFigure, strategySaving } from './strategy-words';

const r = (
  strategy: StrategyResult['strategy'],
  makespanMs: number | null,
  outcome: StrategyResult['outcome'] = 'complete',
): StrategyResult => ({
  strategy,
  outcome,
  makespanMs,
});
const three = [r('waves', 2400), r('eager', 1900), r('sequential', 6100)];

describe('strategy words', () => {
  it.each([
    [r('waves', 2400), 'waves 2.4 s'],
    [r('eager', 950), 'eager 950 ms'],
    [r('sequential', 3000, 'deadline_exceeded'), 'sequential 3 s (deadline exceeded)'],
    [r('waves', null, 'stuck'), 'waves stuck'],
  ])('reads %o as “%s”', (result, text) => {
    expect(strategyFigure(result)).toBe(text);
  });

  it('spells out what a faster strategy would save', () => {
    expect(strategySaving(three, 'waves')).toBe('Eager would finish 500 ms sooner than waves (21% less time).');
  });

  it('says when the strategy in use is already the fastest, and what the slowest would cost', () => {
    expect(strategySaving(three, 'eager')).toBe('Eager is the fastest for this plan; sequential would take 4.2 s longer.');
  });

  it('never compares a run that stopped or got stuck as if it had finished', () => {
    const stopped = [r('waves', 3000, 'deadline_exceeded'), r('eager', 1900), r('sequential', null, 'stuck')];
    expect(strategySaving(stopped, 'waves')).toBe('Under waves this run ended deadline exceeded; eager finishes in 1.9 s.');
    expect(strategySaving(stopped, 'sequential')).toBe('Under sequential this run got stuck; eager finishes in 1.9 s.');
  });
});
