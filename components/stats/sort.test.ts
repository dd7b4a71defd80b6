import { describe, expect, it } from 'vitest';
import { sortRows, type CallRow } from './sort';

const rows: CallRow[] = [
  { id: 'search', order: 0, successA: 0.99, attemptsA: 1.1, successB: 0.99, attemptsB: 1.1 },
  { id: 'fetch_1', order: 1, successA: 0.9, attemptsA: 1.3, successB: null, attemptsB: null },
  { id: 'fetch_2', order: 2, successA: 0.9, attemptsA: 1.2, successB: 0.95, attemptsB: 1.4 },
];

describe('sortRows', () => {
  it('sorts by a number either way, ties in plan order, missing numbers last', () => {
    expect(sortRows(rows, { key: 'successA', dir: 'asc' }).map((r) => r.id)).toEqual(['fetch_1', 'fetch_2', 'search']);
    expect(sortRows(rows, { key: 'successA', dir: 'desc' }).map((r) => r.id)).toEqual(['search', 'fetch_1', 'fetch_2']);
    expect(sortRows(rows, { key: 'attemptsB', dir: 'desc' }).map((r) => r.id)).toEqual(['fetch_2', 'search', 'fetch_1']);
    expect(sortRows(rows, { key: 'attemptsB', dir: 'asc' }).map((r) => r.id)).toEqual(['search', 'fetch_2', 'fetch_1']);
  });

  it('sorts by id, and back to the plan’s order, without touching its input', () => {
    expect(sortRows(rows, { key: 'id', dir: 'asc' }).map((r) => r.id)).toEqual(['fetch_1', 'fetch_2', 'search']);
    expect(sortRows(rows, { key: 'order', dir: 'asc' }).map((r) => r.id)).toEqual(['search', 'fetch_1', 'fetch_2']);
    expect(rows[0].id).toBe('search');
  });
});
