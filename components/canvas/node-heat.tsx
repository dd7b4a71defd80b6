'use client';
// The "many runs" heat overlay on a call: its success rate over the latest statistics' runs, as a chip
// with the number (never colour alone) and a tint of the node from red through amber to green.
import { useCallback } from 'react';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { callHeat } from '@/lib/store/stats';
import { formatPercent } from '../stats/format';

/** Tint buckets: ≥ 99 %, ≥ 95 %, ≥ 80 %, ≥ 50 %, below. */
export function heatBucket(rate: number): 0 | 1 | 2 | 3 | 4 {
  if (rate >= 0.99) return 4;
  if (rate >= 0.95) return 3;
  if (rate >= 0.8) return 2;
  if (rate >= 0.5) return 1;
  return 0;
}

/** The rate as the Per call table writes it (`90.7%`, `>99.9%`, `100.0%`), so the node and the table agree. */
export function heatText(rate: number): string {
  return formatPercent(rate);
}

/** Call `id`'s success rate over the runs, in tenths of a percent (a primitive, so the node re-renders only when it changes); -1 for none. */
export function useNodeHeat(id: string): number {
  return useAppStore(
    useCallback(
      (s: AppState) => {
        const rate = callHeat(s, id);
        return rate === null ? -1 : rate;
      },
      [id],
    ),
  );
}

export function HeatChip({ rate, runs }: { rate: number; runs: number }) {
  return (
    <span
      className={`tw-chip tw-heat tw-heat--${heatBucket(rate)}`}
      title={`Succeeded (or returned partial) in ${heatText(rate)} of ${runs.toLocaleString('en-US')} runs`}
    >
      <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true" focusable="false">
        <path d="M3 12.5h10M4.5 12V8.5M8 12V4.5M11.5 12V6.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {heatText(rate)}
      <span className="tw-visually-hidden"> of runs succeeded</span>
    </span>
  );
}

/** The number of runs behind the overlay (0 without statistics). */
export const selectHeatRuns = (s: AppState) => s.statsResult?.runs ?? 0;
