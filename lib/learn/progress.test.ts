// Progress survives reloads as it was, shrugs off damaged storage, latches passed steps and resets per lesson.
import { describe, expect, it } from 'vitest';
import { ONE_WAVE } from './lessons-graph';
import { advance, answer, currentStep, markOfferSeen, NO_PROGRESS, parseProgress, resetLesson, serializeProgress } from './progress';
import type { LearnState } from './types';

const unchained = { ...ONE_WAVE.plan, dependencies: [] };
const state = (plan = ONE_WAVE.plan): Omit<LearnState, 'answers'> => ({
  plan,
  trace: null,
  tracePlan: null,
  traceCurrent: false,
  contextText: null,
});

describe('reading stored progress', () => {
  it('reads back what it wrote', () => {
    const p = answer(markOfferSeen(advance(NO_PROGRESS, ONE_WAVE, state(unchained))), 'timeout', 'line', 'result fetch_2 [error]: …');
    expect(parseProgress(serializeProgress(p))).toEqual(p);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{oops'],
    ['JSON of another shape', '[1,2,3]'],
    ['another version', '{"version":2,"offerSeen":true,"lessons":{}}'],
    ['a prototype key', '{"__proto__":{"polluted":true}}'],
  ])('reads %s as no progress', (_what, raw) => {
    expect(parseProgress(raw)).toEqual(NO_PROGRESS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps what it can of a partly damaged value', () => {
    const p = parseProgress('{"version":1,"offerSeen":"yes","lessons":{"one-wave":{"done":"x","answers":{}}}}');
    expect(p.offerSeen).toBe(false);
    expect(p.lessons['one-wave']).toEqual({ done: [], answers: {} });
  });
});

describe('advancing through a lesson', () => {
  it('does not move on the starting plan', () => {
    expect(advance(NO_PROGRESS, ONE_WAVE, state())).toBe(NO_PROGRESS);
    expect(currentStep(ONE_WAVE, NO_PROGRESS)?.id).toBe('unchain');
  });

  it('keeps a passed step passed when a later edit undoes it', () => {
    const p = advance(NO_PROGRESS, ONE_WAVE, state(unchained));
    expect(currentStep(ONE_WAVE, p)?.id).toBe('run');
    expect(advance(p, ONE_WAVE, state())).toBe(p);
  });

  it('forgets one lesson on reset, and only that one', () => {
    const p = answer(advance(NO_PROGRESS, ONE_WAVE, state(unchained)), 'timeout', 'line', 'x');
    const reset = resetLesson(p, ONE_WAVE.id);
    expect(currentStep(ONE_WAVE, reset)?.id).toBe('unchain');
    expect(reset.lessons.timeout?.answers.line).toBe('x');
  });
});
