'use client';
// React Flow's controlled state for the canvas. The plan and the store's selection are the truth: nodes and edges
// are derived from them (unchanged ones keep their objects). A drag lives here, in local overrides, until it stops;
// the bands follow the dragged nodes frame by frame without the plan changing. Notes are nodes too (`note:<id>`), with
// their own selection here, never in the store's (which holds calls only).
import { useCallback, useMemo, useState } from 'react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Plan } from '@/lib/plan';
import { waveBands } from '@/lib/plan/wave-bands';
import { useAppStoreApi } from '@/lib/store/provider';
import type { DependencyEdgeType } from './dependency-edge';
import type { NoteSelection } from './use-canvas-actions';
import type { XY } from './model';
import { buildNoteNodes, noteIdOf, type NoteNodeType } from './note-nodes';
import type { ToolCallNodeType } from './tool-call-node';
import { NODE_SIZE, buildView, type CanvasView } from './view-model';
import { waveBandNodes, type WaveBandNodeType } from './wave-bands';

export type CanvasNode = ToolCallNodeType | WaveBandNodeType | NoteNodeType;

const NO_EDGES: ReadonlySet<string> = new Set();
const NO_BANDS: ReadonlyMap<string, WaveBandNodeType> = new Map();
const NO_NOTES: ReadonlySet<string> = new Set();
const NO_NOTE_NODES: NoteNodeType[] = [];

function positionsOf(nodes: readonly ToolCallNodeType[]): Map<string, XY> {
  const m = new Map<string, XY>();
  for (const n of nodes) m.set(n.id, n.position);
  return m;
}

export interface CanvasGraph {
  view: CanvasView;
  /** Bands first (drawn under everything), then the notes, then the calls. */
  nodes: CanvasNode[];
  selectedEdges: ReadonlySet<string>;
  setSelectedEdges: (edges: ReadonlySet<string>) => void;
  /** The selected notes (by note id), and setting them or the note whose text is edited in place. */
  notes: NoteSelection;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<DependencyEdgeType>[]) => void;
  /** Ends a drag: forgets the local positions and returns the dragged calls' and notes' final ones, by node id (to commit). */
  endDrag: (dragged: readonly CanvasNode[]) => Map<string, XY>;
}

export function useCanvasGraph(plan: Plan, selected: readonly string[]): CanvasGraph {
  const store = useAppStoreApi();
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(NO_EDGES);
  const [selectedNotes, setSelectedNotes] = useState<ReadonlySet<string>>(NO_NOTES);
  const [editingNote, setEditingNote] = useState<string | null>(null);
  const [noteNodes, setNoteNodes] = useState<NoteNodeType[]>(NO_NOTE_NODES);
  const nextNoteNodes = buildNoteNodes(noteNodes, plan.notes, selectedNotes, editingNote);
  if (nextNoteNodes !== noteNodes) setNoteNodes(nextNoteNodes);

  const [view, setView] = useState(() => buildView(null, plan, selected, selectedEdges));
  if (view.plan !== plan || view.selected !== selected || view.selectedEdges !== selectedEdges) {
    setView(buildView(view, plan, selected, selectedEdges));
  }

  const [drag, setDrag] = useState<ReadonlyMap<string, XY> | null>(null);
  const callNodes = useMemo(
    () =>
      drag === null
        ? view.nodes
        : view.nodes.map((n) => {
            const p = drag.get(n.id);
            return p === undefined ? n : { ...n, position: p, dragging: true };
          }),
    [view.nodes, drag],
  );

  const strategy = plan.settings.strategy;
  const restingBands = useMemo(
    () => waveBandNodes(waveBands(plan, positionsOf(view.nodes), NODE_SIZE, { waves: view.model.waves }), strategy, NO_BANDS),
    [plan, view.nodes, view.model, strategy],
  );
  const bands = useMemo(
    () =>
      drag === null
        ? restingBands
        : waveBandNodes(
            waveBands(plan, positionsOf(callNodes), NODE_SIZE, { waves: view.model.waves }),
            strategy,
            new Map(restingBands.map((b) => [b.id, b])),
          ),
    [drag, restingBands, plan, callNodes, view.model, strategy],
  );
  const draggedNotes = useMemo(
    () =>
      drag === null
        ? noteNodes
        : noteNodes.map((n) => {
            const p = drag.get(n.id);
            return p === undefined ? n : { ...n, position: p, dragging: true };
          }),
    [noteNodes, drag],
  );
  const nodes = useMemo<CanvasNode[]>(() => [...bands, ...draggedNotes, ...callNodes], [bands, draggedNotes, callNodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      let moved: Map<string, XY> | null = null;
      let picked: Map<string, boolean> | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position !== undefined && c.dragging === true) (moved ??= new Map()).set(c.id, c.position);
        else if (c.type === 'select') (picked ??= new Map()).set(c.id, c.selected);
      }
      if (moved !== null) {
        const m = moved;
        setDrag((d) => {
          const next = new Map(d ?? []);
          for (const [id, p] of m) next.set(id, p);
          return next;
        });
      }
      if (picked !== null) {
        const s = store.getState();
        const next = new Set(s.selected);
        const notes: [string, boolean][] = [];
        for (const [id, on] of picked) {
          const note = noteIdOf(id);
          if (note !== null) notes.push([note, on]);
          else if (on) next.add(id);
          else next.delete(id);
        }
        if (next.size !== s.selected.length || [...next].some((id) => !s.selected.includes(id))) s.select([...next]);
        if (notes.length > 0) {
          setSelectedNotes((prev) => {
            const chosen = new Set(prev);
            for (const [id, on] of notes) {
              if (on) chosen.add(id);
              else chosen.delete(id);
            }
            return chosen.size === 0 ? NO_NOTES : chosen;
          });
        }
      }
    },
    [store],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<DependencyEdgeType>[]) => {
    const picked = changes.filter((c) => c.type === 'select');
    if (picked.length === 0) return;
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of picked) {
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next.size === 0 ? NO_EDGES : next;
    });
  }, []);

  const endDrag = useCallback((dragged: readonly CanvasNode[]) => {
    const positions = new Map<string, XY>();
    for (const n of dragged) if (n.type === 'toolCall' || n.type === 'note') positions.set(n.id, n.position);
    setDrag(null);
    return positions;
  }, []);

  const notes = useMemo(
    () => ({ selected: selectedNotes, setSelected: setSelectedNotes, setEditing: setEditingNote }),
    [selectedNotes, setSelectedNotes, setEditingNote],
  );
  return { view, nodes, selectedEdges, setSelectedEdges, notes, onNodesChange, onEdgesChange, endDrag };
}
