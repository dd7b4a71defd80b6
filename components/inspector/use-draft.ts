'use client';
// One field's text, kept locally while it is edited. Each change is checked by the schema (through `check`):
// a valid text is committed at once (live fields) or on blur/Enter (`commitOn: 'blur'`, e.g. renames); an
// invalid one stays in the field with its message and never reaches the plan. When the plan changes from
// elsewhere (undo, the canvas) the field shows the new value, unless it is focused with an invalid draft.
// Commits go through the store's editView; the edits of one field in one focus session share a coalesce key and so
// make a single undo step (typing "1000" is one undo, not four).
import { useCallback, useId, useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent } from 'react';
import type { Plan } from '@/lib/plan';
import { refuse } from '@/lib/store/document';
import { useAppStoreApi } from '@/lib/store/provider';
import { selectViewPlan } from '@/lib/store/selectors';
import type { Candidate } from './candidate';
import { numberText, sameNumber } from './numbers';

export interface DraftOptions {
  /** The text the plan's current value shows as. */
  value: string;
  /** Builds the candidate plan for a text, from the plan as it is now. */
  check: (text: string, plan: Plan) => Candidate;
  /** `change` (default): every valid keystroke commits (folded into one undo step). `blur`: only blur or Enter. */
  commitOn?: 'change' | 'blur';
  /** True when a draft and the plan's value mean the same thing (`1.` and `1`); default: same text. */
  same?: (draft: string, value: string) => boolean;
  /** A stable name for the field, for undo folding. */
  name: string;
  /** Called after a successful commit (a rename re-selects the new id). */
  onCommitted?: (text: string, plan: Plan) => void;
  /** Enter commits (single-line fields); textareas keep Enter for new lines. */
  enterCommits?: boolean;
}

interface Draft {
  text: string;
  message: string | null;
}

export interface DraftField {
  text: string;
  message: string | null;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  onFocus: (e: FocusEvent) => void;
  onBlur: (e: FocusEvent) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  /** Sets the text as if typed (for buttons beside the field, e.g. "new seed"). */
  setText: (text: string) => void;
}

const sameText = (a: string, b: string) => a === b;

export function useDraft({
  value,
  check,
  commitOn = 'change',
  same = sameText,
  name,
  onCommitted,
  enterCommits = true,
}: DraftOptions): DraftField {
  const store = useAppStoreApi();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(value);
  /** The coalesce key of this focus session: edits under one key are one undo step. */
  const session = useRef('');
  const fieldId = useId();
  const sessions = useRef(0);
  /** A key no other field or focus session has used: `inspector:retry.maxAttempts«r3»#12`. */
  const newSessionKey = useCallback(() => {
    sessions.current += 1;
    return `inspector:${name}${fieldId}#${sessions.current}`;
  }, [fieldId, name]);

  // The plan changed under the field (undo, the canvas, another field): follow it, unless the person is
  // in the middle of typing something the plan does not hold yet.
  if (value !== seen) {
    setSeen(value);
    if (draft !== null) {
      const keep = focused && (draft.message !== null || commitOn === 'blur' || same(draft.text, value));
      if (!keep) setDraft(null);
    }
  }

  const apply = useCallback(
    (text: string, commit: boolean): Draft => {
      if (!commit) {
        const candidate = check(text, selectViewPlan(store.getState()));
        return { text, message: candidate.ok ? null : candidate.message };
      }
      if (session.current === '') session.current = newSessionKey();
      const r = store.getState().editView(
        (plan) => {
          const candidate = check(text, plan);
          return candidate.ok ? candidate : refuse(candidate.message);
        },
        { coalesce: session.current },
      );
      if (!r.ok) return { text, message: r.reason };
      onCommitted?.(text, r.plan);
      return { text, message: null };
    },
    [check, newSessionKey, onCommitted, store],
  );

  const change = useCallback(
    (text: string) => {
      setDraft(apply(text, commitOn === 'change'));
    },
    [apply, commitOn],
  );

  const finish = useCallback(() => {
    if (draft === null) return;
    if (commitOn === 'blur') {
      if (draft.message !== null) return;
      if (same(draft.text, value)) {
        setDraft(null);
        return;
      }
      const next = apply(draft.text, true);
      setDraft(next.message === null ? null : next);
      return;
    }
    // Live fields have committed already: a valid draft gives way to the plan's own text.
    if (draft.message === null) setDraft(null);
  }, [apply, commitOn, draft, same, value]);

  return {
    text: draft?.text ?? value,
    message: draft?.message ?? null,
    onChange: (e) => change(e.target.value),
    onFocus: () => {
      session.current = newSessionKey();
      setFocused(true);
    },
    onBlur: () => {
      setFocused(false);
      finish();
    },
    onKeyDown: (e) => {
      if (e.key === 'Escape' && draft !== null) {
        // Cancel this field's edit: back to the value it had when focused (the session's commits are one undo
        // step, taken back while it is still the last), or to what the plan holds.
        e.preventDefault();
        e.stopPropagation();
        const s = store.getState();
        if (session.current !== '' && s.coalesceKey === session.current) s.undo();
        session.current = newSessionKey();
        setDraft(null);
      } else if (e.key === 'Enter' && enterCommits && !e.shiftKey && !e.nativeEvent.isComposing) {
        e.preventDefault();
        finish();
        // What is typed after Enter is a new step.
        session.current = newSessionKey();
      }
    },
    setText: (text) => {
      // A button's value is a step of its own.
      session.current = newSessionKey();
      change(text);
      session.current = '';
    },
  };
}

/** A number field's draft: the value shown as plain digits, and a draft such as `1.` the same as `1`. */
export function useNumberDraft(name: string, value: number | null | undefined, check: DraftOptions['check']): DraftField {
  return useDraft({ name, value: numberText(value), same: sameNumber, check });
}
