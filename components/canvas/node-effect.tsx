'use client';
// A call's side effect on its node, at every zoom: its kind in an icon and a word ("once", "idempotent"), the
// compensation that undoes it ("↶ cancel_reservation"), and during playback what the effect has done by the cursor
// (docs/side-effects.md). Words, never colour alone; the state is read from the store as one string per node.
import { useCallback } from 'react';
import { effectStateAt, EFFECT_STATE_LABEL, type EffectState } from '@/lib/engine/effect-state';
import { effectOf, type Effect, type ToolCall } from '@/lib/plan/schema';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { indexById } from '@/lib/store/view';
import { TermTip } from '../glossary/term-tip';

/** The effect state of call `id` at the cursor in the run on view, or '' with no run or no effect. */
export function useNodeEffectState(id: string): EffectState | '' {
  return useAppStore(
    useCallback(
      (s: AppState): EffectState | '' => {
        const v = s.runOnView;
        if (v === null) return '';
        const i = indexById(v.trace).get(id);
        if (i === undefined) return '';
        return effectStateAt(v.trace, v.trace.calls[i], s.cursorMs - v.offsetMs)?.state ?? '';
      },
      [id],
    ),
  );
}

/** The tone a state is drawn in; the word says it first. */
function stateTone(state: EffectState | ''): string {
  if (state === 'duplicated' || state === 'left_in_place') return 'bad';
  if (state === 'maybe_duplicated' || state === 'unknown' || state === 'undoing') return 'warn';
  if (state === 'undone') return 'idle';
  return 'none';
}

const EFFECT_ICON = (
  <svg className="tw-node-effect__icon" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true" focusable="false">
    <path d="M9 1.5 3.5 9H8l-1 5.5L12.5 7H8z" fill="currentColor" />
  </svg>
);

/** "⚡ once · applied twice" and "↶ cancel_reservation"; nothing for a call without an effect. */
export function NodeEffect({ call }: { call: ToolCall }) {
  const effect = effectOf(call);
  // A call without an effect has no state to follow: no subscription, so playback does not ask it every frame.
  if (effect === 'none') return null;
  return <EffectLine call={call} effect={effect} />;
}

function EffectLine({ call, effect }: { call: ToolCall; effect: Exclude<Effect, 'none'> }) {
  const state = useNodeEffectState(call.id);
  const stateWords = state === '' || state === 'none_yet' ? '' : EFFECT_STATE_LABEL[state];
  const comp = call.compensation;
  return (
    <span className="tw-node-effect" data-effect-state={state === '' ? undefined : state}>
      <span className={`tw-node-effect__kind tw-node-effect--${stateTone(state)}`}>
        {EFFECT_ICON}
        {/* What the kind means comes from the glossary's "Effect", on hover (the node itself is the tab stop). */}
        <TermTip term="effect" focusable={false} className="tw-node-effect__word">
          {effect}
        </TermTip>
        {stateWords !== '' && (
          <>
            <span className="tw-node-effect__state" title={`At the cursor: ${stateWords}`}>
              · {stateWords}
            </span>
            <span className="tw-node-effect__state-far" aria-hidden="true">
              {stateWords}
            </span>
          </>
        )}
      </span>
      {comp !== undefined && (
        <span className="tw-node-effect__comp" title={`Undone by ${comp.tool} when the plan stops after it applied`}>
          <span aria-hidden="true">↶ </span>
          <span className="tw-visually-hidden">undone by </span>
          {comp.tool}
        </span>
      )}
    </span>
  );
}
