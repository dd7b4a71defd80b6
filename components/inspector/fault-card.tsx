'use client';
// One injected fault of a call: its kind, when it fires (a probability per attempt, or given attempts), the
// fields of its kind, and buttons to move it up or down (order decides which fault wins) or remove it.
import { useId } from 'react';
import { FAULT_KINDS, type Fault, type FaultKind } from '@/lib/plan';
import { updateFault, type FaultInput } from '@/lib/plan/edit';
import type { PolicyPart } from '@/lib/plan/policy';
import { asOptionalText, asText, faultCheck, faultNow } from './checks';
import { ChoiceGroup, Select, TextField } from './fields';
import { convertFault, switchTrigger } from './fault-edit';
import { numberListText, numberText, parseNumber, parseNumberList, sameNumber } from './numbers';
import { useAct } from './use-action';
import { useDraft, type DraftField } from './use-draft';
import { FAULT_KIND_LABEL, FAULT_KIND_SENTENCE } from './words';

const KIND_OPTIONS = FAULT_KINDS.map((k) => ({ value: k, label: FAULT_KIND_LABEL[k] }));
/** A compensation either happened or it did not: it has no partial result. */
const COMPENSATION_KIND_OPTIONS = KIND_OPTIONS.filter((o) => o.value !== 'partial');
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
  /** Whose faults: the call's own (default) or its compensation's. */
  part?: PolicyPart;
  /** Whether the call changes the world, so an error can say it applied before failing. */
  effectful?: boolean;
}

/** Where a fault sits: its call, its index, and whether it is the call's or its compensation's. */
interface At {
  callId: string;
  index: number;
  part: PolicyPart;
}

/** The draft name of a fault field, distinct for a compensation's faults. */
const fieldName = ({ index, part }: At, field: string) => `${part === 'call' ? '' : 'compensation.'}faults[${index}].${field}`;

/** Replaces the fault, as it is in the plan now, by what `change` makes of it (one undo step); nothing if it is gone or `change` gives undefined. */
function useFaultUpdate({ callId, index, part }: At) {
  const act = useAct();
  return (change: (f: Fault) => FaultInput | undefined) =>
    act((plan) => {
      const f = faultNow(plan, callId, index, part);
      const next = f === undefined ? undefined : change(f);
      return next === undefined ? plan : updateFault(plan, callId, index, next, part);
    });
}

