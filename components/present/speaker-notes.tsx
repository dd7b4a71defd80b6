'use client';
// The presenter's speaker notes: the plan's lesson (its description) in a panel over the stage, closed by default so
// the audience never sees it until the presenter asks (the Speaker notes button, or N). Plain text, never HTML.
import type { MouseEvent } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectPlan } from '@/lib/store/selectors';

export const SPEAKER_NOTES_ID = 'tw-speaker-notes';

/** The toggle in the presentation's controls; it keeps focus off itself on a mouse press, as the other controls do. */
export function SpeakerNotesButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="tw-present__btn tw-present__btn--wide tw-notes-toggle"
      aria-pressed={open}
      aria-controls={open ? SPEAKER_NOTES_ID : undefined}
      title="Speaker notes: the plan’s lesson, for you only (N)"
      onMouseDown={(e: MouseEvent) => e.preventDefault()}
      onClick={onToggle}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M3 2.5h10v11H3z M5.5 5.5h5 M5.5 8h5 M5.5 10.5h3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
      <span>Speaker notes</span>
    </button>
  );
}

/** The notes panel; nothing at all is drawn while it is closed. */
export function SpeakerNotes({ open, onClose }: { open: boolean; onClose: () => void }) {
  const plan = useAppStore(selectPlan);
  if (!open) return null;
  const lesson = plan.description?.trim() ?? '';
  return (
    <aside id={SPEAKER_NOTES_ID} className="tw-notes" aria-labelledby="tw-speaker-notes-title">
      <div className="tw-notes__head">
        <h2 id="tw-speaker-notes-title" className="tw-notes__title">
          Speaker notes <span className="tw-notes__for">· {plan.name}</span>
        </h2>
        <button type="button" className="tw-notes__close" aria-label="Hide speaker notes" title="Hide speaker notes (N)" onMouseDown={(e: MouseEvent) => e.preventDefault()} onClick={onClose}>
          ×
        </button>
      </div>
      {lesson === '' ? (
        <p className="tw-notes__empty">This plan has no description. Write its lesson in the plan’s settings (the inspector with no call selected) to have it here.</p>
      ) : (
        <p className="tw-notes__text">{lesson}</p>
      )}
    </aside>
  );
}
