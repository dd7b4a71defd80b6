'use client';
// The "Faults" section: the call's own injected faults as an ordered list (add by kind, move, remove), and,
// when the active scenario lists this call, a note that its faults replace these while it is active.
import { useEffect, useId, useRef, useState } from 'react';
import { FAULT_KINDS, type FaultKind, type Plan, type ToolCall } from '@/lib/plan';
import { policyOf, type PolicyPart } from '@/lib/plan/policy';
import { activeScenario } from '@/lib/plan/scenario';
import { addFault, moveFault, removeFault } from '@/lib/plan/edit';
import { describeFault } from '../format';
import { FaultCard } from './fault-card';
import { FieldMessage } from './fields';
import { useAct } from './use-action';
import { FAULT_KIND_LABEL } from './words';

/** The call's own faults, or (part "compensation") its compensation's, which cannot be partial. */
export function FaultsSection({ call, plan, part = 'call' }: { call: ToolCall; plan: Plan; part?: PolicyPart }) {
  const act = useAct();
  const id = call.id;
  const faults = policyOf(call, part)?.faults ?? [];
  const kinds = part === 'call' ? FAULT_KINDS : FAULT_KINDS.filter((k) => k !== 'partial');
  const effectful = (call.effect ?? 'none') !== 'none';
  const addId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [kind, setKind] = useState<FaultKind>('error');
  const [error, setError] = useState<string | null>(null);
  const scenario = activeScenario(plan);
  // A scenario replaces a call's own faults, never its compensation's.
  const replaced = part === 'call' && scenario !== undefined && Object.hasOwn(scenario.faults, id) ? scenario : undefined;

  // After a move or a removal, keep the keyboard where the person was: on the moved fault, or the next one.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const el = listRef.current?.querySelector<HTMLElement>(pendingFocus.current);
    pendingFocus.current = null;
    el?.focus();
  });

  const onMove = (from: number, to: number) => {
    act((p) => moveFault(p, id, from, to, part));
    const last = to === faults.length - 1;
    pendingFocus.current = `[data-fault="${to}"] [data-action="${to === 0 ? 'down' : last ? 'up' : from > to ? 'up' : 'down'}"]`;
  };
  const onRemove = (index: number) => {
    act((p) => removeFault(p, id, index, part));
    const next = Math.min(index, faults.length - 2);
    pendingFocus.current = next >= 0 ? `[data-fault="${next}"] [data-action="remove"]` : '[data-action="add"]';
  };

  return (
    <div className="tw-insp-faults" ref={listRef}>
      {replaced !== undefined && (
        <div className="tw-insp-note">
          <p>
            While the scenario <strong>{replaced.name}</strong> is active, its faults replace this call’s own:
          </p>
          <ul className="tw-insp-note__list">
            {replaced.faults[id].length === 0 ? (
              <li>no faults at all</li>
            ) : (
              replaced.faults[id].map((f, i) => <li key={i}>{describeFault(f)}</li>)
            )}
          </ul>
        </div>
      )}
      {faults.length === 0 ? (
        <p className="tw-insp-hint">No faults: every attempt {part === 'call' ? 'succeeds' : 'undoes the effect'} after its latency.</p>
      ) : (
        <>
          <p className="tw-insp-hint">
            Each fault is rolled on every attempt; of those that fire, the first in this list decides (slow ones combine).
          </p>
          <ol className="tw-insp-fault-list" aria-label={part === 'call' ? `Faults of ${id}` : `Faults of ${id}'s compensation`}>
            {faults.map((f, i) => (
              <FaultCard
                key={i}
                callId={id}
                index={i}
                fault={f}
                count={faults.length}
                onMove={onMove}
                onRemove={onRemove}
                part={part}
                effectful={effectful}
              />
            ))}
          </ol>
        </>
      )}
      <div className="tw-insp-add">
        <label htmlFor={addId} className="tw-insp-field__label">
          {part === 'call' ? 'New fault' : 'New compensation fault'}
        </label>
        <div className="tw-insp-add__row">
          <select
            id={addId}
            className="tw-input tw-insp-select"
            value={kind}
            onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? 'error')}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {FAULT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="tw-insp-button"
            data-action="add"
            onClick={() => setError(act((p) => addFault(p, id, kind, part)))}
          >
            {part === 'call' ? 'Add fault' : 'Add compensation fault'}
          </button>
        </div>
        <FieldMessage id={`${addId}-msg`} message={error} />
      </div>
    </div>
  );
}
