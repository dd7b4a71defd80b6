'use client';
// The scenarios control over the canvas: a button naming the active scenario opens a menu listing "No scenario" and
// each scenario of the plan on view (the top plan, or a drilled-in sub-agent's), one checked. The menu itself
// (scenario-popup.tsx) loads when first opened: the canvas's first screen needs only the button.
import { useCallback, useId, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import { activeScenario } from '@/lib/plan/scenario';
import { useAppStore } from '@/lib/store/provider';
import { selectViewPlan } from '@/lib/store/selectors';
import { useTermTip } from '../glossary/term-tip';
import { InjectedChip } from './injected-notice';
import { LineIcon } from '../icons';

const ScenarioPopup = dynamic(() => import('./scenario-popup').then((m) => m.ScenarioPopup), { ssr: false });

export type View = { kind: 'menu'; focus: 'checked' | 'first' | 'last' } | { kind: 'save' } | { kind: 'rename'; id: string };

const CHEVRON = <LineIcon d="M2.5 4.5 6 8l3.5-3.5" box={12} size={10} weight={1.6} />;

const SCENARIO_ICON = (
  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
    <path d="M2.5 3.5h11M2.5 8h11M2.5 12.5h7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    <circle cx="5" cy="3.5" r="1.6" fill="var(--tw-surface)" stroke="currentColor" strokeWidth="1.4" />
    <circle cx="10.5" cy="8" r="1.6" fill="var(--tw-surface)" stroke="currentColor" strokeWidth="1.4" />
  </svg>
);

export function ScenarioMenu() {
  const plan = useAppStore(selectViewPlan);
  const active = activeScenario(plan);
  const [view, setView] = useState<View | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const close = useCallback((returnFocus: boolean) => {
    setView(null);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const label = active === undefined ? 'No scenario' : `Scenario: ${active.name}`;
  const term = useTermTip('scenario');
  return (
    <div className="tw-scenario">
      <button
        {...term.trigger}
        ref={(el) => {
          buttonRef.current = el;
          term.trigger.ref(el);
        }}
        type="button"
        className={`tw-scenario__button${active === undefined ? '' : ' tw-scenario__button--active'}`}
        aria-haspopup="menu"
        aria-expanded={view !== null}
        aria-controls={view !== null ? menuId : undefined}
        onClick={() => {
          term.hide();
          setView(view === null ? { kind: 'menu', focus: 'checked' } : null);
        }}
        onKeyDown={(e) => {
          term.trigger.onKeyDown(e);
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            setView({ kind: 'menu', focus: e.key === 'ArrowDown' ? 'first' : 'last' });
          }
        }}
      >
        {SCENARIO_ICON}
        <span className="tw-scenario__label">{label}</span>
        {CHEVRON}
      </button>
      {term.tip}
      <InjectedChip />
      {view !== null && <ScenarioPopup id={menuId} anchor={buttonRef} view={view} onView={setView} onClose={close} />}
    </div>
  );
}
