'use client';
// The node toolbar of the selected call (shown when it is the only one selected): one button per fault kind, the
// "every attempt / first attempt only" choice and "clear injected faults" (the designed ones stay). The context menu (node-menu.tsx) offers the same
// actions from the same lists. A group, not an ARIA toolbar: arrow keys belong to the canvas; Tab moves here.
import { memo, useCallback, useId } from 'react';
import { createPortal } from 'react-dom';
import { NodeToolbar, Position, useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { useStore } from 'zustand';
import { injectedFaultsOf } from '@/lib/plan/inject';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { selectViewPlan } from '@/lib/store/selectors';
import { FaultIcon, LineIcon } from '../icons';
import { hideTipUntilLeave } from '../tip';
import { useInjectStore } from './inject-provider';
import type { InjectUiStore } from './inject-store';
import { placeToolbar, type Align, type Placement, type Rect, type Side } from './placement';
import { useInject } from './use-inject';
import { INJECT_ACTIONS, WHEN_OPTIONS, injectButtonName } from './words';

const CLEAR_ICON = <LineIcon d="M3 13h10M4.5 10.5l5.8-7.3a1 1 0 0 1 1.5-.1l1.4 1.2a1 1 0 0 1 .1 1.4L9 10.5H4.5Z" size={14} weight={1.5} />;

function InjectActions({ callId, store, docked = false }: { callId: string; store: InjectUiStore; docked?: boolean }) {
  const when = useStore(store, (s) => s.when);
  const setWhen = useStore(store, (s) => s.setWhen);
  const commands = useInject();
  const radioName = useId();
  const injected = useAppStore(useCallback((s: AppState) => injectedFaultsOf(selectViewPlan(s), callId).length, [callId]));
  const whenWords = when === 'every' ? 'on every attempt' : 'on the first attempt only';
  return (
    <div className="tw-inject-bar" role="group" aria-label={`Inject faults into ${callId}`}>
      <span className="tw-caps tw-inject-bar__heading" aria-hidden="true">
        {docked ? `Inject · ${callId}` : 'Inject'}
      </span>
      <div className="tw-inject-bar__kinds">
        {INJECT_ACTIONS.map((a) => (
          <button
            key={a.kind}
            type="button"
            className={`tw-inject-bar__button tw-inject-kind--${a.kind}`}
            aria-label={injectButtonName(a, callId)}
            data-tip={`${a.tip}, ${whenWords}`}
            onClick={(e) => {
              hideTipUntilLeave(e.currentTarget);
              commands.inject(callId, a.kind, when);
            }}
          >
            <FaultIcon kind={a.kind} />
          </button>
        ))}
      </div>
      <span className="tw-inject-bar__sep" aria-hidden="true" />
      <div className="tw-inject-when" role="radiogroup" aria-label="Inject on">
        {WHEN_OPTIONS.map((o) => (
          <label key={o.when} className="tw-inject-when__option" data-tip={`Inject on ${o.label.toLowerCase()}`}>
            <input
              type="radio"
              name={radioName}
              value={o.when}
              checked={when === o.when}
              onChange={() => setWhen(o.when)}
              aria-label={o.label}
            />
            <span aria-hidden="true">{o.short}</span>
          </label>
        ))}
      </div>
      <span className="tw-inject-bar__sep" aria-hidden="true" />
      <button
        type="button"
        className="tw-inject-bar__button tw-inject-bar__button--clear"
        aria-label={`Clear injected faults of ${callId}`}
        data-tip={
          injected === 0
            ? 'No injected faults to clear'
            : `Clear the ${injected} injected ${injected === 1 ? 'fault' : 'faults'} (the designed ones stay)`
        }
        disabled={injected === 0}
        onClick={(e) => {
          hideTipUntilLeave(e.currentTarget);
          commands.clear(callId);
        }}
      >
        {CLEAR_ICON}
      </button>
    </div>
  );
}

/** Put inside a call node: the toolbar above it while it is the only selected call (and its context menu is closed). */
function InjectToolbarView({ callId }: { callId: string }) {
  const store = useInjectStore();
  const selectedAlone = useAppStore(useCallback((s: AppState) => s.selected.length === 1 && s.selected[0] === callId, [callId]));
  if (store === null || !selectedAlone) return null;
  return <VisibleToolbar callId={callId} store={store} />;
}

/** Room kept clear of the canvas's own controls: the palette on the left, the scenarios button along the top. */
const LEFT_ROOM = 72;
const TOP_ROOM = 60;
/** About how big the toolbar is (it is not measured: this only picks its place). */
const BAR = { width: 370, height: 38, gap: 8 };

/** Where the toolbar goes: the place beside the call that covers the fewest other calls and stays in view. */
function placementOf(s: ReactFlowState, callId: string): Placement {
  const node = s.nodeLookup.get(callId);
  if (node === undefined) return 'top-center';
  const [tx, ty, zoom] = s.transform;
  const screen = (n: typeof node): Rect => ({
    x: n.internals.positionAbsolute.x * zoom + tx,
    y: n.internals.positionAbsolute.y * zoom + ty,
    width: (n.measured.width ?? 0) * zoom,
    height: (n.measured.height ?? 0) * zoom,
  });
  const others: Rect[] = [];
  for (const n of s.nodeLookup.values()) if (n.id !== callId && !n.hidden) others.push(screen(n));
  return placeToolbar({ node: screen(node), others, width: s.width, height: s.height, bar: BAR, leftRoom: LEFT_ROOM, topRoom: TOP_ROOM });
}

const POSITION: Record<Side, Position> = { top: Position.Top, bottom: Position.Bottom, left: Position.Left, right: Position.Right };
const selectDomNode = (s: ReactFlowState) => s.domNode;

function VisibleToolbar({ callId, store }: { callId: string; store: InjectUiStore }) {
  const menuHere = useStore(store, (s) => s.menu?.callId === callId);
  const placement = useFlowStore(useCallback((s: ReactFlowState) => placementOf(s, callId), [callId]));
  const root = useFlowStore(selectDomNode);
  if (placement === 'dock') {
    // Packed among other calls: along the canvas's foot, named for its call, rather than over a neighbour.
    if (menuHere || root === null) return null;
    return createPortal(
      <div className="tw-inject-toolbar tw-inject-toolbar--dock">
        <InjectActions callId={callId} store={store} docked />
      </div>,
      root,
    );
  }
  const [side, align] = placement.split('-') as [Side, Align];
  return (
    <NodeToolbar
      isVisible={!menuHere}
      position={POSITION[side]}
      align={align}
      offset={BAR.gap}
      className={`tw-inject-toolbar tw-inject-toolbar--${side}`}
    >
      <InjectActions callId={callId} store={store} />
    </NodeToolbar>
  );
}

export const InjectToolbar = memo(InjectToolbarView);
