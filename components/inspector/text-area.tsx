'use client';
// A labelled multi-line text field wired to a draft (the plan's description).
import { useId } from 'react';
import { describedBy, draftProps, Field, FieldMessage } from './fields';
import type { DraftField } from './use-draft';

export function TextArea({ label, draft, placeholder }: { label: string; draft: DraftField; placeholder?: string }) {
  const id = useId();
  const msgId = `${id}-msg`;
  const invalid = draft.message !== null;
  return (
    <Field id={id} label={label} wide>
      <textarea
        id={id}
        className={`tw-input tw-insp-textarea${invalid ? ' tw-insp-input--invalid' : ''}`}
        {...draftProps(draft)}
        placeholder={placeholder}
        rows={4}
        aria-invalid={invalid}
        aria-describedby={describedBy(invalid && msgId)}
      />
      <FieldMessage id={msgId} message={draft.message} />
    </Field>
  );
}
