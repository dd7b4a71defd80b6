'use client';
// One injected fault of a call: its kind, when it fires (a probability per attempt, or given attempts), the
// fields of its kind, and buttons to move it up or down (order decides which fault wins) or remove it.
import { useId } from 'react';
import { FAULT_KINDS, type Fault, type FaultKind } from '@/lib/plan';
import { updateFault } from '@/lib/plan/edit';
import { asOptionalText, asText, faultCheck } from './checks';
import { ChoiceGroup, Select, TextField } from './fields';
import { convertFault, switchTrigger } from './fault-edit';
import { numberListText, numberText, parseNumber, parseNumberList, sameNumber } from './numbers';
import { useAct } from './use-action';
import { useDraft } from './use-draft';
import { FAULT_KIND_LABEL, FAULT_KIND_SENTENCE } from './words';

const KIND_OPTIONS = FAULT_KINDS.map((k) => ({ value: k, label: FAULT_KIND_LABEL[k] }));
const TRIGGERS = [
  { value: 'probability', label: 'By chance' },
  { value: 'onAttempts', label: 'On attempts' },
] as const;

interface Props {
  callId: string;
  index: number;
  fault: Fault;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

function Trigger({ callId, index, fault }: { callId: string; index: number; fault: Fault }) {
  const probability = useDraft({
    name: `faults[${index}].probability`,
    value: numberText(fault.probability),
    same: sameNumber,
    check: faultCheck(callId, index, 'probability', parseNumber, (p, f) => ({ ...f, probability: p })),
  });
  const attempts = useDraft({
    name: `faults[${index}].onAttempts`,
    value: numberListText(fault.onAttempts),
    check: faultCheck(callId, index, 'onAttempts', parseNumberList, (a, f) => ({ ...f, onAttempts: a })),
  });
  return fault.onAttempts !== undefined ? (
    <TextField label="Fires on attempts" draft={attempts} inputMode="numeric" hint="Attempt numbers from 1, e.g. 1, 2." wide />
  ) : (
    <TextField label="Chance per attempt" draft={probability} inputMode="decimal" hint="From 0 (never) to 1 (every attempt)." wide />
  );
}

function ErrorFields({ callId, index, fault }: { callId: string; index: number; fault: Extract<Fault, { kind: 'error' }> }) {
  const act = useAct();
  const retryId = useId();
  const message = useDraft({
    name: `faults[${index}].message`,
    value: fault.message,
    check: faultCheck(callId, index, 'message', asText, (m, f) => ({ ...f, message: m })),
  });
  const code = useDraft({
    name: `faults[${index}].code`,
    value: fault.code ?? '',
    check: faultCheck(callId, index, 'code', asOptionalText, (c, f) => {
      const next = { ...f, code: c };
      if (c === undefined) delete next.code;
      return next;
    }),
  });
  return (
    <>
      <TextField label="Error message" draft={message} wide />
      <TextField label="Code" draft={code} mono placeholder="(none)" />
      <div className="tw-insp-check">
        <input
          id={retryId}
          type="checkbox"
          checked={fault.retryable}
          onChange={(e) => {
            const retryable = e.target.checked;
            act((plan) => {
              const f = plan.calls.find((c) => c.id === callId)?.faults[index];
              return f === undefined || f.kind !== 'error' ? plan : updateFault(plan, callId, index, { ...f, retryable });
            });
          }}
        />
        <label htmlFor={retryId}>Retryable</label>
      </div>
    </>
  );
}

function NumberFaultField({ callId, index, fault, field, label, unit }: { callId: string; index: number; fault: Fault; field: 'retryAfterMs' | 'factor'; label: string; unit?: string }) {
  const value = fault.kind === 'rate_limit' && field === 'retryAfterMs' ? fault.retryAfterMs : fault.kind === 'slow' && field === 'factor' ? fault.factor : undefined;
  const draft = useDraft({
    name: `faults[${index}].${field}`,
    value: numberText(value),
    same: sameNumber,
    check: faultCheck(callId, index, field, parseNumber, (v, f) => ({ ...f, [field]: v })),
  });
  return <TextField label={label} draft={draft} unit={unit} inputMode="decimal" />;
}

function NoteField({ callId, index, fault }: { callId: string; index: number; fault: Extract<Fault, { kind: 'partial' }> }) {
  const note = useDraft({
    name: `faults[${index}].note`,
    value: fault.note ?? '',
    check: faultCheck(callId, index, 'note', asOptionalText, (n, f) => {
      const next = { ...f, note: n };
      if (n === undefined) delete next.note;
      return next;
    }),
  });
  return <TextField label="Warning note" draft={note} placeholder="(none)" wide />;
}

export function FaultCard({ callId, index, fault, count, onMove, onRemove }: Props) {
  const act = useAct();
  const n = index + 1;
  const name = FAULT_KIND_LABEL[fault.kind];
  const setKind = (kind: FaultKind) =>
    act((plan) => {
      const f = plan.calls.find((c) => c.id === callId)?.faults[index];
      return f === undefined ? plan : updateFault(plan, callId, index, convertFault(f, kind));
    });
  const setTrigger = (to: 'probability' | 'onAttempts') =>
    act((plan) => {
      const f = plan.calls.find((c) => c.id === callId)?.faults[index];
      return f === undefined ? plan : updateFault(plan, callId, index, switchTrigger(f, to));
    });
  return (
    <li className="tw-insp-fault" data-fault={index}>
      <fieldset className="tw-insp-fault__set">
        <legend className="tw-insp-fault__legend">
          Fault {n} · {name}
        </legend>
        <div className="tw-insp-fault__tools">
          <button type="button" className="tw-insp-icon" data-action="up" aria-label={`Move fault ${n} up`} title="Move up" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            ↑
          </button>
          <button
            type="button"
            className="tw-insp-icon"
            data-action="down"
            aria-label={`Move fault ${n} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            ↓
          </button>
          <button type="button" className="tw-insp-icon tw-insp-icon--danger" data-action="remove" aria-label={`Remove fault ${n}`} title="Remove" onClick={() => onRemove(index)}>
            ×
          </button>
        </div>
        <div className="tw-insp-grid">
          <Select label="Kind" value={fault.kind} options={KIND_OPTIONS} onChange={setKind} hint={FAULT_KIND_SENTENCE[fault.kind]} />
          <div className="tw-insp-field--wide">
            <ChoiceGroup legend="Fires" layout="segments" value={fault.onAttempts !== undefined ? 'onAttempts' : 'probability'} choices={TRIGGERS} onChange={setTrigger} />
          </div>
          <Trigger key={fault.onAttempts !== undefined ? 'a' : 'p'} callId={callId} index={index} fault={fault} />
          {fault.kind === 'error' && <ErrorFields callId={callId} index={index} fault={fault} />}
          {fault.kind === 'rate_limit' && <NumberFaultField callId={callId} index={index} fault={fault} field="retryAfterMs" label="Retry after" unit="ms" />}
          {fault.kind === 'slow' && <NumberFaultField callId={callId} index={index} fault={fault} field="factor" label="Latency ×" />}
          {fault.kind === 'partial' && <NoteField callId={callId} index={index} fault={fault} />}
        </div>
      </fieldset>
    </li>
  );
}