/** One of a fault's move and remove buttons: a glyph with a name of its own. */
function FaultTool({
  action,
  label,
  title,
  disabled,
  onClick,
  children,
}: {
  action: 'up' | 'down' | 'remove';
  label: string;
  title: string;
  disabled?: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      className={action === 'remove' ? 'tw-insp-icon tw-insp-icon--danger' : 'tw-insp-icon'}
      data-action={action}
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** A draft for an optional text of the fault (an error's code, a partial's note): emptied, the key is removed. */
function useOptionalText(at: At, key: 'code' | 'note', value: string | undefined): DraftField {
  return useDraft({
    name: fieldName(at, key),
    value: value ?? '',
    check: faultCheck(
      at.callId,
      at.index,
      key,
      asOptionalText,
      (text, f) => {
        const next: Record<string, unknown> = { ...f, [key]: text };
        if (text === undefined) delete next[key];
        return next as FaultInput;
      },
      at.part,
    ),
  });
}

function Trigger({ at, fault }: { at: At; fault: Fault }) {
  const { callId, index, part } = at;
  const probability = useDraft({
    name: fieldName(at, 'probability'),
    value: numberText(fault.probability),
    same: sameNumber,
    check: faultCheck(callId, index, 'probability', parseNumber, (p, f) => ({ ...f, probability: p }), part),
  });
  const attempts = useDraft({
    name: fieldName(at, 'onAttempts'),
    value: numberListText(fault.onAttempts),
    check: faultCheck(callId, index, 'onAttempts', parseNumberList, (a, f) => ({ ...f, onAttempts: a }), part),
  });
  return fault.onAttempts !== undefined ? (
    <TextField label="Fires on attempts" draft={attempts} inputMode="numeric" hint="Attempt numbers from 1, e.g. 1, 2." wide />
  ) : (
    <TextField label="Chance per attempt" draft={probability} inputMode="decimal" hint="From 0 (never) to 1 (every attempt)." wide />
  );
}

function ErrorFields({ at, fault, effectful }: { at: At; fault: Extract<Fault, { kind: 'error' }>; effectful: boolean }) {
  const { callId, index, part } = at;
  const update = useFaultUpdate(at);
  const retryId = useId();
  const appliedId = useId();
  const message = useDraft({
    name: fieldName(at, 'message'),
    value: fault.message,
    check: faultCheck(callId, index, 'message', asText, (m, f) => ({ ...f, message: m }), part),
  });
  const code = useOptionalText(at, 'code', fault.code);
  const setFlag = (flag: 'retryable' | 'applied', on: boolean) =>
    update((f) => {
      if (f.kind !== 'error') return undefined;
      const next = { ...f, [flag]: on };
      if (flag === 'applied' && !on) delete next.applied;
      return next;
    });
  return (
    <>
      <TextField label="Error message" draft={message} wide />
      <TextField label="Code" draft={code} mono placeholder="(none)" />
      <div className="tw-insp-check">
        <input id={retryId} type="checkbox" checked={fault.retryable} onChange={(e) => setFlag('retryable', e.target.checked)} />
        <label htmlFor={retryId}>Retryable</label>
      </div>
      {effectful && part === 'call' && (
        <div className="tw-insp-check tw-insp-field--wide">
          <input id={appliedId} type="checkbox" checked={fault.applied === true} onChange={(e) => setFlag('applied', e.target.checked)} />
          <label htmlFor={appliedId}>Applied before failing (the work was done, then the answer was lost: a 500 after commit)</label>
        </div>
      )}
    </>
  );
}

function NumberFaultField({
  at,
  fault,
  field,
  label,
  unit,
}: {
  at: At;
  fault: Fault;
  field: 'retryAfterMs' | 'factor';
  label: string;
  unit?: string;
}) {
  const value =
    fault.kind === 'rate_limit' && field === 'retryAfterMs'
      ? fault.retryAfterMs
      : fault.kind === 'slow' && field === 'factor'
        ? fault.factor
        : undefined;
  const draft = useDraft({
    name: fieldName(at, field),
    value: numberText(value),
    same: sameNumber,
    check: faultCheck(at.callId, at.index, field, parseNumber, (v, f) => ({ ...f, [field]: v }), at.part),
  });
  return <TextField label={label} draft={draft} unit={unit} inputMode="decimal" />;
}

function NoteField({ at, fault }: { at: At; fault: Extract<Fault, { kind: 'partial' }> }) {
  const note = useOptionalText(at, 'note', fault.note);
  return <TextField label="Warning note" draft={note} placeholder="(none)" wide />;
}

export function FaultCard({ callId, index, fault, count, onMove, onRemove, part = 'call', effectful = false }: Props) {
  const at: At = { callId, index, part };
  const update = useFaultUpdate(at);
  const n = index + 1;
  const name = FAULT_KIND_LABEL[fault.kind];
  const noun = part === 'call' ? 'fault' : 'compensation fault';
  const setKind = (kind: FaultKind) => update((f) => convertFault(f, kind));
  const setTrigger = (to: 'probability' | 'onAttempts') => update((f) => switchTrigger(f, to));
  return (
    <li className="tw-insp-fault" data-fault={index}>
      <fieldset className="tw-insp-fault__set">
        <legend className="tw-insp-fault__legend">
          {part === 'call' ? 'Fault' : 'Compensation fault'} {n} · {name}
        </legend>
        <div className="tw-insp-fault__tools">
          <FaultTool
            action="up"
            label={`Move ${noun} ${n} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            ↑
          </FaultTool>
          <FaultTool
            action="down"
            label={`Move ${noun} ${n} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            ↓
          </FaultTool>
          <FaultTool action="remove" label={`Remove ${noun} ${n}`} title="Remove" onClick={() => onRemove(index)}>
            ×
          </FaultTool>
        </div>
        <div className="tw-insp-grid">
          <Select
            label="Kind"
            value={fault.kind}
            options={part === 'call' ? KIND_OPTIONS : COMPENSATION_KIND_OPTIONS}
            onChange={setKind}
            hint={FAULT_KIND_SENTENCE[fault.kind]}
          />
          <div className="tw-insp-field--wide">
            <ChoiceGroup
              legend="Fires"
              layout="segments"
              value={fault.onAttempts !== undefined ? 'onAttempts' : 'probability'}
              choices={TRIGGERS}
              onChange={setTrigger}
            />
          </div>
          <Trigger key={fault.onAttempts !== undefined ? 'a' : 'p'} at={at} fault={fault} />
          {fault.kind === 'error' && <ErrorFields at={at} fault={fault} effectful={effectful} />}
          {fault.kind === 'rate_limit' && <NumberFaultField at={at} fault={fault} field="retryAfterMs" label="Retry after" unit="ms" />}
          {fault.kind === 'slow' && <NumberFaultField at={at} fault={fault} field="factor" label="Latency ×" />}
          {fault.kind === 'partial' && <NoteField at={at} fault={fault} />}
        </div>
      </fieldset>
    </li>
  );
}
