// Numbers of the "Many runs" view, rounded one way everywhere: shares as percents with one decimal, differences of
// shares in points with one decimal, attempts per run with one decimal, a call's mean attempts with two. Plain
// strings. Times are written by lib/format/duration (columnDuration, durationDelta), as describeDeltas writes them.
import type { Outcome } from '@/lib/engine';
import { signed } from '@/lib/format/number';

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `10,000`. */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** `10,000 runs`, `1 run`. */
export function formatRuns(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'run' : 'runs'}`;
}

/**
 * A share 0..1 as a percent rounded to one decimal: `96.4%`, `100.0%`, `0.0%`. Rounding never turns a share that is
 * not whole into `100.0%` or `0.0%`: those read `>99.9%` and `<0.1%`. The canvas's tint uses it too, so the node and
 * the table always show the same number.
 */
export function formatPercent(share: number): string {
  if (share > 0 && share < 0.0005) return '<0.1%';
  if (share < 1 && share >= 0.9995) return '>99.9%';
  return `${(share * 100).toFixed(1)}%`;
}

/** A difference of shares in percentage points: `+12.3 pts`. */
export function formatPoints(points: number): string {
  return `${signed(points, 1)} pts`;
}

/** Attempts per run, all calls together: `7.4`. */
export function formatAttemptsPerRun(n: number): string {
  return n.toFixed(1);
}

/** One call's mean attempts per run: `1.27`. */
export function formatMeanAttempts(n: number): string {
  return n.toFixed(2);
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  complete: 'Complete',
  partial: 'Partial',
  aborted: 'Aborted',
  deadline_exceeded: 'Deadline exceeded',
  stuck: 'Stuck',
};

/** Whether a difference B − A is good news, bad news or neither, for colouring a delta (the sign says it too). */
export type DeltaTone = 'better' | 'worse' | 'same';

/** `higher`: more is better (success); `lower`: less is better (failures, time, attempts). */
export function deltaTone(diff: number | null, better: 'higher' | 'lower', digits: number): DeltaTone {
  if (diff === null) return 'same';
  const r = Number(diff.toFixed(digits));
  if (r === 0) return 'same';
  return r > 0 === (better === 'higher') ? 'better' : 'worse';
}

/** "fetch_3 never failing: success 61.0% → 93.2% (+32.2 points)". */
export function describeHurt(id: string, baseline: number, successRate: number): string {
  const points = Number(((successRate - baseline) * 100).toFixed(1));
  return `${id} never failing: success ${formatPercent(baseline)} → ${formatPercent(successRate)} (${signed(points, 1)} ${Math.abs(points) === 1 ? 'point' : 'points'})`;
}

/** The runs input's text as a number of runs: digits with optional thousands separators; NaN otherwise. */
export function parseRuns(text: string): number {
  const t = text.trim().replace(/[,_\s]/g, '');
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}
