// Store selectors for the run at the cursor, one per node, edge or band. Each reads the run on view (the top run or
// a drilled-in sub-agent's nested run) at the view cursor and returns primitives or a flat record of them, for
// `useShallow`: a node re-renders only when what it draws changes, not on every tick of the cursor.
import type { AppState } from '@/lib/store/app-store';
import { indexById, preparedFor } from '@/lib/store/view';
import { drillNote, type DrillNote } from './drill-note';
import {
  bandPhase,
  edgeRunState,
  NO_EDGE_VIEW,
  NO_RUN_VIEW,
  nodeRunView,
  type BandPhase,
  type EdgeRunView,
  type NodeRunView,
} from './run-view';

/** The selector of call `id`'s state at the cursor. */
export function nodeRunSelector(id: string): (s: AppState) => NodeRunView {
  return (s) => {
    const v = s.runOnView;
    if (v === null) return NO_RUN_VIEW;
    const i = indexById(v.trace).get(id);
    if (i === undefined) return NO_RUN_VIEW;
    return nodeRunView(preparedFor(v.trace, v.plan), i, s.cursorMs - v.offsetMs);
  };
}

/** The selector of dependency `from → to`'s state at the cursor. */
export function edgeRunSelector(from: string, to: string): (s: AppState) => EdgeRunView {
  return (s) => {
    const v = s.runOnView;
    if (v === null) return NO_EDGE_VIEW;
    const ids = indexById(v.trace);
    const a = ids.get(from);
    const b = ids.get(to);
    if (a === undefined || b === undefined) return NO_EDGE_VIEW;
    return edgeRunState(preparedFor(v.trace, v.plan), a, b, s.cursorMs - v.offsetMs);
  };
}

/** The selector of graph wave `wave`'s band: lit while its model turn thinks or runs. */
export function bandPhaseSelector(wave: number): (s: AppState) => BandPhase {
  return (s) => {
    const v = s.runOnView;
    if (v === null) return 'off';
    return bandPhase(preparedFor(v.trace, v.plan), wave, s.cursorMs - v.offsetMs);
  };
}

/** The sentence over a drilled-in canvas (for `useShallow`: equal answers never re-render). */
export const selectDrillNote = (s: AppState): DrillNote | null => drillNote(s.plan, s.viewPath, s.trace, s.tracePlan);
