'use client';
// "Compare two policies": variant B, a copy of the plan with other retries, failure policies, timeouts, strategy or
// concurrency. Each field is checked by the plan's schema as it is typed (the message beside it, the Run button off
// while any is wrong); the fields B changed from A are marked and listed.
import { useId, useState, type Dispatch, type SetStateAction } from 'react';
import type { Plan } from '@/lib/plan';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectPlan, selectVariantB } from '@/lib/store/selectors';
import { formatCount } from './format';
import {
  EFFECT_CHOICES,
  fieldKey,
  fieldText,
  ON_FAILURE,
  sameCalls,
  setVariantField,
  STRATEGIES,
  variantChanges,
  type VariantField,
} from './variant';

/** What is typed in B's text fields that differs from B (while typing, or refused): by field key. */
export type VariantDrafts = Record<string, { text: string; error: string | null }>;

interface EditorProps {
  drafts: VariantDrafts;
  setDrafts: Dispatch<SetStateAction<VariantDrafts>>;
}

const FIRST_ROWS = 25;

const STRATEGY_WORDS: Record<(typeof STRATEGIES)[number], string> = { waves: 'Waves', eager: 'Eager', sequential: 'Sequential' };

function useField(b: Plan, a: Plan, { drafts, setDrafts }: EditorProps, f: VariantField) {
  const store = useAppStoreApi();
  const key = fieldKey(f);
  const draft = drafts[key];
  const value = draft?.text ?? fieldText(b, f) ?? '';
  const was = fieldText(a, f);
  const changed = was !== (fieldText(b, f) ?? '');
  const apply = (text: string) => {
    const current = store.getState().variantB;
    if (current === null) return;
    const r = setVariantField(current, f, text);
    if (r.ok) store.getState().setVariantB(r.plan);
    setDrafts((d) => ({ ...d, [key]: { text, error: r.ok ? null : r.message } }));
  };
  // Leaving a valid field shows B's value as B holds it (`3,000` → `3000`).
  const settle = () =>
    setDrafts((d) => {
      if (d[key] === undefined || d[key].error !== null) return d;
      const next = { ...d };
      delete next[key];
      return next;
    });
  return { key, value, error: draft?.error ?? null, changed, was, apply, settle };
}

function wasText(f: VariantField, was: string | null): string {
  if (was === null) return 'not in A';
  if (was === '') return f.kind === 'maxConcurrency' ? 'A: unlimited' : 'A: none';
  return `A: ${was}`;
}

type FieldState = ReturnType<typeof useField>;

/** A field's class and tooltip: marked, with A's value, when B changed it. */
function changedProps(f: VariantField, field: FieldState) {
  return {
    className: `tw-input tw-stats-field${field.changed ? ' tw-stats-field--changed' : ''}`,
    title: field.changed ? `Changed (${wasText(f, field.was)})` : undefined,
  };
}

/** A field with a fixed set of values; `words` names them where the value itself is not the word shown. */
function ChoiceSelect<T extends string>({
  f,
  field,
  choices,
  words,
  label,
}: {
  f: VariantField;
  field: FieldState;
  choices: readonly T[];
  words?: Record<T, string>;
  label?: string;
}) {
  return (
    <select {...changedProps(f, field)} aria-label={label} value={field.value} onChange={(e) => field.apply(e.target.value)}>
      {choices.map((o) => (
        <option key={o} value={o}>
          {words?.[o] ?? o}
        </option>
      ))}
    </select>
  );
}

function NumberInput({
  f,
  label,
  placeholder,
  field,
  msgId,
}: {
  f: VariantField;
  /** Its name, where no <label> around it gives one. */
  label?: string;
  placeholder?: string;
  field: FieldState;
  msgId: string;
}) {
  return (
    <input
      type="text"
      inputMode="numeric"
      {...changedProps(f, field)}
      aria-label={label}
      value={field.value}
      placeholder={placeholder}
      aria-invalid={field.error !== null}
      aria-describedby={field.error !== null ? msgId : undefined}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => field.apply(e.target.value)}
      onBlur={field.settle}
    />
  );
}

/** The effect of a call that has one, on its own line under the call's row (the table keeps its four columns). */
function EffectRow({ b, a, props, id }: { b: Plan; a: Plan; props: EditorProps; id: string }) {
  const effect = useField(b, a, props, { kind: 'effect', id });
  return (
    <tr className="tw-stats-vrow tw-stats-vrow--effect" data-call-effect={id}>
      <td colSpan={4}>
        <label className="tw-stats-vrow__effect">
          <span>Effect of {id}</span>
          <ChoiceSelect f={{ kind: 'effect', id }} field={effect} choices={EFFECT_CHOICES} />
        </label>
        {effect.error !== null && (
          <p className="tw-stats-msg" aria-live="polite">
            {id}: {effect.error}
          </p>
        )}
      </td>
    </tr>
  );
}

