'use client';
// The presenter's speaker notes: the plan's lesson (its description) in a panel over the stage, closed by default so
// the audience never sees it until the presenter asks (the Speaker notes button, or N); from the panel the notes also
// open in a second window, to keep on the presenter's own screen. Plain text (textContent), never HTML.
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
        <path
          d="M3 2.5h10v11H3z M5.5 5.5h5 M5.5 8h5 M5.5 10.5h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinecap="round"
        />
      </svg>
      <span>Speaker notes</span>
    </button>
  );
}

const NO_LESSON =
  'This plan has no description. Write its lesson in the plan’s settings (the inspector with no call selected) to have it here.';

/** Writes the notes into a window of their own (built node by node: no HTML string), or focuses it if it is open. */
function openNotesWindow(name: string, lesson: string): void {
  const win = window.open('', 'toolwave-speaker-notes', 'popup,width=620,height=520');
  if (win === null) return;
  const doc = win.document;
  doc.title = `Speaker notes · ${name}`;
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  doc.body.replaceChildren();
  doc.body.setAttribute(
    'style',
    `margin:0;padding:24px 28px;font:18px/1.6 system-ui,sans-serif;background:${dark ? '#0b1120' : '#ffffff'};color:${dark ? '#e5e9f0' : '#0f172a'}`,
  );
  const h = doc.createElement('h1');
  h.setAttribute('style', 'margin:0 0 12px;font-size:20px');
  h.textContent = `Speaker notes · ${name}`;
  const p = doc.createElement('p');
  p.setAttribute('style', 'margin:0;white-space:pre-wrap');
  p.textContent = lesson === '' ? NO_LESSON : lesson;
  doc.body.append(h, p);
  win.focus();
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
        <button
          type="button"
          className="tw-notes__window"
          onMouseDown={(e: MouseEvent) => e.preventDefault()}
          onClick={() => openNotesWindow(plan.name, lesson)}
        >
          Open in a new window
        </button>
        <button
          type="button"
          className="tw-notes__close"
          aria-label="Hide speaker notes"
          title="Hide speaker notes (N)"
          onMouseDown={(e: MouseEvent) => e.preventDefault()}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {lesson === '' ? <p className="tw-notes__empty">{NO_LESSON}</p> : <p className="tw-notes__text">{lesson}</p>}
    </aside>
  );
}
