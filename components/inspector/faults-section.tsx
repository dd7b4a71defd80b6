'use client';
// The "Faults" section: the call's own injected faults as an ordered list (add by kind, move, remove), and,
// when the active scenario lists this call, a note that its faults replace these while it is active.
import { useEffect, useId, useRef, useState } from 'react';
import { FAULT_KINDS, type FaultKind, type Plan, type ToolCall } from '@/lib/plan';
import { activeScenario } from '@/lib/plan/scenario';
import { addFault, moveFault, removeFault } from '@/lib/plan/edit';
import { describeFault } from '../format';
import { FaultCard } from './fault-card';
import { FieldMessage } from './fields';
import { useAct } from './use-action';
import { FAULT_KIND_LABEL } from './words';

export function FaultsSection({ call, plan }: { call: ToolCall; plan: Plan }) {
  const act = useAct();
  const id = call.id;
  const addId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [kind, setKind] = useState<FaultKind>('error');
  const [error, setError] = useState<string | null>(null);
  const scenario = activeScenario(plan);
  const replaced = scenario !== undefined && Object.hasOwn(scenario.faults, id) ? scenario : undefined;

  // After a move or a removal, keep the keyboard where the person was: on the moved fault, or the next one.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const el = listRef.current?.querySelector<HTMLElement>(pendingFocus.current);
    pendingFocus.current = null;
    el?.focus();
  });

  const onMove = (from: number, to: number) => {
    act((p) => moveFault(p, id, from, to));
    const last = to === call.faults.length - 1;
    pendingFocus.current = `[data-fault="${to}"] [data-action="${to === 0 ? 'down' : last ? 'up' : from > to ? 'up' : 'down'}"]`;
  };
  const onRemove = (index: number) => {
    act((p) => removeFault(p, id, index));
    const next = Math.min(index, call.faults.length - 2);
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
            {replaced.faults[id].length === 0 ? <li>no faults at all</li> : replaced.faults[id].map((f, i) => <li key={i}>{describeFault(f)}</li>)}
          </ul>
        </div>
      )}
      {call.faults.length === 0 ? (
        <p className="tw-insp-hint">No faults: every attempt succeeds after its latency.</p>
      ) : (
        <>
          <p className="tw-insp-hint">Each fault is rolled on every attempt; of those that fire, the first in this list decides (slow ones combine).</p>
          <ol className="tw-insp-fault-list" aria-label={`Faults of ${id}`}>
            {call.faults.map((f, i) => (
              <FaultCard key={i} callId={id} index={i} fault={f} count={call.faults.length} onMove={onMove} onRemove={onRemove} />
            ))}
          </ol>
        </>
      )}
      <div className="tw-insp-add">
        <label htmlFor={addId} className="tw-insp-field__label">
          New fault
        </label>
        <div className="tw-insp-add__row">
          <select id={addId} className="tw-input tw-insp-select" value={kind} onChange={(e) => setKind(FAULT_KINDS.find((k) => k === e.target.value) ?? 'error')}>
            {FAULT_KINDS.map((k) => (
              <option key={k} value={k}>
                {FAULT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <button type="button" className="tw-insp-button" data-action="add" onClick={() => setError(act((p) => addFault(p, id, kind)))}>
            Add fault
          </button>
        </div>
        <FieldMessage id={`${addId}-msg`} message={error} />
      </div>
    </div>
  );
}
