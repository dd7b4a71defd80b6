'use client';
// Everything the canvas can do to the plan on view (the top plan, or a drilled-in sub-agent's nested plan), each as
// ONE undoable edit through the store's editView: add, connect, delete, duplicate, nudge, auto-layout, and the sticky
// notes' edits; plus selection and view actions. Read the store at the moment an action runs, never during render.
import { useMemo, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { addCall, connect, disconnect, duplicateCalls, moveCalls, removeCalls, setEdgeOptional } from '@/lib/plan/edit';
import { addNote, moveNotes, NOTE_LIMITS, removeNotes } from '@/lib/plan/notes';
import type { ToolKey } from '@/lib/plan/palette';
import { refuse } from '@/lib/store/document';
import { useAppStoreApi } from '@/lib/store/provider';
import { selectViewPlan } from '@/lib/store/selectors';
import { edgeId, type XY } from './model';
import { noteIdOf } from './note-nodes';
import { findFreeSpot } from './placement';
import { NODE_SIZE } from './view-model';
import { clearOfPalette } from './use-stay-fitted';

/** Room the palette takes on the canvas's left edge (px): kept clear when fitting and when placing a new call. */
const PALETTE_ROOM = 64;
export const FIT_OPTIONS = {
  padding: { top: '48px', right: '32px', bottom: '32px', left: `${PALETTE_ROOM + 8}px` },
  maxZoom: 1.15,
} as const;
/** The room a new note is given (it grows with its text, and with the type zoomed out), so it lands clear of the rest. */
const NOTE_HEIGHT = 150;
/** How far a duplicate lands from its original. */
const DUPLICATE_OFFSET = { x: 32, y: 32 };

export interface CanvasActions {
  /** Adds a call from the palette at `at` (top-left corner), or in free space near the view's centre. */
  add: (key: ToolKey, at?: XY) => void;
  /** Connects `from → to`, or says why not (a cycle, a duplicate, a self-edge). */
  connect: (from: string, to: string) => void;
  setOptional: (from: string, to: string, optional: boolean) => void;
  remove: (from: string, to: string) => void;
  /** Adds an empty sticky note in free space near the view's centre and opens it for typing. */
  addNote: () => void;
  /** Commits a drag: the dragged calls' and notes' new positions, by node id (one undo step). */
  move: (positions: ReadonlyMap<string, XY>) => void;
  deleteSelection: () => boolean;
  duplicateSelection: () => boolean;
  /** Moves the selected calls and notes by (dx, dy); consecutive nudges of one selection are one undo step. */
  nudge: (dx: number, dy: number) => boolean;
  selectAll: () => void;
  clearSelection: () => boolean;
  autoLayout: () => void;
  fit: () => void;
}

/** The canvas's own state of the sticky notes: which are selected, which one is being typed in. */
export interface NoteSelection {
  selected: ReadonlySet<string>;
  setSelected: (notes: ReadonlySet<string>) => void;
  setEditing: (id: string | null) => void;
}

export function useCanvasActions(
  selectedEdges: ReadonlySet<string>,
  setSelectedEdges: (edges: ReadonlySet<string>) => void,
  viewportRef: RefObject<HTMLElement | null>,
  notes: NoteSelection,
): CanvasActions {
  const store = useAppStoreApi();
  const rf = useReactFlow();
  return useMemo(() => {
    const noEdges: ReadonlySet<string> = new Set();
    const fit = () => void rf.fitView(clearOfPalette(viewportRef.current, FIT_OPTIONS));

    /** The middle of what the user sees (right of the palette), in flow coordinates. */
    const centreOfView = (): XY => {
      const r = viewportRef.current?.getBoundingClientRect();
      const screen =
        r === undefined
          ? { x: window.innerWidth / 2, y: window.innerHeight / 2 }
          : { x: r.left + PALETTE_ROOM + (r.width - PALETTE_ROOM) / 2, y: r.top + r.height / 2 };
      return rf.screenToFlowPosition(screen);
    };
    /** The free spot nearest the middle of what the user sees. */
    const spotNearCentre = (calls: readonly { position?: XY }[]): XY => {
      const occupied = calls.flatMap((c) => (c.position === undefined ? [] : [{ ...c.position, ...NODE_SIZE }]));
      return findFreeSpot(occupied, centreOfView(), NODE_SIZE);
    };

    /** Selects just these calls and notes (no edge): after adding, deleting or clearing. */
    const selectOnly = (callIds: string[], noteIds: string[] = []) => {
      store.getState().select(callIds);
      setSelectedEdges(noEdges);
      notes.setSelected(new Set(noteIds));
    };

    const actions: CanvasActions = {
      add: (key, at) => {
        const s = store.getState();
        const r = s.editView((plan) => {
          const added = addCall(plan, key, at ?? spotNearCentre(plan.calls));
          return added.id === null ? refuse(added.reason) : { ok: true, plan: added.plan, id: added.id };
        });
        if (!r.ok) {
          s.notify({ tone: 'error', text: `Cannot add a call: ${r.reason}.` });
          return;
        }
        s.select([r.id]);
        setSelectedEdges(noEdges);
      },
      connect: (from, to) => {
        const s = store.getState();
        const r = s.editView((plan) => connect(plan, from, to));
        if (!r.ok) s.notify({ tone: 'error', text: `Cannot connect ${from} → ${to}: ${r.reason}.` });
      },
      setOptional: (from, to, optional) => {
        store.getState().editView((plan) => setEdgeOptional(plan, from, to, optional));
      },
      remove: (from, to) => {
        store.getState().editView((plan) => disconnect(plan, from, to));
        setSelectedEdges(noEdges);
      },
      addNote: () => {
        const s = store.getState();
        const r = s.editView((plan) => {
          const size = { width: NOTE_LIMITS.defaultWidth, height: NOTE_HEIGHT };
          const occupied = [
            ...plan.calls.flatMap((c) => (c.position === undefined ? [] : [{ ...c.position, ...NODE_SIZE }])),
            ...(plan.notes ?? []).map((n) => ({ ...n.position, width: n.width, height: NOTE_HEIGHT })),
          ];
          const added = addNote(plan, findFreeSpot(occupied, centreOfView(), size));
          return added.id === null ? refuse(added.reason) : { ok: true, plan: added.plan, id: added.id };
        });
        if (!r.ok) {
          s.notify({ tone: 'error', text: `Cannot add a note: ${r.reason}.` });
          return;
        }
        selectOnly([], [r.id]);
        notes.setEditing(r.id);
      },
      move: (positions) => {
        const calls: Record<string, XY> = {};
        const moved: Record<string, XY> = {};
        for (const [id, p] of positions) {
          const note = noteIdOf(id);
          if (note === null) calls[id] = p;
          else moved[note] = p;
        }
        store.getState().editView((plan) => moveNotes(moveCalls(plan, calls), moved));
      },
      deleteSelection: () => {
        const s = store.getState();
        const selected = s.selected;
        const hasEdges = selectViewPlan(s).dependencies.some((d) => selectedEdges.has(edgeId(d.from, d.to)));
        const hasNotes = (selectViewPlan(s).notes ?? []).some((n) => notes.selected.has(n.id));
        if (selected.length === 0 && !hasEdges && !hasNotes) return false;
        s.editView((plan) => {
          let next = removeNotes(plan, notes.selected);
          for (const d of plan.dependencies) if (selectedEdges.has(edgeId(d.from, d.to))) next = disconnect(next, d.from, d.to);
          return selected.length > 0 ? removeCalls(next, selected) : next;
        });
        selectOnly([]);
        return true;
      },
      duplicateSelection: () => {
        const s = store.getState();
        if (s.selected.length === 0) return false;
        const r = s.editView((plan) => {
          const copy = duplicateCalls(plan, s.selected, DUPLICATE_OFFSET);
          return copy.reason !== undefined ? refuse(copy.reason) : { ok: true, plan: copy.plan, ids: copy.ids };
        });
        if (!r.ok) {
          s.notify({ tone: 'error', text: `Cannot duplicate: ${r.reason}.` });
          return true;
        }
        s.select(r.ids);
        setSelectedEdges(noEdges);
        return true;
      },
      nudge: (dx, dy) => {
        const s = store.getState();
        if (s.selected.length === 0 && notes.selected.size === 0) return false;
        const chosen = new Set(s.selected);
        s.editView(
          (plan) => {
            const positions: Record<string, XY> = {};
            for (const c of plan.calls)
              if (chosen.has(c.id) && c.position !== undefined) positions[c.id] = { x: c.position.x + dx, y: c.position.y + dy };
            const notePositions: Record<string, XY> = {};
            for (const n of plan.notes ?? [])
              if (notes.selected.has(n.id)) notePositions[n.id] = { x: n.position.x + dx, y: n.position.y + dy };
            return moveNotes(moveCalls(plan, positions), notePositions);
          },
          { coalesce: `nudge:${[...chosen].sort().join(',')}|${[...notes.selected].sort().join(',')}` },
        );
        return true;
      },
      selectAll: () => {
        const s = store.getState();
        s.select(selectViewPlan(s).calls.map((c) => c.id));
        setSelectedEdges(noEdges);
      },
      clearSelection: () => {
        const s = store.getState();
        if (s.selected.length === 0 && selectedEdges.size === 0 && notes.selected.size === 0) return false;
        selectOnly([]);
        return true;
      },
      autoLayout: () => {
        const s = store.getState();
        if (selectViewPlan(s).calls.length === 0) return;
        // The layout library loads on first use (it is not part of the first screen).
        void import('@/lib/plan/layout').then(({ applyLayout }) => {
          store.getState().editView((plan) => applyLayout(plan));
          // Queued by React Flow until the new positions arrive.
          fit();
        });
      },
      fit,
    };
    return actions;
  }, [store, rf, selectedEdges, setSelectedEdges, viewportRef, notes]);
}