function CallRow({ b, a, props, id }: { b: Plan; a: Plan; props: EditorProps; id: string }) {
  const base = useId();
  const attempts = useField(b, a, props, { kind: 'maxAttempts', id });
  const onFailure = useField(b, a, props, { kind: 'onFailure', id });
  const timeout = useField(b, a, props, { kind: 'timeoutMs', id });
  const errors = [attempts, onFailure, timeout].filter((x) => x.error !== null);
  const changed = attempts.changed || onFailure.changed || timeout.changed;
  const hasEffect =
    (b.calls.find((c) => c.id === id)?.effect ?? 'none') !== 'none' || (a.calls.find((c) => c.id === id)?.effect ?? 'none') !== 'none';
  const msgId = `${base}-msg`;
  return (
    <>
      <tr className={changed ? 'tw-stats-vrow tw-stats-vrow--changed' : 'tw-stats-vrow'} data-call={id}>
        <th scope="row" className="tw-calls__id" title={id}>
          <span className="tw-stats-vrow__mark" aria-hidden="true">
            {changed ? '●' : ''}
          </span>
          {id}
        </th>
        <td>
          <NumberInput f={{ kind: 'maxAttempts', id }} label={`Max attempts of ${id}`} field={attempts} msgId={msgId} />
        </td>
        <td>
          <ChoiceSelect f={{ kind: 'onFailure', id }} field={onFailure} choices={ON_FAILURE} label={`On failure of ${id}`} />
        </td>
        <td>
          <NumberInput f={{ kind: 'timeoutMs', id }} label={`Timeout of ${id} in ms`} placeholder="none" field={timeout} msgId={msgId} />
        </td>
      </tr>
      {hasEffect && <EffectRow b={b} a={a} props={props} id={id} />}
      {errors.length > 0 && (
        <tr className="tw-stats-vrow__error">
          <td colSpan={4}>
            <p id={msgId} className="tw-stats-msg" aria-live="polite">
              {errors.map((e) => `${id}: ${e.error}`).join(' ')}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

function Settings({ b, a, props }: { b: Plan; a: Plan; props: EditorProps }) {
  const base = useId();
  const strategy = useField(b, a, props, { kind: 'strategy' });
  const concurrency = useField(b, a, props, { kind: 'maxConcurrency' });
  return (
    <div className="tw-stats-vsettings">
      <label className="tw-stats-vsettings__field">
        <span className="tw-field__label">Strategy</span>
        <ChoiceSelect f={{ kind: 'strategy' }} field={strategy} choices={STRATEGIES} words={STRATEGY_WORDS} />
      </label>
      <label className="tw-stats-vsettings__field">
        <span className="tw-field__label">Max concurrency</span>
        <NumberInput f={{ kind: 'maxConcurrency' }} placeholder="unlimited" field={concurrency} msgId={`${base}-msg`} />
      </label>
      {concurrency.error !== null && (
        <p id={`${base}-msg`} className="tw-stats-msg tw-stats-vsettings__msg" aria-live="polite">
          {concurrency.error}
        </p>
      )}
    </div>
  );
}

export function VariantEditor(props: EditorProps) {
  const store = useAppStoreApi();
  const a = useAppStore(selectPlan);
  const b = useAppStore(selectVariantB);
  const [open, setOpen] = useState(true);
  const [allRows, setAllRows] = useState(false);
  const headId = useId();

  if (b === null) {
    return (
      <section className="tw-stats-variant" aria-labelledby={headId}>
        <h2 id={headId} className="tw-h2 tw-caps">
          Compare two policies
        </h2>
        <p className="tw-stats-hint">
          Copy this plan as variant B, change its retries, failure policies, timeouts, strategy or concurrency, then run A and B on the same
          seeds.
        </p>
        <button
          type="button"
          className="tw-button tw-button--quiet tw-button--small tw-stats-variant__make"
          disabled={a.calls.length === 0}
          onClick={() => store.getState().setVariantB(store.getState().plan)}
        >
          Make variant B from this plan
        </button>
      </section>
    );
  }

  const changes = variantChanges(a, b);
  const rows = allRows ? b.calls : b.calls.slice(0, FIRST_ROWS);
  const discard = () => {
    store.getState().keepA();
    store.getState().notify({ tone: 'info', text: 'Variant B is discarded.' });
  };
  return (
    <section className="tw-stats-variant tw-stats-variant--on" aria-labelledby={headId}>
      <div className="tw-stats-variant__head">
        <h2 id={headId} className="tw-h2 tw-caps">
          Variant B
        </h2>
        <span className="tw-stats-variant__count">
          {changes.length === 0 ? 'no changes yet' : `${changes.length} ${changes.length === 1 ? 'change' : 'changes'} from A`}
        </span>
        <button type="button" className="tw-link tw-stats-variant__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide fields' : 'Edit fields'}
        </button>
      </div>
      {!sameCalls(a, b) && (
        <p className="tw-stats-stale" role="note">
          The plan’s calls have changed since B was made. Make B again to copy them.
        </p>
      )}
      {changes.length > 0 && (
        <ul className="tw-stats-changes" aria-label="Changes from A">
          {changes.map((c) => (
            <li key={c.key}>{c.text}</li>
          ))}
        </ul>
      )}
      {open && (
        <>
          <Settings b={b} a={a} props={props} />
          <table className="tw-calls tw-stats-vcalls">
            <caption className="tw-visually-hidden">Variant B’s policy for each call</caption>
            <thead>
              <tr>
                <th scope="col">Call</th>
                <th scope="col">Attempts</th>
                <th scope="col">On failure</th>
                <th scope="col">Timeout</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <CallRow key={c.id} b={b} a={a} props={props} id={c.id} />
              ))}
            </tbody>
          </table>
          <p className="tw-stats-hint">Timeouts in ms; empty means none. Retries wait as in A’s policy for each call.</p>
          {b.calls.length > FIRST_ROWS && (
            <button type="button" className="tw-link" aria-expanded={allRows} onClick={() => setAllRows(!allRows)}>
              {allRows ? `Show the first ${FIRST_ROWS} calls` : `Show all ${formatCount(b.calls.length)} calls`}
            </button>
          )}
        </>
      )}
      <div className="tw-stats-actions">
        <button
          type="button"
          className="tw-button tw-button--quiet tw-button--small"
          onClick={() => {
            props.setDrafts({});
            store.getState().setVariantB(store.getState().plan);
          }}
        >
          Copy A again
        </button>
        <button type="button" className="tw-button tw-button--quiet tw-button--small" onClick={discard}>
          Discard variant B
        </button>
      </div>
    </section>
  );
}
