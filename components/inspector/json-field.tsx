'use client';
// A JSON textarea over a highlighted copy of its own text: `{{call.path}}` references are drawn as spans
// (React elements, never HTML) coloured by what they point at, and the ones that point nowhere useful are
// said in a sentence beside the field. The textarea on top takes every keystroke; the copy only paints.
import { useId, useMemo, type ReactNode } from 'react';
import { describedBy, draftProps, Field, FieldHint, FieldMessage } from './fields';
import type { RefContext, RefStatus, Segment } from './json-refs';
import { refProblems, segmentText } from './json-refs';
import type { DraftField } from './use-draft';

const STATUS_TITLE: Record<RefStatus, string> = {
  upstream: 'an upstream call',
  self: 'this call itself',
  'not-upstream': 'not an upstream of this call',
  unknown: 'no such call',
};

function paint(segments: readonly Segment[]): ReactNode[] {
  return segments.map((s, i) =>
    s.kind === 'text' ? (
      s.text
    ) : (
      <span key={i} className={`tw-ref tw-ref--${s.status}`} data-ref={s.id} title={`${s.id}: ${STATUS_TITLE[s.status]}`}>
        {s.text}
      </span>
    ),
  );
}

export function JsonField({
  label,
  draft,
  refs,
  hint,
  placeholder,
}: {
  label: string;
  draft: DraftField;
  refs?: RefContext;
  hint?: ReactNode;
  placeholder?: string;
}) {
  const id = useId();
  const msgId = `${id}-msg`;
  const refsId = `${id}-refs`;
  const hintId = `${id}-hint`;
  const text = draft.text;
  const segments = useMemo(() => (refs ? segmentText(text, refs) : [{ kind: 'text' as const, text }]), [refs, text]);
  const problems = useMemo(() => (refs ? refProblems(segments, refs) : []), [refs, segments]);
  const upstreamCount = segments.filter((s) => s.kind === 'ref' && s.status === 'upstream').length;
  const invalid = draft.message !== null;
  return (
    <Field id={id} label={label} wide>
      <div className={`tw-insp-json${invalid ? ' tw-insp-json--invalid' : ''}`}>
        <pre className="tw-insp-json__paint" aria-hidden="true">
          {paint(segments)}
          {/* A trailing newline in a textarea still takes a line: keep the copy as tall. */}
          {'\n'}
        </pre>
        <textarea
          id={id}
          className="tw-insp-json__text"
          {...draftProps(draft)}
          placeholder={placeholder}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy(invalid && msgId, problems.length > 0 && refsId, hint !== undefined && hintId)}
        />
      </div>
      <FieldMessage id={msgId} message={draft.message} />
      {problems.length > 0 && (
        <ul id={refsId} className="tw-insp-refs" aria-live="polite">
          {problems.map((p) => (
            <li key={p}>
              <span className="tw-insp-refs__icon" aria-hidden="true">
                ⚠
              </span>
              {p}
            </li>
          ))}
        </ul>
      )}
      {refs && problems.length === 0 && upstreamCount > 0 && (
        <p className="tw-insp-hint">
          {upstreamCount} {upstreamCount === 1 ? 'reference' : 'references'} to upstream calls, resolved from their output when this call
          runs.
        </p>
      )}
      <FieldHint id={hintId} hint={hint} />
    </Field>
  );
}
