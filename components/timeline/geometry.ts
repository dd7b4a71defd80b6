// The timeline's geometry: pure data the one timeline chart draws, in the editor and the presentation. No React.
// One row per call grouped by graph wave, a bar per attempt, hatched retry waits, timeout marks, the model-turn
// segments, the run's critical path, the abort/deadline line (ticks in ticks.ts, hit-testing for hover and click in hit-test.ts).
import type { AttemptResult, CallStatus, Trace } from '@/lib/engine';
import { tickDuration } from '@/lib/format/duration';
import type { Plan } from '@/lib/plan/schema';
import { compensationLane, type CompensationLane } from './compensation';
import { timelineEnd } from './end';
import { niceTicks, windowTicks } from './ticks';

export { niceTicks, windowTicks } from './ticks';
export { attemptAt, cursorX, rowAt, scrubTime } from './hit-test';

export interface TimelineOptions {
  /** Total width in px, the label column included. */
  width: number;
  rowHeight: number;
  /** Vertical gap before each wave group (and between the turn lane and the first group). */
  groupGap: number;
  /** Width of the label column on the left; time runs from labelWidth to width. */
  labelWidth: number;
  /** The span of the run's clock the plot shows when zoomed in (components/timeline/zoom.ts); the whole run if absent. */
  window?: { from: number; to: number } | null;
}

export interface TimeScale {
  t0: 0;
  /** The run's end: the makespan, or for a stuck run the last finite instant; at least 1 ms. */
  t1: number;
  /** The span shown: [0, t1], or the zoomed window inside it. */
  from: number;
  to: number;
  /** ms → px, linear from [from, to] onto [labelWidth, width] (not clamped). */
  x: (t: number) => number;
  /** px → ms, clamped to [from, to] (for the cursor and scrubbing). */
  t: (x: number) => number;
}

export interface Tick {
  t: number;
  x: number;
  label: string;
}

export interface TimelineGroup {
  /** 0-based graph wave. */
  wave: number;
  /** "Wave 1". */
  label: string;
  y: number;
  height: number;
}

export interface TimelineRow {
  /** Call index in the plan (and the trace). */
  index: number;
  id: string;
  label: string;
  wave: number;
  y: number;
  status: CallStatus;
  critical: boolean;
}

/** A box drawn in a call's row for one of its attempts. */
interface AttemptBox {
  /** Call index. */
  row: number;
  /** 1-based attempt number. */
  attempt: number;
  x: number;
  width: number;
  y: number;
  height: number;
}

export interface TimelineBar extends AttemptBox {
  result: AttemptResult;
  /** A hang with no end: the bar runs to t1. */
  open: boolean;
}

/** The backoff before an attempt; `attempt` is the one it leads to (it may never have started, if the plan stopped during the wait). */
export type TimelineWait = AttemptBox;

export interface TimeoutMark {
  row: number;
  attempt: number;
  x: number;
  y: number;
  height: number;
}

export interface Segment {
  x: number;
  width: number;
}

export interface TimelineTurn {
  index: number;
  wave: number | null;
  /** "Model turn 1". */
  label: string;
  /** [startMs, emitMs]: the model thinking. */
  thinking: Segment;
  /** [emitMs, endMs or t1]: its calls running. */
  executing: Segment;
}

export interface StopLine {
  x: number;
  reason: 'abort' | 'deadline';
  /** "aborted by auth at 1.05 s" / "deadline 3 s". */
  label: string;
}

export interface Timeline {
  scale: TimeScale;
  ticks: Tick[];
  /** The lane above the groups where the model-turn segments are drawn. */
  turnLane: { y: number; height: number };
  rowHeight: number;
  groups: TimelineGroup[];
  /** In display order (top to bottom). */
  rows: TimelineRow[];
  /** By call index, then attempt: one per attempt of the trace. */
  bars: TimelineBar[];
  waits: TimelineWait[];
  timeoutMarks: TimeoutMark[];
  turns: TimelineTurn[];
  stopLine: StopLine | null;
  /** Call indices on the run's critical path, first to last. */
  criticalPath: number[];
  /** After a stop: the compensations that undid landed side effects, under the waves; null when none was due. */
  compensation: CompensationLane | null;
  height: number;
}

/** Bars and waits fill the middle of a row, leaving this fraction of rowHeight above and below. */
const BAR_INSET = 0.15;

