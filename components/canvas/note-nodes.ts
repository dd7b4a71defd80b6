// The plan's sticky notes as React Flow nodes. Pure (no React): a note's node id is `note:<id>`, which no call id can
// be (a call id has no colon), so a note is never taken for a call: it has no handles, is not connectable, and the
// canvas keeps its selection apart from the calls'. Each rebuild reuses the node object of every note that did not change.
import type { Node } from '@xyflow/react';
import type { Note } from '@/lib/plan';

export const NOTE_NODE_PREFIX = 'note:';

export interface NoteNodeData extends Record<string, unknown> {
  note: Note;
  /** Its text is being edited in place. */
  editing: boolean;
}

export type NoteNodeType = Node<NoteNodeData, 'note'>;

/** A note's height before React Flow has measured it (it follows the text). */
export const NOTE_INITIAL_HEIGHT = 96;

export const noteNodeId = (id: string): string => `${NOTE_NODE_PREFIX}${id}`;

/** The note id behind a node id, or null for any other node (a call, a wave band). */
export function noteIdOf(nodeId: string): string | null {
  return nodeId.startsWith(NOTE_NODE_PREFIX) ? nodeId.slice(NOTE_NODE_PREFIX.length) : null;
}

/** What a screen reader hears on a note's node: `Note: Search is the slow one` (long text cut). */
export function noteLabel(note: Note): string {
  const text = note.text.trim().replace(/\s+/g, ' ');
  if (text === '') return 'Note (empty)';
  return `Note: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`;
}

/** The notes' nodes, reusing from `prev` every node whose note, selection and editing state are unchanged. */
export function buildNoteNodes(
  prev: readonly NoteNodeType[],
  notes: readonly Note[] | undefined,
  selected: ReadonlySet<string>,
  editing: string | null,
): NoteNodeType[] {
  if (notes === undefined || notes.length === 0) return prev.length === 0 ? (prev as NoteNodeType[]) : [];
  const old = new Map(prev.map((n) => [n.id, n]));
  let same = prev.length === notes.length;
  const nodes = notes.map((note, i): NoteNodeType => {
    const id = noteNodeId(note.id);
    const isSelected = selected.has(note.id);
    const isEditing = editing === note.id;
    const was = old.get(id);
    if (was !== undefined && was.data.note === note && was.data.editing === isEditing && (was.selected ?? false) === isSelected) {
      if (prev[i] !== was) same = false;
      return was;
    }
    same = false;
    return {
      id,
      type: 'note',
      position: { x: note.position.x, y: note.position.y },
      width: note.width,
      // Shown at once (React Flow hides a node it has not measured), so a new note's textarea can take focus; then measured.
      initialHeight: NOTE_INITIAL_HEIGHT,
      selected: isSelected,
      connectable: false,
      deletable: false,
      className: `tw-note-node tw-note-node--${note.color}`,
      data: { note, editing: isEditing },
      ariaLabel: noteLabel(note),
    };
  });
  return same ? (prev as NoteNodeType[]) : nodes;
}

/**
 * Whether the controls, wider than a narrow note, would reach past the canvas's right edge (under the inspector) if
 * they started at the note's left edge, and fit if they end at its right edge instead.
 */
export function barFromEnd(note: { left: number; right: number }, barWidth: number, canvas: { left: number; right: number }): boolean {
  return note.left + barWidth > canvas.right && note.right - barWidth >= canvas.left;
}
