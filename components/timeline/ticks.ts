// The timeline's time axis ticks: round steps across the whole run or a zoomed window. Pure; no React.
import { tickDuration } from '@/lib/format/duration';

/**
 * Round ticks from 0 to t1: steps of 1, 2 or 5 × 10^k ms, 4 to 10 of them, about one per 100 px of the plot
 * width. The last tick never passes t1. A t1 that is not a finite number (no valid plan gives one) is read as the
 * largest finite number or 1e-9 ms, so the search over k stays four steps long instead of looping forever.
 */
export function niceTicks(t1: number, width: number): { t: number; label: string }[] {
  const end = t1 === Infinity ? Number.MAX_VALUE : Number.isFinite(t1) ? Math.max(t1, 1e-9) : 1e-9;
  const target = Math.min(10, Math.max(4, Math.round(width / 100) + 1));
  const k0 = Math.floor(Math.log10(end)) - 2;
  let best: { step: number; count: number } | null = null;
  for (let k = k0; k <= k0 + 3; k++) {
    for (const m of [1, 2, 5]) {
      const step = m * 10 ** k;
      const count = Math.floor(end / step + 1e-9) + 1;
      if (count < 4 || count > 10) continue;
      // Closest to the target; on a tie, the larger step (fewer, calmer ticks).
      if (best === null || Math.abs(count - target) <= Math.abs(best.count - target)) best = { step, count };
    }
  }
  const { step, count } = best ?? { step: end, count: 2 };
  const ticks: { t: number; label: string }[] = [];
  for (let i = 0; i < count; i++) {
    const t = parseFloat((i * step).toPrecision(12));
    if (t > end) break;
    ticks.push({ t, label: tickDuration(t) });
  }
  return ticks;
}

/** Round ticks across a zoomed window [from, to]: the step niceTicks picks for its span, at whole multiples of it. */
export function windowTicks(from: number, to: number, width: number): { t: number; label: string }[] {
  const span = to - from;
  const base = niceTicks(span, width);
  const step = base.length > 1 ? base[1].t - base[0].t : span;
  if (!(step > 0) || !Number.isFinite(step)) return [{ t: from, label: tickDuration(from) }];
  const ticks: { t: number; label: string }[] = [];
  for (let i = Math.ceil(from / step - 1e-9); i * step <= to + step * 1e-9 && ticks.length < 20; i++) {
    const t = parseFloat((i * step).toPrecision(12));
    ticks.push({ t, label: tickDuration(t) });
  }
  return ticks;
}
