'use client';
// The scenarios menu, loaded when the scenarios button first opens it: choosing a scenario switches to it (one undo
// step, through the store's editView) and runs the plan again; "Save current faults as a scenario…" asks for a name
// and saves the faults in force as a new active scenario; the active one can be renamed or deleted.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { activeScenario } from '@/lib/plan/scenario';
import { deleteScenario, renameScenario, scenarioFromCurrent, scenarioNameProblem, setActiveScenario } from '@/lib/plan/inject';
import type { Plan } from '@/lib/plan';
import type { EditOutcome } from '@/lib/store/document';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectViewPlan } from '@/lib/store/selectors';
import { MenuItem, MenuRadio } from './menu-item';
import { closingMenuKeyDown, focusItem, placeInWindow } from './menu-keys';
import { listen } from '../listen';
import type { View } from './scenario-menu';

function callsIn(faults: Record<string, unknown>): string {
  const n = Object.keys(faults).length;
  return n === 0 ? 'no calls' : `${n} ${n === 1 ? 'call' : 'calls'}`;
}

interface LoadedProps {
  id: string;
  anchor: React.RefObject<HTMLButtonElement | null>;
  view: View;
  onView: (view: View) => void;
  onClose: (returnFocus: boolean) => void;
}

/** The open menu and what its choices do to the plan on view. */
export function ScenarioPopup({ id, anchor, view, onView, onClose }: LoadedProps) {
  const app = useAppStoreApi();
  const plan = useAppStore(selectViewPlan);
  const close = onClose;

  /** After an edit of the plan on view: `rerun` runs the plan again (a switch changes the faults in force), then says `text`. */
  const after = useCallback(
    (r: EditOutcome, rerun: boolean, text: string) => {
      if (!r.ok || !r.changed) return;
      const s = app.getState();
      if (rerun) void s.run();
      s.notify({ tone: 'info', text });
    },
    [app],
  );

  const choose = (id: string | null) => {
    close(true);
    const name = id === null ? null : selectViewPlan(app.getState()).scenarios.find((s) => s.id === id)?.name;
    const r = app.getState().editView((plan) => setActiveScenario(plan, id));
    after(
      r,
      true,
      name == null
        ? 'No scenario: the calls’ own faults are in force. Ran the plan again.'
        : `Scenario “${name}” is active. Ran the plan again.`,
    );
  };

  const remove = (id: string) => {
    close(true);
    const current = selectViewPlan(app.getState());
    const scenario = current.scenarios.find((s) => s.id === id);
    if (scenario === undefined) return;
    const wasActive = current.settings.scenario === id;
    const r = app.getState().editView((plan) => deleteScenario(plan, id));
    after(
      r,
      wasActive,
      `Deleted the scenario “${scenario.name}”${wasActive ? ': the calls’ own faults are in force. Ran the plan again' : ''}. Undo brings it back.`,
    );
  };

  return (
    <ScenarioMenuPopup
      id={id}
      anchor={anchor}
      view={view}
      plan={plan}
      onView={onView}
      onClose={close}
      onChoose={choose}
      onRemove={remove}
      onSave={(name) => {
        // Injected faults of this level move into the scenario: say so, as they stop being marked as injected.
        const moved = Object.values(selectViewPlan(app.getState()).injected ?? {}).reduce((n, e) => n + e.faults.length, 0);
        const r = app.getState().editView((plan) => scenarioFromCurrent(plan, name));
        if (!r.ok) return r.reason;
        close(true);
        const s = r.plan.scenarios[r.plan.scenarios.length - 1];
        const movedWords =
          moved === 0 ? '' : ` The ${moved} injected ${moved === 1 ? 'fault is' : 'faults are'} part of it now, no longer injected.`;
        // The new scenario holds the faults in force, so a run stays what it was: redo it only to keep it current.
        after(
          r,
          app.getState().trace !== null,
          `Saved the faults in force as the scenario “${s.name}” (${callsIn(s.faults)}); it is active.${movedWords}`,
        );
        return null;
      }}
      onRename={(id, name) => {
        const r = app.getState().editView((plan) => renameScenario(plan, id, name));
        if (!r.ok) return r.reason;
        close(true);
        after(r, false, `Renamed the scenario to “${name.trim()}”.`);
        return null;
      }}
    />
  );
}

interface PopupProps {
  id: string;
  anchor: React.RefObject<HTMLButtonElement | null>;
  view: View;
  plan: Plan;
  onView: (view: View) => void;
  onClose: (returnFocus: boolean) => void;
  onChoose: (id: string | null) => void;
  onRemove: (id: string) => void;
  /** Returns why the name is refused, or null when saved. */
  onSave: (name: string) => string | null;
  onRename: (id: string, name: string) => string | null;
}

