'use client';
// The inspector's form controls: a labelled text field wired to a draft (message beside it, linked by
// aria-describedby), and a radio group as a fieldset with a legend and one sentence per choice.
import { createContext, useContext, useId, type ReactNode } from 'react';

/**
 * A word put before every field label inside it ("Compensation" → "Compensation attempts"), so the compensation's
 * editors, the same components as the call's, have names of their own for screen readers and tests.
 */
export const FieldPrefix = createContext<string | null>(null);

/** The label as shown: prefixed inside a FieldPrefix. */
export function useFieldLabel(label: string): string {
  const prefix = useContext(FieldPrefix);
  return prefix === null ? label : `${prefix} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}
import type { DraftField } from './use-draft';

/** The id list for aria-describedby, or undefined when there is nothing to point at. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length === 0 ? undefined : list.join(' ');
}

/** A field's message: the schema's words, beside the field, announced politely. */
export function FieldMessage({ id, message }: { id: string; message: string | null }) {
  return (
    <p id={id} className="tw-insp-msg" aria-live="polite" hidden={message === null}>
      {message !== null && (
        <>
          <span className="tw-insp-msg__icon" aria-hidden="true">
            !
          </span>
          {message}
        </>
      )}
    </p>
  );
}

/** A field's block: its label, then the control and what goes under it. */
export function Field({ id, label, wide, children }: { id: string; label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`tw-insp-field${wide ? ' tw-insp-field--wide' : ''}`}>
      <label className="tw-insp-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A short line under a field (units, what empty means), pointed at by the control's aria-describedby. */
export function FieldHint({ id, hint }: { id: string; hint: ReactNode | undefined }) {
  return hint === undefined ? null : (
    <p id={id} className="tw-insp-hint">
      {hint}
    </p>
  );
}

/** What a text control takes from its draft: the text and the editing handlers. */
export function draftProps(draft: DraftField) {
  return { value: draft.text, onChange: draft.onChange, onFocus: draft.onFocus, onBlur: draft.onBlur, onKeyDown: draft.onKeyDown };
}

export interface TextFieldProps {
  label: string;
  draft: DraftField;
  /** A short line under the field (units, what empty means). */
  hint?: ReactNode;
  /** A unit shown inside the field's right edge, e.g. `ms`. */
  unit?: string;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  mono?: boolean;
  /** Spans both columns of a field grid. */
  wide?: boolean;
  /** Controls beside the input (e.g. "New seed"). */
  action?: ReactNode;
  autoComplete?: string;
}

export function TextField({
  label: plainLabel,
  draft,
  hint,
  unit,
  placeholder,
  inputMode = 'text',
  mono,
  wide,
  action,
  autoComplete = 'off',
}: TextFieldProps) {
  const label = useFieldLabel(plainLabel);
  const id = useId();
  const msgId = `${id}-msg`;
  const hintId = `${id}-hint`;
  const invalid = draft.message !== null;
  return (
    <Field id={id} label={label} wide={wide}>
      <div className="tw-insp-field__row">
        <div className={`tw-insp-input${unit ? ' tw-insp-input--unit' : ''}${invalid ? ' tw-insp-input--invalid' : ''}`}>
          <input
            id={id}
            type="text"
            className={mono ? 'tw-input tw-mono' : 'tw-input'}
            {...draftProps(draft)}
            placeholder={placeholder}
            inputMode={inputMode}
            autoComplete={autoComplete}
            spellCheck={false}
            aria-invalid={invalid}
            aria-describedby={describedBy(invalid && msgId, hint !== undefined && hintId)}
          />
          {unit && (
            <span className="tw-insp-input__unit" aria-hidden="true">
              {unit}
            </span>
          )}
        </div>
        {action}
      </div>
      <FieldMessage id={msgId} message={draft.message} />
      <FieldHint id={hintId} hint={hint} />
    </Field>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** One sentence on what this choice does. */
  sentence?: string;
}

/** Radio buttons in a fieldset; arrow keys move between them (the browser's own radio behaviour). */
export function ChoiceGroup<T extends string>({
  legend,
  value,
  choices,
  onChange,
  layout = 'list',
  note,
}: {
  legend: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  /** `list`: one row per choice with its sentence; `segments`: a compact row of buttons. */
  layout?: 'list' | 'segments';
  /** Shown under the group (e.g. the chosen option's sentence in segments layout). */
  note?: ReactNode;
}) {
  const name = useId();
  return (
    <fieldset className={`tw-insp-choices tw-insp-choices--${layout}`}>
      <legend className="tw-insp-field__label">{legend}</legend>
      <div className="tw-insp-choices__items">
        {choices.map((c) => {
          const id = `${name}-${c.value}`;
          const sentenceId = `${id}-s`;
          return (
            <div key={c.value} className={`tw-insp-choice${c.value === value ? ' tw-insp-choice--on' : ''}`}>
              <input
                id={id}
                type="radio"
                name={name}
                value={c.value}
                checked={c.value === value}
                onChange={() => onChange(c.value)}
                aria-describedby={layout === 'list' && c.sentence ? sentenceId : undefined}
              />
              <label htmlFor={id} className="tw-insp-choice__label">
                {c.label}
              </label>
              {layout === 'list' && c.sentence && (
                <span id={sentenceId} className="tw-insp-choice__sentence">
                  {c.sentence}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {note}
    </fieldset>
  );
}

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  half,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  /** One column of a field grid instead of the whole row. */
  half?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <Field id={id} label={label} wide={!half}>
      <select
        id={id}
        className="tw-input tw-insp-select"
        value={value}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked !== undefined) onChange(picked.value);
        }}
        aria-describedby={hint !== undefined ? hintId : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHint id={hintId} hint={hint} />
    </Field>
  );
}
