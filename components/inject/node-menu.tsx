'use client';
// The context menu of a call on the canvas: inject a fault (on every attempt or the first only), clear the injected
// faults, or, asked for by name, every fault in force, designed ones included. A WAI-ARIA menu: focus starts on the first item, arrows move, Enter or Space acts, Escape or Tab closes
// and gives focus back to the call; a click outside closes it. Rendered over the page, not inside the canvas, so the
// canvas's own keys (arrows move the selection) do not act while it is open.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { faultsInForce, injectedFaultsOf } from '@/lib/plan/inject';
import { useAppStore } from '@/lib/store/provider';
import type { AppState } from '@/lib/store/app-store';
import { selectViewPlan } from '@/lib/store/selectors';
import { FaultIcon } from '../icons';
import { listen } from '../listen';
import type { InjectUiStore, NodeMenuState } from './inject-store';
import { MenuItem, MenuRadio } from './menu-item';
import { callNodeElement, closingMenuKeyDown, focusItem, placeInWindow } from './menu-keys';
import { useInject } from './use-inject';
import { INJECT_ACTIONS, WHEN_OPTIONS } from './words';

const selectOpenPolicyCompare = (s: AppState) => s.setPolicyCompareCall;

const CLEAR_ICON = (
  <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
    <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
);

/** Whether a pointer press landed on something that takes focus itself (then focus is not pulled back to the call). */
function takesFocus(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])') !== null;
}

export function NodeMenu({ store, menu }: { store: InjectUiStore; menu: NodeMenuState }) {
  const { callId } = menu;
  const ref = useRef<HTMLDivElement>(null);
  const when = useStore(store, (s) => s.when);
  const setWhen = useStore(store, (s) => s.setWhen);
  const commands = useInject();
  const comparePolicies = useAppStore(selectOpenPolicyCompare);
  const exists = useAppStore(useCallback((s: AppState) => selectViewPlan(s).calls.some((c) => c.id === callId), [callId]));
  const inForce = useAppStore(useCallback((s: AppState) => faultsInForce(selectViewPlan(s), callId).length, [callId]));
  const injected = useAppStore(useCallback((s: AppState) => injectedFaultsOf(selectViewPlan(s), callId).length, [callId]));
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  const close = useCallback(
    (returnFocus: boolean) => {
      store.getState().closeMenu();
      if (returnFocus) callNodeElement(callId)?.focus();
    },
    [store, callId],
  );

  useLayoutEffect(() => {
    if (ref.current !== null) setPlace(placeInWindow(ref.current, menu));
  }, [menu]);

  useEffect(() => {
    if (place !== null) focusItem(ref.current, 0);
  }, [place]);

  // The call went away (an undo, a delete): nothing to act on.
  useEffect(() => {
    if (!exists) close(false);
  }, [exists, close]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (ref.current?.contains(e.target as Node)) return;
      close(!takesFocus(e.target));
    };
    const onAway = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) close(false);
    };
    const onResize = () => close(false);
    return listen(
      [document, 'pointerdown', onPointerDown, true],
      [document, 'wheel', onAway, { capture: true, passive: true }],
      [window, 'resize', onResize],
    );
  }, [close]);

  return createPortal(
    <div
      ref={ref}
      className="tw-menu tw-node-menu"
      role="menu"
      aria-label={`Inject into ${callId}`}
      style={place === null ? { left: menu.x, top: menu.y, visibility: 'hidden' } : place}
      onKeyDown={(e) => closingMenuKeyDown(e, ref.current, () => close(true))}
      onContextMenu={(e) => e.preventDefault()}
    >
      <div className="tw-menu__title" aria-hidden="true">
        Inject into <code>{callId}</code>
      </div>
      {INJECT_ACTIONS.map((a) => (
        <MenuItem
          key={a.kind}
          icon={<FaultIcon kind={a.kind} />}
          iconClass={`tw-fault--${a.kind}`}
          title={a.tip}
          onClick={() => {
            commands.inject(callId, a.kind, when);
            close(true);
          }}
        >
          {a.label}
        </MenuItem>
      ))}
      <div role="separator" className="tw-menu__sep" />
      <div role="group" aria-label="Inject on" className="tw-menu__group">
        <div className="tw-menu__heading" aria-hidden="true">
          Inject on
        </div>
        {WHEN_OPTIONS.map((o) => (
          <MenuRadio key={o.when} checked={when === o.when} onClick={() => setWhen(o.when)}>
            {o.label}
          </MenuRadio>
        ))}
      </div>
      <div role="separator" className="tw-menu__sep" />
      <MenuItem
        icon={CLEAR_ICON}
        aria-disabled={injected === 0}
        title={
          injected === 0
            ? `${callId} has no injected faults`
            : `Clears the ${injected} injected ${injected === 1 ? 'fault' : 'faults'} of ${callId}; its designed faults stay`
        }
        onClick={() => {
          if (injected === 0) return;
          commands.clear(callId);
          close(true);
        }}
      >
        Clear injected faults
      </MenuItem>
      <MenuItem
        icon={CLEAR_ICON}
        danger
        aria-disabled={inForce === injected}
        title={
          inForce === injected
            ? `${callId} has no designed faults in force`
            : `Clears every fault in force for ${callId}, the ones designed into it (or its scenario) too`
        }
        onClick={() => {
          if (inForce === injected) return;
          commands.clearAll(callId);
          close(true);
        }}
      >
        Clear all faults, designed ones too
      </MenuItem>
      <div role="separator" className="tw-menu__sep" />
      <MenuItem
        icon="⇆"
        title={`Runs the same seed with ${callId} under retry, degrade and abort, side by side`}
        onClick={() => {
          close(false);
          comparePolicies(callId);
        }}
      >
        Compare policies…
      </MenuItem>
    </div>,
    document.body,
  );
}
