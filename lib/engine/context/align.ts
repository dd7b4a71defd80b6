// Lines of two contexts set side by side: equal lines on one row, changed lines paired on one row, a line only one
// side has beside a gap. Pure (a longest-common-subsequence diff); the side-by-side comparison and the policy comparison read it.

/** How a row of the alignment compares: the same line, a line changed, a line only on the left or only on the right. */
export type RowKind = 'same' | 'changed' | 'left' | 'right';

export interface AlignedRow {
  kind: RowKind;
  /** The left line, null where the left has none (a gap). */
  left: string | null;
  right: string | null;
  /** 1-based line numbers in each side's text, null on a gap. */
  leftNo: number | null;
  rightNo: number | null;
}

/** A run of consecutive rows that are not `same`: one "difference" to step to. Rows [start, end). */
export interface Hunk {
  start: number;
  end: number;
}

export interface Alignment {
  rows: AlignedRow[];
  hunks: Hunk[];
}

/**
 * Above this many cells (lines left × lines right, once the common start and end are set aside) the middle is not
 * diffed line by line: it is paired in order, so a huge context never costs seconds or hundreds of megabytes.
 */
export const MAX_DIFF_CELLS = 4_000_000;

/** Pairs of indices (i, j) with a[i] === b[j], in order: a longest common subsequence of a and b. */
function commonLines(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_DIFF_CELLS) return [];
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], one flat array of (n + 1) × (m + 1).
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** The lines between two matches: paired row by row as changed, the longer side's rest beside gaps. */
function pushGap(rows: AlignedRow[], a: readonly string[], b: readonly string[], i0: number, i1: number, j0: number, j1: number): void {
  const n = i1 - i0;
  const m = j1 - j0;
  for (let k = 0; k < Math.max(n, m); k++) {
    const i = i0 + k;
    const j = j0 + k;
    const hasLeft = k < n;
    const hasRight = k < m;
    rows.push({
      kind: hasLeft && hasRight ? 'changed' : hasLeft ? 'left' : 'right',
      left: hasLeft ? a[i] : null,
      right: hasRight ? b[j] : null,
      leftNo: hasLeft ? i + 1 : null,
      rightNo: hasRight ? j + 1 : null,
    });
  }
}

function same(rows: AlignedRow[], line: string, i: number, j: number): void {
  rows.push({ kind: 'same', left: line, right: line, leftNo: i + 1, rightNo: j + 1 });
}

/** The runs of rows that differ, in order. */
export function hunksOf(rows: readonly AlignedRow[]): Hunk[] {
  const hunks: Hunk[] = [];
  let start = -1;
  rows.forEach((r, k) => {
    if (r.kind !== 'same' && start < 0) start = k;
    if (r.kind === 'same' && start >= 0) {
      hunks.push({ start, end: k });
      start = -1;
    }
  });
  if (start >= 0) hunks.push({ start, end: rows.length });
  return hunks;
}

/** Aligns two lists of lines: equal lines share a row; what differs is paired in order between them. */
export function alignLines(a: readonly string[], b: readonly string[]): Alignment {
  // The common start and end are matched directly: contexts mostly differ in a few places in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const rows: AlignedRow[] = [];
  for (let k = 0; k < head; k++) same(rows, a[k], k, k);
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of commonLines(midA, midB)) {
    pushGap(rows, a, b, head + i, head + pi, head + j, head + pj);
    same(rows, midA[pi], head + pi, head + pj);
    i = pi + 1;
    j = pj + 1;
  }
  pushGap(rows, a, b, head + i, head + midA.length, head + j, head + midB.length);
  for (let k = tail; k > 0; k--) same(rows, a[a.length - k], a.length - k, b.length - k);
  return { rows, hunks: hunksOf(rows) };
}

/** Aligns two texts line by line. */
export function alignTexts(left: string, right: string): Alignment {
  return alignLines(left.split('\n'), right.split('\n'));
}
