// The side-by-side alignment: equal lines share a row, changed lines pair up, lines on one side only face a gap.
import { describe, expect, it } from 'vitest';
import { alignLines, alignTexts, hunksOf, MAX_DIFF_CELLS } from './align';

const kinds = (a: string[], b: string[]) => alignLines(a, b).rows.map((r) => r.kind);

describe('alignLines', () => {
  it('puts identical texts on rows of the same line, with no difference', () => {
    const { rows, hunks } = alignLines(['a', 'b', 'c'], ['a', 'b', 'c']);
    expect(rows.map((r) => [r.left, r.right, r.leftNo, r.rightNo])).toEqual([
      ['a', 'a', 1, 1],
      ['b', 'b', 2, 2],
      ['c', 'c', 3, 3],
    ]);
    expect(hunks).toEqual([]);
  });

  it('pairs a changed line with its counterpart on one row', () => {
    const { rows, hunks } = alignLines(['turn', 'result b [error]: b failed', 'summary'], ['turn', 'result b [ok]: ', 'summary']);
    expect(rows[1]).toEqual({ kind: 'changed', left: 'result b [error]: b failed', right: 'result b [ok]: ', leftNo: 2, rightNo: 2 });
    expect(hunks).toEqual([{ start: 1, end: 2 }]);
  });

  it('sets a line only the left has beside a gap, and keeps the lines after it aligned', () => {
    const { rows } = alignLines(['a', 'call b', 'result b', 'c'], ['a', 'c']);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'left', 'left', 'same']);
    expect(rows[1]).toMatchObject({ left: 'call b', right: null, leftNo: 2, rightNo: null });
    expect(rows[3]).toMatchObject({ left: 'c', right: 'c', leftNo: 4, rightNo: 2 });
  });

  it('sets a line only the right has beside a gap', () => {
    expect(kinds(['a', 'c'], ['ANTI-PATTERN', 'a', 'c'])).toEqual(['right', 'same', 'same']);
  });

  it('pairs what differs between two matches, the longer side’s rest beside gaps', () => {
    expect(kinds(['a', 'x1', 'x2', 'x3', 'z'], ['a', 'y1', 'z'])).toEqual(['same', 'changed', 'left', 'left', 'same']);
  });

  it('finds a line moved past others through the longest common run', () => {
    const { rows } = alignLines(['h', 'a', 'b', 'c', 'd'], ['h', 'b', 'c', 'd', 'a']);
    expect(rows.filter((r) => r.kind === 'same').map((r) => r.left)).toEqual(['h', 'b', 'c', 'd']);
  });

  it('counts each run of differing rows as one difference', () => {
    const { hunks } = alignLines(['1', 'a', 'b', '2', '3', 'c'], ['1', 'A', 'B', '2', '3', 'C']);
    expect(hunks).toEqual([
      { start: 1, end: 3 },
      { start: 5, end: 6 },
    ]);
  });

  it('keeps every line of both sides exactly once, in order', () => {
    const a = ['t1', 'r1', 'r2 err', 'r3', 's1', 's2'];
    const b = ['ANTI', 't1', 'r1', 'r3', 'x', 's2'];
    const { rows } = alignLines(a, b);
    expect(rows.flatMap((r) => (r.left === null ? [] : [r.left]))).toEqual(a);
    expect(rows.flatMap((r) => (r.right === null ? [] : [r.right]))).toEqual(b);
  });

  it('handles empty sides', () => {
    expect(kinds([], [])).toEqual([]);
    expect(kinds(['a'], [])).toEqual(['left']);
    expect(kinds([], ['a', 'b'])).toEqual(['right', 'right']);
  });

  it('pairs a middle too big to diff in order, still keeping every line', () => {
    const n = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 1;
    const a = ['same', ...Array.from({ length: n }, (_, i) => `a${i}`), 'end'];
    const b = ['same', ...Array.from({ length: n + 1 }, (_, i) => `b${i}`), 'end'];
    const { rows, hunks } = alignLines(a, b);
    expect(rows).toHaveLength(n + 3);
    expect(rows[1].kind).toBe('changed');
    expect(rows[n + 1].kind).toBe('right');
    expect(hunks).toEqual([{ start: 1, end: n + 2 }]);
  });
});

describe('alignTexts and hunksOf', () => {
  it('splits texts into lines', () => {
    expect(alignTexts('a\nb', 'a\nc').rows.map((r) => r.kind)).toEqual(['same', 'changed']);
  });
  it('closes a difference that runs to the end', () => {
    expect(hunksOf(alignTexts('a\nb', 'a\nc\nd').rows)).toEqual([{ start: 1, end: 3 }]);
  });
});
