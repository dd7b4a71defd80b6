// The hover card of an attempt, and the one-line label of its bar.
import { describe, expect, it } from 'vitest';
import type { Attempt } from '@/lib/engine';
import { attemptDetails, attemptResult, attemptSpan, attemptTitle } from './attempt-words';

const a = (over: Partial<Attempt>): Attempt => ({ n: 1, startMs: 0, endMs: 100, result: 'ok', message: 'ok', retryable: false, ...over });

describe('attempt details', () => {
  it('a failed attempt with a retry: times, result and message, code, retryable and the wait', () => {
    const att = a({
      n: 2,
      startMs: 4210,
      endMs: 5761,
      result: 'error',
      message: '404 Not Found',
      code: '404',
      retryable: true,
      retryWaitMs: 1200,
    });
    expect(attemptDetails('fetch_2', 'Fetch result 2', att, 3)).toEqual({
      title: 'fetch_2 · attempt 2 of 3',
      subtitle: 'Fetch result 2',
      rows: [
        ['Time', '4,210–5,761 ms (1,551 ms)'],
        ['Result', 'error: 404 Not Found'],
        ['Error code', '404'],
        ['Retryable', 'yes'],
        ['Retry wait', '1,200 ms, then attempt 3'],
      ],
      tone: 'bad',
    });
  });

  it('an injected error that the timeout cut first says the timeout came before the error could return', () => {
    const cut = a({
      startMs: 1000,
      endMs: 4000,
      result: 'timeout',
      message: 'timed out after 3000 ms',
      retryable: true,
      fault: { kind: 'error', index: 0, injected: true, cutByTimeout: true },
    });
    const rows = attemptDetails('charge', null, cut, 1).rows;
    expect(rows).toContainEqual(['Result', 'timed out at 3 s, before the injected error could return']);
    expect(rows).toContainEqual(['Fault', 'error, injected (not part of the design)']);
    const designed = a({
      result: 'error',
      message: '503',
      retryable: true,
      fault: { kind: 'error', index: 1, injected: false, cutByTimeout: false },
    });
    expect(attemptDetails('charge', null, designed, 1).rows).toContainEqual(['Fault', 'error, designed into the plan']);
  });

  it('a success says only when and that it was ok; a label equal to the id is not repeated', () => {
    const d = attemptDetails('search', 'search', a({ startMs: 300, endMs: 1100 }), 1);
    expect(d.subtitle).toBeNull();
    expect(d.rows).toEqual([
      ['Time', '300–1,100 ms (800 ms)'],
      ['Result', 'ok'],
    ]);
    expect(d.tone).toBe('good');
  });

  it('a timeout, a rate limit, a hang, a partial result and a cancelled attempt', () => {
    const timeout = attemptDetails('x', null, a({ result: 'timeout', message: 'timed out after 2000 ms', retryable: true }), 1);
    expect(timeout.rows).toContainEqual(['Result', 'timed out after 2000 ms']);
    expect(timeout.rows).toContainEqual(['Retryable', 'yes']);
    const limited = attemptDetails(
      'x',
      null,
      a({ result: 'rate_limited', message: '429 rate limited: retry after 500 ms', code: '429', retryable: true }),
      2,
    );
    expect(limited.rows).toContainEqual(['Error code', '429']);
    expect(limited.rows).toContainEqual(['Result', '429 rate limited: retry after 500 ms']);
    const hang = attemptDetails(
      'x',
      null,
      a({ startMs: 50, endMs: null, result: 'hang', message: 'no response: it hung with no timeout' }),
      1,
    );
    expect(hang.rows[0]).toEqual(['Time', 'from 50 ms, never returned']);
    expect(hang.rows).toContainEqual(['Retryable', 'no']);
    expect(attemptDetails('x', null, a({ result: 'partial', message: '2 of 3 pages' }), 1)).toMatchObject({ tone: 'warn' });
    const cancelled = attemptDetails(
      'x',
      null,
      a({ result: 'cancelled', message: 'cancelled: the plan was aborted because auth failed' }),
      1,
    );
    expect(cancelled.tone).toBe('idle');
    expect(cancelled.rows).toContainEqual(['Result', 'cancelled: the plan was aborted because auth failed']);
    expect(cancelled.rows.map(([k]) => k)).toEqual(['Time', 'Result']);
  });

  it('keeps markup as text', () => {
    const d = attemptDetails('x', '<b>bold</b>', a({ result: 'error', message: '<img src=x onerror=alert(1)>', retryable: false }), 1);
    expect(d.subtitle).toBe('<b>bold</b>');
    expect(d.rows).toContainEqual(['Result', '<img src=x onerror=alert(1)>']);
  });
});

describe('one-line words', () => {
  it('span, result and title', () => {
    expect(attemptSpan(a({ startMs: 0, endMs: 1500 }))).toBe('0–1,500 ms (1,500 ms)');
    expect(attemptResult(a({ result: 'ok', message: 'sub-agent returned' }))).toBe('ok: sub-agent returned');
    expect(attemptResult(a({ result: 'error', message: '' }))).toBe('error');
    expect(
      attemptTitle('fetch_2', a({ n: 2, startMs: 4210, endMs: 5761, result: 'error', message: '404 Not Found', retryWaitMs: 1200 })),
    ).toBe('fetch_2 · attempt 2 · 4,210–5,761 ms · error: 404 Not Found · retry in 1,200 ms');
    expect(attemptTitle('h', a({ startMs: 10, endMs: null, result: 'hang', message: 'no response' }))).toBe(
      'h · attempt 1 · 10 ms – never returned · hung (never returned): no response',
    );
  });
});
