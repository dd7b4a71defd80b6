'use client';
// One plan in the library list: open it, rename it in place (Enter saves, Escape cancels), duplicate or delete it.
// Every control is named after the plan it acts on ("Rename Research agent").
import { useEffect, useId, useRef, useState } from 'react';
import type { LibraryItem } from '@/lib/persist';
import { savedAgo } from './saved-ago';
import { LineIcon } from '../icons';

function Icon({ d }: { d: string }) {
  return <LineIcon d={d} size={14} weight={1.5} />;
}
const PENCIL = 'M10.5 2.5l3 3L6 13H3v-3z M9 4l3 3';
const COPY = 'M5.5 5.5h7v8h-7z M3.5 10.5v-8h7';
const TRASH = 'M2.5 4.5h11 M6 4.5V2.5h4v2 M4 4.5l.7 9h6.6l.7-9 M6.8 7v4.5 M9.2 7v4.5';

export interface LibraryRowProps {
  item: LibraryItem;
  /** The name to show: the live name for the open plan, the stored one for others. */
  name: string;
  current: boolean;
  damaged: boolean;
  now: number;
  onOpen: () => void;
  onRename: (name: string) => string | null;
  onDuplicate: () => void;
  onDelete: () => void;
}

function RenameField({ name, onDone, onRename }: { name: string; onDone: () => void; onRename: (name: string) => string | null }) {
  const [error, setError] = useState<string | null>(null);
  // Set once the field is done with (saved or cancelled), so the blur that follows does not submit again.
  const finished = useRef(false);
  const errorId = useId();
  const finish = () => {
    finished.current = true;
    onDone();
  };
  const submit = (value: string) => {
    const problem = onRename(value);
    if (problem === null) finish();
    else setError(problem);
  };
  return (
    <div className="tw-lib-row__rename">
      <input
        className="tw-input"
        type="text"
        defaultValue={name}
        maxLength={200}
        aria-label={`New name for ${name}`}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit(e.currentTarget.value);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            finish();
          }
        }}
        onBlur={(e) => {
          if (finished.current) return;
          if (e.currentTarget.value.trim() !== name) submit(e.currentTarget.value);
          else finish();
        }}
      />
      {error !== null && (
        <p id={errorId} className="tw-lib-row__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function LibraryRow({ item, name, current, damaged, now, onOpen, onRename, onDuplicate, onDelete }: LibraryRowProps) {
  const [editing, setEditing] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const metaId = useId();
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      openButton.current?.focus();
    }
  }, [editing]);
  const done = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const meta = damaged
    ? 'damaged: it cannot be opened'
    : `${current ? 'open · ' : ''}${now === 0 ? 'saved' : savedAgo(item.updatedAt, now)}`;
  return (
    <li className={`tw-lib-row${current ? ' tw-lib-row--current' : ''}${damaged ? ' tw-lib-row--damaged' : ''}`}>
      {editing ? (
        <RenameField name={name} onRename={onRename} onDone={done} />
      ) : damaged ? (
        <div className="tw-lib-row__main">
          <span className="tw-lib-row__name">{name}</span>
          <span className="tw-lib-row__meta">{meta}</span>
        </div>
      ) : (
        <button
          ref={openButton}
          type="button"
          className="tw-lib-row__main tw-lib-row__open"
          aria-label={`Open ${name}`}
          aria-current={current ? 'true' : undefined}
          aria-describedby={metaId}
          onClick={onOpen}
          title={name}
        >
          <span className="tw-lib-row__name">{name}</span>
          <span className="tw-lib-row__meta" id={metaId}>
            {meta}
          </span>
        </button>
      )}
      {!editing && (
        <div className="tw-lib-row__actions">
          {!damaged && (
            <>
              <button type="button" className="tw-lib-icon" aria-label={`Rename ${name}`} title="Rename" onClick={() => setEditing(true)}>
                <Icon d={PENCIL} />
              </button>
              <button type="button" className="tw-lib-icon" aria-label={`Duplicate ${name}`} title="Duplicate" onClick={onDuplicate}>
                <Icon d={COPY} />
              </button>
            </>
          )}
          <button type="button" className="tw-lib-icon tw-lib-icon--danger" aria-label={`Delete ${name}`} title="Delete" onClick={onDelete}>
            <Icon d={TRASH} />
          </button>
        </div>
      )}
    </li>
  );
}
