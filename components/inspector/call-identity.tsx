'use client';
// The "Call" section: id (a rename, committed on blur or Enter), tool, label, kind, and for a sub-agent its
// report mode and what its nested plan is, with a button that opens it on the canvas (where it is edited).
import { useCallback, useState } from 'react';
import type { ToolCall } from '@/lib/plan';
import { updateCall } from '@/lib/plan/edit';
import { useAppStoreApi } from '@/lib/store/provider';
import { asOptionalText, asText, callCheck, renameCheck } from './checks';
import { ChoiceGroup, FieldMessage, TextField } from './fields';
import { useAct } from './use-action';
import { useDraft } from './use-draft';
import { KINDS, REPORTS } from './words';

export function CallIdentity({ call }: { call: ToolCall }) {
  const store = useAppStoreApi();
  const act = useAct();
  const [kindError, setKindError] = useState<string | null>(null);
  const id = call.id;

  const onRenamed = useCallback((text: string) => store.getState().select([text.trim()]), [store]);
  const idDraft = useDraft({ name: 'id', value: id, check: renameCheck(id), commitOn: 'blur', onCommitted: onRenamed });
  const tool = useDraft({ name: 'tool', value: call.tool, check: callCheck(id, 'tool', asText, (tool) => ({ tool })) });
  const label = useDraft({ name: 'label', value: call.label ?? '', check: callCheck(id, 'label', asOptionalText, (label) => ({ label })) });

  const kindNote = KINDS.find((k) => k.value === call.kind)?.sentence;
  return (
    <div className="tw-insp-grid">
      <TextField label="Id" draft={idDraft} mono wide hint="Enter applies a rename; edges, scenarios and {{references}} follow." />
      <TextField label="Tool" draft={tool} mono />
      <TextField label="Label" draft={label} placeholder="(none: shows the id)" />
      <div className="tw-insp-field--wide">
        <ChoiceGroup
          legend="Kind"
          layout="segments"
          value={call.kind}
          choices={KINDS}
          onChange={(kind) => setKindError(act((plan) => updateCall(plan, id, { kind })))}
          note={
            <p className="tw-insp-hint">
              {kindNote}
              {call.kind === 'agent' && ' Switching to Tool drops the nested plan (Undo brings it back).'}
            </p>
          }
        />
        <FieldMessage id={`${id}-kind-msg`} message={kindError} />
      </div>
      {call.kind === 'agent' && (
        <>
          <div className="tw-insp-field--wide">
            <ChoiceGroup
              legend="Report to the orchestrator"
              value={call.report}
              choices={REPORTS}
              onChange={(report) => act((plan) => updateCall(plan, id, { report }))}
            />
          </div>
          <p className="tw-insp-nested tw-insp-field--wide">
            <span className="tw-insp-nested__label">Nested plan</span>
            <span className="tw-insp-nested__name">{call.plan?.name ?? '(none)'}</span>
            <span className="tw-insp-nested__count">
              {call.plan?.calls.length ?? 0} {(call.plan?.calls.length ?? 0) === 1 ? 'call' : 'calls'}
            </span>
            {call.plan !== undefined && (
              <button
                type="button"
                className="tw-insp-button tw-insp-button--quiet tw-insp-nested__open"
                onClick={() => store.getState().drillInto(id)}
              >
                Open its plan on the canvas
              </button>
            )}
          </p>
        </>
      )}
    </div>
  );
}
