'use client';
// A labelled multi-line text field wired to a draft (the plan's description).
import { useId } from 'react';
import { describedBy, FieldMessage } from './fields';
import type { DraftField } from './use-draft';

export function TextArea({ label, draft, placeholder }: { label: string; draft: DraftField; placeholder?: string }) {
  const id = useId();
  const msgId = `${id}-msg`;
  const invalid = draft.message !== null;
  return (
    <div className="tw-insp-field tw-insp-field--wide">
      <label className="tw-insp-field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className={`tw-input tw-insp-textarea${invalid ? ' tw-insp-input--invalid' : ''}`}
        value={draft.text}
        placeholder={placeholder}
        rows={4}
        aria-invalid={invalid}
        aria-describedby={describedBy(invalid && msgId)}
        onChange={draft.onChange}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
        onKeyDown={draft.onKeyDown}
      />
      <FieldMessage id={msgId} message={draft.message} />
    </div>
  );
}
