'use client';
// The "Side effect" section: what the call does to the world (none, idempotent, once) and the compensation that
// undoes it after a stop, edited with the same latency, retry and fault editors as the call itself (see
// docs/side-effects.md). The compensation's fields open on demand, so the form stays short.
import { useState } from 'react';
import { effectOf, type Plan, type ToolCall } from '@/lib/plan';
import { addCompensation, removeCompensation, setEffect, updateCompensation } from '@/lib/plan/edit-effects';
import { shortDuration } from '@/lib/format/duration';
import { describeLatency } from '../format';
import { asOptionalText, asText, type Check } from './checks';
import { toCandidate, parsed } from './candidate';
import { ChoiceGroup, FieldMessage, FieldPrefix, TextField } from './fields';
import { FaultsSection } from './faults-section';
import { JsonField } from './json-field';
import { jsonText, parseJsonObject, sameJson } from './json-text';
import { LatencySection } from './latency-section';
import type { Parsed } from './numbers';
import { RetrySection } from './retry-section';
import { useAct } from './use-action';
import { useDraft } from './use-draft';
import { EFFECTS } from './words';

/** A compensation field: parse the text, patch the compensation as it is now, and let the schema judge. */
function compCheck<T>(
  id: string,
  field: string,
  parse: (text: string) => Parsed<T>,
  patch: (value: T) => Parameters<typeof updateCompensation>[2],
): Check {
  return (text, plan) => {
    const index = plan.calls.findIndex((c) => c.id === id);
    if (index === -1) return { ok: false, message: `the call “${id}” is no longer in the plan` };
    return parsed(parse(text), (v) => toCandidate(updateCompensation(plan, id, patch(v)), `calls[${index}].compensation`, field));
  };
}

function CompensationFields({ call, plan }: { call: ToolCall; plan: Plan }) {
  const comp = call.compensation;
  const id = call.id;
  const tool = useDraft({ name: 'compensation.tool', value: comp?.tool ?? '', check: compCheck(id, 'tool', asText, (tool) => ({ tool })) });
  const label = useDraft({
    name: 'compensation.label',
    value: comp?.label ?? '',
    check: compCheck(id, 'label', asOptionalText, (label) => ({ label })),
  });
  const input = useDraft({
    name: 'compensation.input',
    value: jsonText(comp?.input ?? {}),
    same: sameJson,
    enterCommits: false,
    check: compCheck(id, 'input', parseJsonObject, (value) => ({ input: value })),
  });
  if (comp === undefined) return null;
  return (
    <FieldPrefix.Provider value="Compensation">
      <div className="tw-insp-grid">
        <TextField label="Tool" draft={tool} mono />
        <TextField label="Label" draft={label} placeholder="(none)" />
        <JsonField
          label="Compensation input (JSON)"
          draft={input}
          hint="The arguments of the undo call, e.g. the reservation id to cancel."
        />
      </div>
      <h4 className="tw-insp-subhead">Latency &amp; timeout of the undo</h4>
      <LatencySection call={call} part="compensation" />
      <h4 className="tw-insp-subhead">Retry of the undo</h4>
      <RetrySection call={call} part="compensation" />
      <h4 className="tw-insp-subhead">Faults of the undo</h4>
      <FaultsSection call={call} plan={plan} part="compensation" />
    </FieldPrefix.Provider>
  );
}

export function EffectSection({ call, plan }: { call: ToolCall; plan: Plan }) {
  const act = useAct();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = call.id;
  const effect = effectOf(call);
  const comp = call.compensation;
  const chosen = EFFECTS.find((e) => e.value === effect);
  return (
    <div className="tw-insp-effect">
      <ChoiceGroup
        legend="Effect"
        layout="segments"
        value={effect}
        choices={EFFECTS}
        onChange={(next) => setError(act((p) => setEffect(p, id, next)))}
        note={
          <p className="tw-insp-hint">
            {chosen?.sentence}
            {effect !== 'none' && comp !== undefined && ' Setting None also removes the compensation (Undo brings it back).'}
          </p>
        }
      />
      <FieldMessage id={`${id}-effect-msg`} message={error} />
      {effect !== 'none' && comp === undefined && (
        <div className="tw-insp-note">
          <p>No compensation: if the plan stops (an abort, or its deadline) after this effect lands, it is left in place.</p>
          <button type="button" className="tw-insp-button" onClick={() => setError(act((p) => addCompensation(p, id)))}>
            Add compensation
          </button>
        </div>
      )}
      {comp !== undefined && (
        <div className="tw-insp-comp">
          <p className="tw-insp-comp__summary">
            <span className="tw-insp-comp__label">Undone by</span> <code>{comp.tool}</code>
            <span className="tw-insp-comp__detail">
              {' '}
              · {describeLatency(comp.latency)}
              {comp.timeoutMs === null ? '' : ` · timeout ${shortDuration(comp.timeoutMs)}`}
              {comp.retry.maxAttempts > 1 ? ` · ×${comp.retry.maxAttempts}` : ''}
              {comp.faults.length > 0 ? ` · ${comp.faults.length} ${comp.faults.length === 1 ? 'fault' : 'faults'}` : ''}
            </span>
          </p>
          <div className="tw-insp-comp__actions">
            <button type="button" className="tw-insp-button tw-insp-button--quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? 'Hide compensation fields' : 'Edit compensation'}
            </button>
            <button
              type="button"
              className="tw-insp-button tw-insp-button--quiet"
              onClick={() => setError(act((p) => removeCompensation(p, id)))}
            >
              Remove compensation
            </button>
          </div>
          {open && <CompensationFields call={call} plan={plan} />}
        </div>
      )}
    </div>
  );
}
