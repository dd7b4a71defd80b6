// Every way the product writes a duration, one named variant per purpose, so the same figure reads the same
// everywhere it serves the same purpose. Pure (no React, no DOM, no locale of the machine): en-US on server and client.
import { signed } from './number';

const upToOneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `950`, `1,250`, `1,250.5`: a number of ms, grouped, one decimal at most (the figure of exactMs without its unit). */
export function exactMsNumber(ms: number): string {
  return upToOneDecimal.format(ms);
}

/** `950 ms`, `1,250.5 ms`: exact enough to check against the trace (the run's results table). */
export function exactMs(ms: number): string {
  return `${exactMsNumber(ms)} ms`;
}

/** `4,210`, `1,251`: a number of ms rounded to the whole ms and grouped (the figure of roundedMs without its unit). */
export function roundedMsNumber(ms: number): string {
  return Math.round(ms).toLocaleString('en-US');
}

/** `4,210 ms`, `1,251 ms`: rounded to the whole ms, for reading at a glance (the timeline's hover card and titles). */
export function roundedMs(ms: number): string {
  return `${roundedMsNumber(ms)} ms`;
}

/** `300 ms`, `1.5 s`, `12.3 s`: short, one decimal at most, for labels (a node, the legend, a hint). */
export function shortDuration(ms: number): string {
  return ms >= 1000 ? `${upToOneDecimal.format(ms / 1000)} s` : `${upToOneDecimal.format(ms)} ms`;
}

/** `250 ms`, `1 s`, `1.25 s`, `146.41 ms`: two decimals at most, so a computed wait (a backoff) reads as it is. */
export function preciseDuration(ms: number): string {
  const round = (x: number) => String(Math.round(x * 100) / 100);
  return Math.abs(ms) < 1000 ? `${round(ms)} ms` : `${round(ms / 1000)} s`;
}

/** `850 ms`, `1.0 s`, `12.3 s`; `—` for none: one decimal always from a second up, so figures in a column line up. */
export function columnDuration(ms: number | null): string {
  if (ms === null) return '—';
  return Math.abs(ms) >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A difference of times: `+250 ms`, `−1.3 s`, `±0 ms`; `—` if either side has none. */
export function durationDelta(ms: number | null): string {
  if (ms === null) return '—';
  return Math.abs(ms) >= 1000 ? `${signed(ms / 1000, 1)} s` : `${signed(Math.round(ms), 0)} ms`;
}

/** `0 ms`, `206 ms`, `1.2 s`, `5 s`, `2 min 5 s`, `for ever`: rounded for a sentence (the narrated captions). */
export function spokenDuration(ms: number): string {
  if (!Number.isFinite(ms)) return ms > 0 ? 'for ever' : '0 ms';
  const abs = Math.max(0, ms);
  if (Math.round(abs) < 1000) return `${Math.round(abs)} ms`;
  const s = abs / 1000;
  if (s < 59.95) return `${Number(s.toFixed(1))} s`;
  const whole = Math.round(s);
  const min = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${min} min` : `${min} min ${rest} s`;
}

/** `0`, `500 ms`, `1 s`, `1.5 s`, `0.2 ms`: three or four significant figures, for a time axis's ticks. */
export function tickDuration(ms: number): string {
  if (ms === 0) return '0';
  const small = parseFloat(ms.toPrecision(3));
  if (Math.abs(small) < 1000) return `${small} ms`;
  return `${parseFloat((ms / 1000).toPrecision(4))} s`;
}

/** `0.00 s`, `1.24 s`, `12.50 s`: a playback clock, two decimals always so the readout does not jitter. */
export function clockSeconds(ms: number): string {
  const s = Number.isFinite(ms) ? Math.max(0, ms) / 1000 : 0;
  return `${s.toFixed(2)} s`;
}

// `1250 ms`, `0.125 ms`: as the model reads times in its context, so it lives with the context's portable wording.
export { plainMs } from '../engine/portable/wording';

/** `1250`, `12.5`; `—` for none: the number alone, one decimal at most, for a column headed in ms (the CLI). */
export function bareMs(ms: number | null): string {
  if (ms === null) return '—';
  return Number.isInteger(ms) ? String(ms) : ms.toFixed(1);
}

/** `250` on an axis in ms, `1.5` on one in seconds: the number alone, as few decimals as the ticks need. */
export function axisNumber(ms: number, unit: 's' | 'ms'): string {
  if (unit === 'ms') return String(Math.round(ms));
  return String(Number((ms / 1000).toFixed(2)));
}