/**
 * The calls on the run's critical path, first to last: from the call that ended last (the makespan; under abort
 * the aborting call; when stuck the first hung call), repeatedly step to the upstream whose end is the latest
 * among those at or before this call's first start (ties: first in plan order).
 */
export function runCriticalPath(plan: Plan, trace: Trace): number[] {
  const calls = trace.calls;
  const final = (i: number): number => (calls[i].status === 'hung' ? Infinity : (calls[i].endMs ?? -Infinity));
  let end = -1;
  if (trace.stop?.reason === 'abort' && trace.stop.by !== null) end = calls.findIndex((c) => c.id === trace.stop?.by);
  if (end === -1) {
    for (let i = 0; i < calls.length; i++) {
      if (final(i) === -Infinity) continue;
      if (end === -1 || final(i) > final(end)) end = i;
    }
  }
  if (end === -1) return [];
  const index = new Map(calls.map((c, i) => [c.id, i]));
  const upstream: number[][] = calls.map(() => []);
  for (const d of plan.dependencies) {
    const a = index.get(d.from);
    const b = index.get(d.to);
    if (a !== undefined && b !== undefined) upstream[b].push(a);
  }
  const path = [end];
  const seen = new Set(path);
  for (let v = end; ;) {
    const start = calls[v].startMs;
    if (start === null) break;
    let via = -1;
    for (const u of upstream[v]) {
      const e = calls[u].endMs;
      if (e === null || e > start || seen.has(u)) continue;
      const best = via === -1 ? -Infinity : (calls[via].endMs as number);
      if (e > best || (e === best && u < via)) via = u;
    }
    if (via === -1) break;
    path.push(via);
    seen.add(via);
    v = via;
  }
  return path.reverse();
}

