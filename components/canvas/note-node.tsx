'use client';
// A sticky note on the canvas: plain text (never HTML), edited in place in a textarea (Escape, Ctrl/⌘+Enter or leaving
// it commits, as one undo step), with its colour and delete controls above it. In Presentation mode it is read-only.
// It is not a call: no handles, no run state, never connectable.
import { memo, useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NOTE_COLORS, NOTE_LIMITS, type NoteColor } from '@/lib/plan/notes';
import { useAppStore } from '@/lib/store/provider';
import { selectPresenting } from '@/lib/store/selectors';
import { NoteActionsContext, type NoteActions } from './note-actions';
import { barFromEnd, type NoteNodeType } from './note-nodes';
import { LineIcon } from '../icons';

const COLOR_NAME: Record<NoteColor, string> = { yellow: 'Yellow', blue: 'Blue', green: 'Green', pink: 'Pink' };

/** How much Narrower / Wider change a note's width, px. */
const WIDTH_STEP = 80;
const NARROWER_ICON = 'M2 4l3 4-3 4M14 4l-3 4 3 4';
const WIDER_ICON = 'M5 4L2 8l3 4M11 4l3 4-3 4';
const EDIT_ICON = 'M10.5 2.5l3 3L6 13H3v-3z M9 4l3 3';
const DELETE_ICON = 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5';

interface NoteAction {
  label: string;
  title: string;
  icon: string;
  run: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/** The buttons beside the swatches: resize, edit, delete. */
function noteActions(note: NoteNodeType['data']['note'], actions: NoteActions): NoteAction[] {
  const { minWidth, maxWidth } = NOTE_LIMITS;
  return [
    {
      label: 'Narrower note',
      title: 'Narrower',
      icon: NARROWER_ICON,
      disabled: note.width <= minWidth,
      run: () => actions.update(note.id, { width: Math.max(minWidth, note.width - WIDTH_STEP) }),
    },
    {
      label: 'Wider note',
      title: 'Wider',
      icon: WIDER_ICON,
      disabled: note.width >= maxWidth,
      run: () => actions.update(note.id, { width: Math.min(maxWidth, note.width + WIDTH_STEP) }),
    },
    { label: 'Edit note text', title: 'Edit the text (or double-click it)', icon: EDIT_ICON, run: () => actions.edit(note.id) },
    { label: 'Delete note', title: 'Delete this note (Delete)', icon: DELETE_ICON, danger: true, run: () => actions.remove(note.id) },
  ];
}

/** The text being typed: committed once, when the person is done (Escape, Ctrl/⌘+Enter, or focus leaving it). */
function NoteEditor({ id, text, actions }: { id: string; text: string; actions: NoteActions }) {
  const [draft, setDraft] = useState(text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const commit = () => {
    if (done.current) return;
    done.current = true;
    if (draft !== text) actions.update(id, { text: draft });
    actions.edit(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      e.stopPropagation();
      // Back to the note itself, so Delete or the arrow keys act on it next.
      const node = e.currentTarget.closest<HTMLElement>('.react-flow__node');
      commit();
      node?.focus();
    }
  };
  return (
    <textarea
      ref={ref}
      className="tw-note__input nodrag nowheel nopan"
      aria-label="Note text"
      title="Escape or Ctrl/⌘+Enter to finish"
      maxLength={NOTE_LIMITS.maxText}
      value={draft}
      placeholder="Write a note…"
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={commit}
    />
  );
}

function NoteNodeView({ data }: NodeProps<NoteNodeType>) {
  const { note, editing } = data;
  const actions = useContext(NoteActionsContext);
  const presenting = useAppStore(selectPresenting);
  const readOnly = presenting || actions === null;
  const bar = useRef<HTMLDivElement>(null);
  const [fromEnd, setFromEnd] = useState(false);
  // Placed as the controls are about to be used (the pointer comes onto the note or lets go of it, as at the end of a
  // drag, or focus comes into it): the view pans and zooms without the note drawing again, so where it sits on screen
  // is read then.
  const placeBar = (e: { currentTarget: HTMLElement }) => {
    const canvas = e.currentTarget.closest('.react-flow');
    if (bar.current === null || canvas === null) return;
    setFromEnd(
      barFromEnd(e.currentTarget.getBoundingClientRect(), bar.current.getBoundingClientRect().width, canvas.getBoundingClientRect()),
    );
  };
  return (
    <div className={`tw-note tw-note--${note.color}`} onPointerEnter={placeBar} onPointerUp={placeBar} onFocus={placeBar}>
      {!readOnly && (
        <div ref={bar} className={`tw-note__bar nodrag nopan${fromEnd ? ' tw-note__bar--end' : ''}`} role="group" aria-label="Note">
          {NOTE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`tw-note__swatch tw-note__swatch--${c}`}
              aria-label={`${COLOR_NAME[c]} note`}
              aria-pressed={note.color === c}
              title={`${COLOR_NAME[c]}`}
              onClick={() => actions.update(note.id, { color: c })}
            />
          ))}
          <span className="tw-note__bar-sep" aria-hidden="true" />
          {noteActions(note, actions).map((b) => (
            <button
              key={b.label}
              type="button"
              className={b.danger ? 'tw-ghost-button tw-note__action tw-note__action--danger' : 'tw-ghost-button tw-note__action'}
              aria-label={b.label}
              title={b.title}
              disabled={b.disabled}
              onClick={b.run}
            >
              <LineIcon d={b.icon} size={13} weight={1.5} />
            </button>
          ))}
        </div>
      )}
      {editing && !readOnly ? (
        <NoteEditor id={note.id} text={note.text} actions={actions} />
      ) : (
        <p
          className={`tw-note__text${note.text === '' ? ' tw-note__text--empty' : ''}`}
          onDoubleClick={readOnly ? undefined : () => actions.edit(note.id)}
        >
          {note.text === '' ? (readOnly ? '' : 'Empty note: double-click to write') : note.text}
        </p>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
