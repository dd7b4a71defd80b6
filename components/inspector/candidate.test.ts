import { describe, expect, it } from 'vitest';
import { parsed, pickProblem, relative } from './candidate';

describe('pickProblem', () => {
  const base = 'calls[3]';
  it('shows the problem at the field itself as is', () => {
    expect(pickProblem([{ path: 'calls[3].retry.maxAttempts', message: 'must be at least 1' }], base, 'retry.maxAttempts')).toBe(
      'must be at least 1',
    );
  });
  it('prefers the field’s own problem over others', () => {
    const problems = [
      { path: 'calls[3].timeoutMs', message: 'x' },
      { path: 'calls[3].retry.maxAttempts', message: 'must be at most 100' },
    ];
    expect(pickProblem(problems, base, 'retry.maxAttempts')).toBe('must be at most 100');
  });
  it('names the path of a problem inside the field', () => {
    expect(pickProblem([{ path: 'calls[3].faults[1].message', message: 'must not be empty' }], base, 'faults[1]')).toBe(
      'faults[1].message: must not be empty',
    );
  });
  it('names the path of a rule across fields', () => {
    expect(
      pickProblem(
        [{ path: 'calls[3].retry.maximumIntervalMs', message: 'must be at least initialIntervalMs (600)' }],
        base,
        'retry.initialIntervalMs',
      ),
    ).toBe('retry.maximumIntervalMs: must be at least initialIntervalMs (600)');
  });
  it('keeps a path outside the call whole', () => {
    expect(pickProblem([{ path: 'dependencies[2].from', message: 'unknown call id "a"' }], base, 'id')).toBe(
      'dependencies[2].from: unknown call id "a"',
    );
  });
  it('works for settings and the plan itself', () => {
    expect(pickProblem([{ path: 'settings.seed', message: 'must be a whole number' }], 'settings', 'seed')).toBe('must be a whole number');
    expect(pickProblem([{ path: 'name', message: 'must not be empty' }], '(plan)', 'name')).toBe('must not be empty');
  });
  it('never shows an empty message', () => {
    expect(pickProblem([], base, 'tool')).toBe('is not valid');
  });
});

describe('relative', () => {
  it.each([
    ['calls[3].retry.x', 'calls[3]', 'retry.x'],
    ['calls[3][0]', 'calls[3]', '[0]'],
    ['calls[30].x', 'calls[3]', 'calls[30].x'],
    ['settings.seed', '(plan)', 'settings.seed'],
  ])('%s under %s is %s', (path, base, out) => {
    expect(relative(path, base)).toBe(out);
  });
});

describe('parsed', () => {
  it('stops at a parse failure with its message', () => {
    expect(parsed({ ok: false, message: 'must be a number' }, () => ({ ok: false, message: 'never' }))).toEqual({
      ok: false,
      message: 'must be a number',
    });
  });
  it('builds from the parsed value', () => {
    expect(parsed({ ok: true, value: 2 }, (v) => ({ ok: false, message: `got ${v}` }))).toEqual({ ok: false, message: 'got 2' });
  });
});
