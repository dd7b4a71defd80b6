// The playback slice: one cursor over the run's virtual time that the canvas, the timeline and the context all
// read, and the drill-down path into sub-agents. The cursor is on the top run's clock; a drilled-down view reads
// it shifted by where its nested run started (see view.ts). The run on view is kept here, derived by the slice
// itself whenever the run or the path changes, so every reader gets the same object.
import type { StateCreator } from 'zustand/vanilla';
import { endTime, nextEventTime, nextTurnTime, prevEventTime } from '@/lib/engine/playback';
import type { AppState } from './app-store';
import type { Reaction } from './reactions';
import { traceAtPath, validViewPath, type TraceView } from './view';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PlaybackSlice {
  /** Virtual ms on the top run's clock. After a run it sits at the end (the final state). */
  cursorMs: number;
  playing: boolean;
  /** Virtual ms per real ms. */
  speed: number;
  /** Sub-agent call ids from the top plan down to the plan on view; [] is the top plan. */
  viewPath: string[];
  /** The run on view: the top run, or the nested run of the sub-agent drilled into; null with no run, or if that level did not run. */
  runOnView: TraceView | null;

  setCursor: (t: number) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
  /** Moves the cursor by `realMs` of wall time at the current speed; stops playing at the end. */
  advance: (realMs: number) => void;
  /** To the next (1) or previous (-1) event instant of the run on view. */
  stepEvent: (dir: 1 | -1) => void;
  /** To the next (1) or previous (-1) model turn (the instant its calls are emitted), of the run on view. */
  stepTurn: (dir: 1 | -1) => void;
  toStart: () => void;
  toEnd: () => void;

  /** Opens the nested plan of sub-agent call `id` of the plan on view. */
  drillInto: (id: string) => void;
  /** Goes back up to `depth` levels from the top (0 = the top plan). */
  drillTo: (depth: number) => void;
  /** Draws a new seed (one undo step) and runs. */
  reroll: () => Promise<void>;
}

/** The end of playback for the current run (0 with none). */
export function playbackEnd(s: Pick<AppState, 'trace'>): number {
  return s.trace === null ? 0 : endTime(s.trace);
}

const clamp = (t: number, end: number) => (Number.isFinite(t) ? Math.min(Math.max(t, 0), end) : 0);

/** A fresh seed for Re-roll: a uint32 from the browser's generator, never the current one. */
function freshSeed(current: number): number {
  const buf = new Uint32Array(1);
  do {
    if (typeof globalThis.crypto?.getRandomValues === 'function') globalThis.crypto.getRandomValues(buf);
    else buf[0] = (current * 2654435761 + 0x9e3779b9) >>> 0;
  } while (buf[0] === current);
  return buf[0];
}

/** The run on view follows the run and the drill-down path, in the same update that changes either. */
export const deriveRunOnView: Reaction<AppState> = (next, prev) => {
  if (next.trace === prev.trace && next.tracePlan === prev.tracePlan && next.viewPath === prev.viewPath) return null;
  return { runOnView: next.trace === null || next.tracePlan === null ? null : traceAtPath(next.trace, next.tracePlan, next.viewPath) };
};

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  cursorMs: 0,
  playing: false,
  speed: 1,
  viewPath: [],
  runOnView: null,

  setCursor: (t) => set({ cursorMs: clamp(t, playbackEnd(get())) }),
  play: () => {
    const s = get();
    if (s.trace === null) return;
    const end = playbackEnd(s);
    // Play at the end starts again from the beginning.
    set({ playing: true, cursorMs: s.cursorMs >= end ? 0 : s.cursorMs });
  },
  pause: () => set({ playing: false }),
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  setSpeed: (speed) => {
    if (Number.isFinite(speed) && speed > 0) set({ speed });
  },
  advance: (realMs) => {
    const s = get();
    if (!s.playing || s.trace === null) return;
    const end = playbackEnd(s);
    const t = s.cursorMs + realMs * s.speed;
    if (t >= end) set({ cursorMs: end, playing: false });
    else set({ cursorMs: t });
  },
  stepEvent: (dir) => {
    const s = get();
    const view = s.runOnView;
    if (view === null) return;
    const local = s.cursorMs - view.offsetMs;
    const t = dir === 1 ? nextEventTime(view.trace, local) : prevEventTime(view.trace, local);
    if (t === null) {
      set({
        playing: false,
        cursorMs: dir === 1 ? clamp(view.offsetMs + endTime(view.trace), playbackEnd(s)) : clamp(view.offsetMs, playbackEnd(s)),
      });
      return;
    }
    set({ playing: false, cursorMs: clamp(view.offsetMs + t, playbackEnd(s)) });
  },
  stepTurn: (dir) => {
    const s = get();
    const view = s.runOnView;
    if (view === null) return;
    const local = s.cursorMs - view.offsetMs;
    let t: number | null;
    if (dir === 1) t = nextTurnTime(view.trace, local);
    else {
      t = null;
      for (const turn of view.trace.turns) if (turn.emitMs < local) t = turn.emitMs;
      if (t === null && local > 0) t = 0;
    }
    if (t === null) return;
    set({ playing: false, cursorMs: clamp(view.offsetMs + t, playbackEnd(s)) });
  },
  toStart: () => set({ playing: false, cursorMs: 0 }),
  toEnd: () => set({ playing: false, cursorMs: playbackEnd(get()) }),

  drillInto: (id) => {
    const s = get();
    const path = validViewPath(s.plan, [...s.viewPath, id]);
    if (path.length !== s.viewPath.length + 1) return;
    set({ viewPath: path, selected: [] });
  },
  drillTo: (depth) => {
    const s = get();
    if (depth < 0 || depth >= s.viewPath.length) return;
    set({ viewPath: s.viewPath.slice(0, depth), selected: [] });
  },
  reroll: async () => {
    const s = get();
    if (s.plan.calls.length === 0) return;
    s.commit({ ...s.plan, settings: { ...s.plan.settings, seed: freshSeed(s.plan.settings.seed) } });
    await get().run();
  },
});