export function timelineGeometry(plan: Plan, trace: Trace, opts: TimelineOptions): Timeline {
  const { width, rowHeight, groupGap, labelWidth } = opts;
  const plotWidth = Math.max(width - labelWidth, 1e-9);
  const t1 = timelineEnd(trace);
  const zoomed = opts.window !== undefined && opts.window !== null && (opts.window.from > 0 || opts.window.to < t1);
  const from = zoomed && opts.window ? Math.min(Math.max(0, opts.window.from), t1) : 0;
  const to = zoomed && opts.window ? Math.max(from + 1e-9, Math.min(opts.window.to, t1)) : t1;
  const span = to - from;
  const x = (t: number) => labelWidth + ((t - from) / span) * plotWidth;
  const scale: TimeScale = {
    t0: 0,
    t1,
    from,
    to,
    x,
    t: (px: number) => Math.min(to, Math.max(from, from + ((px - labelWidth) / plotWidth) * span)),
  };
  const clampX = (px: number) => Math.min(width, Math.max(labelWidth, px));
  /** Whether [a, b] on the clock shows in the window (always, unzoomed). */
  const inView = (a: number, b: number) => !zoomed || (b >= from && a <= to);

  const ticks = (zoomed ? windowTicks(from, to, plotWidth) : niceTicks(t1, plotWidth)).map((k) => ({ ...k, x: x(k.t) }));

  // Rows, grouped by graph wave, in plan order within a wave.
  const critical = runCriticalPath(plan, trace);
  const onPath = new Set(critical);
  const byWave = new Map<number, number[]>();
  trace.calls.forEach((c, i) => {
    const list = byWave.get(c.wave);
    if (list) list.push(i);
    else byWave.set(c.wave, [i]);
  });
  const turnLane = { y: 0, height: rowHeight };
  const groups: TimelineGroup[] = [];
  const rows: TimelineRow[] = [];
  const rowY = new Array<number>(trace.calls.length).fill(0);
  let y = turnLane.height;
  for (const wave of [...byWave.keys()].sort((a, b) => a - b)) {
    const members = byWave.get(wave) as number[];
    y += groupGap;
    groups.push({ wave, label: `Wave ${wave + 1}`, y, height: members.length * rowHeight });
    for (const i of members) {
      const c = trace.calls[i];
      rowY[i] = y;
      rows.push({ index: i, id: c.id, label: plan.calls[i]?.label ?? c.id, wave, y, status: c.status, critical: onPath.has(i) });
      y += rowHeight;
    }
  }

  // Bars, laid out per row so that sub-pixel attempts stay visible (≥ 1 px) without overlapping.
  const bars: TimelineBar[] = [];
  const waits: TimelineWait[] = [];
  const timeoutMarks: TimeoutMark[] = [];
  const inset = rowHeight * BAR_INSET;
  const barH = rowHeight - 2 * inset;
  const stopAt = trace.stop?.atMs ?? null;
  trace.calls.forEach((c, i) => {
    // Spans [x0, x1] in px: forward, each starts at or after the previous end and keeps its true end (but at
    // least 1 px); backward, each ends where the next begins (or at the plot's edge). No overlap, all inside.
    const spans = c.attempts.map((a) => ({ x0: clampX(x(a.startMs)), x1: clampX(x(a.endMs ?? t1)) }));
    let prevEnd = labelWidth;
    for (const sp of spans) {
      sp.x0 = Math.max(sp.x0, prevEnd);
      sp.x1 = Math.max(sp.x1, sp.x0 + 1);
      prevEnd = sp.x1;
    }
    let limit = width;
    for (let k = spans.length - 1; k >= 0; k--) {
      const sp = spans[k];
      sp.x1 = Math.min(sp.x1, limit);
      sp.x0 = Math.max(labelWidth, Math.min(sp.x0, sp.x1 - 1));
      limit = sp.x0;
    }
    const row: TimelineBar[] = c.attempts.map((a, k) => ({
      row: i,
      attempt: a.n,
      x: spans[k].x0,
      width: spans[k].x1 - spans[k].x0,
      y: rowY[i] + inset,
      height: barH,
      result: a.result,
      open: a.endMs === null,
    }));
    // Zoomed in, an attempt wholly outside the window draws nothing (it would be a sliver at the plot's edge).
    c.attempts.forEach((a, k) => {
      if (!inView(a.startMs, a.endMs ?? t1)) row[k].width = 0;
    });
    bars.push(...row);

    c.attempts.forEach((a, k) => {
      const bar = row[k];
      if (a.result === 'timeout' && bar.width > 0)
        timeoutMarks.push({ row: i, attempt: a.n, x: bar.x + bar.width, y: rowY[i], height: rowHeight });
      if (a.retryWaitMs === undefined || a.endMs === null) return;
      const next = c.attempts[k + 1];
      // To the next attempt's start; a wait the plan stopped during ends at the stop.
      const endMs = next ? next.startMs : stopAt !== null && stopAt >= a.endMs ? stopAt : a.endMs + a.retryWaitMs;
      if (endMs <= a.endMs) return;
      const from = bar.x + bar.width;
      const to = next ? row[k + 1].x : clampX(x(endMs));
      if (to > from) waits.push({ row: i, attempt: a.n + 1, x: from, width: to - from, y: rowY[i] + inset, height: barH });
    });
  });

  const turns: TimelineTurn[] = trace.turns
    .filter((t) => inView(t.startMs, t.endMs ?? t1))
    .map((t) => {
      const s = clampX(x(t.startMs));
      const e = clampX(x(t.emitMs));
      const f = clampX(x(t.endMs ?? t1));
      return {
        index: t.index,
        wave: t.wave,
        label: `Model turn ${t.index + 1}`,
        thinking: { x: s, width: Math.max(0, e - s) },
        executing: { x: e, width: Math.max(0, f - e) },
      };
    });

  const stop = trace.stop;
  const stopLine: StopLine | null =
    stop === null || !inView(stop.atMs, stop.atMs)
      ? null
      : {
          x: clampX(x(stop.atMs)),
          reason: stop.reason,
          label:
            stop.reason === 'abort'
              ? `aborted${stop.by !== null ? ` by ${stop.by}` : ''} at ${tickDuration(stop.atMs)}`
              : `deadline ${tickDuration(stop.atMs)}`,
        };

  const compensation = compensationLane(trace, { y, rowHeight, groupGap, x, clampX, t1, inset });
  const height = compensation === null ? y : compensation.y + compensation.height;
  return {
    scale,
    ticks,
    turnLane,
    rowHeight,
    groups,
    rows,
    bars,
    waits,
    timeoutMarks,
    turns,
    stopLine,
    criticalPath: critical,
    compensation,
    height,
  };
}

/** How a bar is coloured for its attempt's result: every kind of failure draws alike. */
export type AttemptTone = 'ok' | 'partial' | 'cancelled' | 'hang' | 'bad';

export function attemptTone(result: AttemptResult): AttemptTone {
  return result === 'ok' || result === 'partial' || result === 'cancelled' || result === 'hang' ? result : 'bad';
}
