'use client';
// What a sticky note's own controls can do (edit its text, change its colour, delete it), each ONE undoable edit
// through the store's editView; given to the note nodes by context, so their data carries no callbacks.
import { createContext, useMemo } from 'react';
import { formatProblem } from '@/lib/plan/parse';
import { removeNotes, updateNote, type NotePatch } from '@/lib/plan/notes';
import { refuse } from '@/lib/store/document';
import { useAppStoreApi } from '@/lib/store/provider';

export interface NoteActions {
  /** Opens a note's text for typing (null closes whichever is open). */
  edit: (id: string | null) => void;
  /** Changes a note's text, colour or width; a refusal (text too long) is said in a notice. */
  update: (id: string, patch: NotePatch) => void;
  remove: (id: string) => void;
}

export const NoteActionsContext = createContext<NoteActions | null>(null);

export function useNoteActions(setEditing: (id: string | null) => void, setSelected: (notes: ReadonlySet<string>) => void): NoteActions {
  const store = useAppStoreApi();
  return useMemo(
    () => ({
      edit: setEditing,
      update: (id, patch) => {
        const s = store.getState();
        const r = s.editView((plan) => {
          const u = updateNote(plan, id, patch);
          return u.ok ? u.plan : refuse(u.problems.map(formatProblem).join('; '));
        });
        if (!r.ok) s.notify({ tone: 'error', text: `Cannot change the note: ${r.reason}.` });
      },
      remove: (id) => {
        store.getState().editView((plan) => removeNotes(plan, [id]));
        setEditing(null);
        setSelected(new Set());
      },
    }),
    [store, setEditing, setSelected],
  );
}
