// What a call with a side effect has done to the world at an instant of playback (docs/side-effects.md): nothing yet,
// applied, unknown (it may have gone through), possibly or certainly duplicated, being undone, undone, or left in
// place. Pure, from the trace alone; the canvas and the captions word it.
import type { CallTrace, Trace } from './types';

export type EffectState = 'none_yet' | 'applied' | 'unknown' | 'duplicated' | 'maybe_duplicated' | 'undoing' | 'undone' | 'left_in_place';

export interface EffectStateAt {
  state: EffectState;
  /** Attempts that applied the effect, and that may have, ended by then. */
  applied: number;
  unknown: number;
  /** The compensation's tool, when one ran or is running by then. */
  undoneBy?: string;
}

/** How each state reads: an icon's words on the canvas, a table cell, a caption. */
export const EFFECT_STATE_LABEL: Record<EffectState, string> = {
  none_yet: 'no effect yet',
  applied: 'applied',
  unknown: 'may have applied',
  duplicated: 'applied twice',
  maybe_duplicated: 'maybe applied twice',
  undoing: 'being undone',
  undone: 'undone',
  left_in_place: 'left in place',
};

/** The effect state of `call` at instant t, or null for a call without an effect. */
export function effectStateAt(trace: Trace, call: CallTrace, t: number): EffectStateAt | null {
  const effect = call.effect;
  if (effect === undefined) return null;
  let applied = 0;
  let unknown = 0;
  for (const a of call.attempts) {
    // A hanging attempt (no end) counts once the run is over: it may have gone through.
    const ended = a.endMs === null ? trace.makespanMs === null && call.status === 'hung' : a.endMs <= t;
    if (!ended) continue;
    if (a.effect === 'applied') applied++;
    else if (a.effect === 'unknown') unknown++;
  }
  const base = { applied, unknown };
  const comp = effect.compensation;
  if (comp !== null && comp.startMs !== null && comp.startMs <= t) {
    if (comp.endMs === null || comp.endMs > t) return { ...base, state: 'undoing', undoneBy: comp.tool };
    return { ...base, state: comp.status === 'succeeded' ? 'undone' : 'left_in_place', undoneBy: comp.tool };
  }
  const stop = trace.stop;
  const settledOrStopped = stop !== null && t >= stop.atMs && (comp === null || comp.status === 'not_started' || comp.status === 'hung');
  if (settledOrStopped && effect.leftInPlace && applied + unknown > 0) return { ...base, state: 'left_in_place' };
  if (effect.kind === 'once' && applied >= 2) return { ...base, state: 'duplicated' };
  if (effect.kind === 'once' && applied + unknown >= 2) return { ...base, state: 'maybe_duplicated' };
  if (applied > 0) return { ...base, state: 'applied' };
  if (unknown > 0) return { ...base, state: 'unknown' };
  return { ...base, state: 'none_yet' };
}
