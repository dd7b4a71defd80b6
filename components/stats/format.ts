// Numbers of the "Many runs" view, rounded one way everywhere: shares as percents with one decimal, differences of
// shares in points with one decimal, times as whole ms under a second and seconds with one decimal above (as
// describeDeltas writes them), attempts per run with one decimal, a call's mean attempts with two. Plain strings.
import type { Outcome } from '@/lib/engine';

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `10,000`. */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** `10,000 runs`, `1 run`. */
export function formatRuns(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'run' : 'runs'}`;
}

/** A share 0..1 as a percent with one decimal: `96.4%`, `100.0%`, `0.0%`. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** The sign of a rounded difference: `+`, `−` (a minus sign), or `±` for zero. */
function sign(rounded: number): string {
  return rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
}

/** `x` rounded to `digits`, signed: `+1.5`, `−0.3`, `±0.0` (never `−0.0`). */
export function formatSigned(x: number, digits: number): string {
  const r = Number(x.toFixed(digits));
  return `${sign(r)}${Math.abs(r).toFixed(digits)}`;
}

/** A difference of shares in percentage points: `+12.3 pts`. */
export function formatPoints(points: number): string {
  return `${formatSigned(points, 1)} pts`;
}

/** `850 ms`, `1.3 s`, `12.0 s`; `—` when there is none (every run stuck). */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  return Math.abs(ms) >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A difference of times: `−1.3 s`, `+250 ms`, `±0 ms`; `—` if either side has none. */
export function formatSignedDuration(ms: number | null): string {
  if (ms === null) return '—';
  return Math.abs(ms) >= 1000 ? `${formatSigned(ms / 1000, 1)} s` : `${formatSigned(Math.round(ms), 0)} ms`;
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
  return (r > 0) === (better === 'higher') ? 'better' : 'worse';
}

/** "fetch_3 never failing: success 61.0% → 93.2% (+32.2 points)". */
export function describeHurt(id: string, baseline: number, successRate: number): string {
  const points = Number(((successRate - baseline) * 100).toFixed(1));
  return `${id} never failing: success ${formatPercent(baseline)} → ${formatPercent(successRate)} (${formatSigned(points, 1)} ${Math.abs(points) === 1 ? 'point' : 'points'})`;
}

/** The runs input's text as a number of runs: digits with optional thousands separators; NaN otherwise. */
export function parseRuns(text: string): number {
  const t = text.trim().replace(/[,_\s]/g, '');
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}