function ScenarioMenuPopup({ id, anchor, view, plan, onView, onClose, onChoose, onRemove, onSave, onRename }: PopupProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const a = anchor.current?.getBoundingClientRect();
    if (ref.current !== null && a !== undefined) setPlace(placeInWindow(ref.current, { x: a.left, y: a.bottom + 6 }));
  }, [anchor, view.kind]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (ref.current?.contains(t) || anchor.current?.contains(t)) return;
      onClose(false);
    };
    const onResize = () => onClose(false);
    return listen([document, 'pointerdown', onPointerDown, true], [window, 'resize', onResize]);
  }, [anchor, onClose]);

  const style = place === null ? { visibility: 'hidden' as const, left: 0, top: 0 } : place;
  return createPortal(
    <div ref={ref} className="tw-menu tw-scenario-popup" style={style}>
      {view.kind === 'menu' ? (
        <ScenarioList
          id={id}
          plan={plan}
          focus={view.focus}
          ready={place !== null}
          onView={onView}
          onClose={onClose}
          onChoose={onChoose}
          onRemove={onRemove}
        />
      ) : (
        <NameForm
          key={view.kind === 'rename' ? `rename:${view.id}` : 'save'}
          plan={plan}
          renaming={view.kind === 'rename' ? plan.scenarios.find((s) => s.id === view.id) : undefined}
          onCancel={() => onView({ kind: 'menu', focus: 'checked' })}
          onClose={onClose}
          onSubmit={(name) => (view.kind === 'rename' ? onRename(view.id, name) : onSave(name))}
        />
      )}
    </div>,
    document.body,
  );
}

function ScenarioList({
  id,
  plan,
  focus,
  ready,
  onView,
  onClose,
  onChoose,
  onRemove,
}: {
  id: string;
  plan: Plan;
  focus: 'checked' | 'first' | 'last';
  ready: boolean;
  onView: (view: View) => void;
  onClose: (returnFocus: boolean) => void;
  onChoose: (id: string | null) => void;
  onRemove: (id: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const active = activeScenario(plan);

  useEffect(() => {
    if (!ready) return;
    if (focus === 'checked') {
      const checked = ref.current?.querySelector<HTMLElement>('[aria-checked="true"]');
      if (checked) checked.focus();
      else focusItem(ref.current, 0);
    } else focusItem(ref.current, focus === 'first' ? 0 : -1);
  }, [ready, focus]);

  return (
    <div ref={ref} id={id} role="menu" aria-label="Scenarios" onKeyDown={(e) => closingMenuKeyDown(e, ref.current, () => onClose(true))}>
      <div role="group" aria-label="Active scenario" className="tw-menu__group">
        <div className="tw-menu__heading" aria-hidden="true">
          Scenario
        </div>
        <MenuRadio checked={active === undefined} onClick={() => onChoose(null)}>
          <span className="tw-menu__text">
            No scenario <span className="tw-menu__hint">(the calls’ own faults)</span>
          </span>
        </MenuRadio>
        {plan.scenarios.map((s) => (
          <MenuRadio
            key={s.id}
            checked={active?.id === s.id}
            title={`${s.name}: faults for ${callsIn(s.faults)}`}
            onClick={() => onChoose(s.id)}
          >
            <span className="tw-menu__text">{s.name}</span>
            <span className="tw-menu__aside" aria-hidden="true">
              {callsIn(s.faults)}
            </span>
          </MenuRadio>
        ))}
      </div>
      <div role="separator" className="tw-menu__sep" />
      <MenuItem icon="+" onClick={() => onView({ kind: 'save' })}>
        Save current faults as a scenario…
      </MenuItem>
      {active !== undefined && (
        <>
          <MenuItem icon={null} onClick={() => onView({ kind: 'rename', id: active.id })}>
            <span className="tw-menu__text">Rename “{active.name}”…</span>
          </MenuItem>
          <MenuItem icon={null} danger onClick={() => onRemove(active.id)}>
            <span className="tw-menu__text">Delete “{active.name}”</span>
          </MenuItem>
        </>
      )}
    </div>
  );
}

function NameForm({
  plan,
  renaming,
  onCancel,
  onClose,
  onSubmit,
}: {
  plan: Plan;
  renaming: Plan['scenarios'][number] | undefined;
  onCancel: () => void;
  onClose: (returnFocus: boolean) => void;
  onSubmit: (name: string) => string | null;
}) {
  const [name, setName] = useState(renaming?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const titleId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const live = tried ? scenarioNameProblem(plan, name, renaming?.id) : null;
  const message = error ?? live;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(onSubmit(name));
  };
  const title = renaming === undefined ? 'Save current faults as a scenario' : `Rename “${renaming.name}”`;
  return (
    <form
      className="tw-scenario-form"
      role="dialog"
      aria-labelledby={titleId}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      onBlur={(e) => {
        // Focus leaving the popup altogether (Tab past its last button) closes it.
        if (e.relatedTarget !== null && !e.currentTarget.contains(e.relatedTarget as Node)) onClose(false);
      }}
    >
      <h3 id={titleId} className="tw-scenario-form__title">
        {title}
      </h3>
      {renaming === undefined && (
        <p className="tw-scenario-form__hint">
          Saves the faults in force now, for every call that has any, and makes the new scenario active.
        </p>
      )}
      <label htmlFor={inputId} className="tw-scenario-form__label">
        Scenario name
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="tw-input"
        value={name}
        maxLength={200}
        placeholder="e.g. Search API down"
        aria-invalid={message !== null}
        aria-describedby={message !== null ? `${inputId}-msg` : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
      />
      {message !== null && (
        <p id={`${inputId}-msg`} className="tw-scenario-form__error" role="alert">
          {message}
        </p>
      )}
      <div className="tw-scenario-form__actions">
        <button type="button" className="tw-button tw-button--quiet tw-button--small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="tw-button tw-button--small">
          {renaming === undefined ? 'Save' : 'Rename'}
        </button>
      </div>
    </form>
  );
}
