// The document slice: the plan being edited, which library entry it is, and undo/redo over both.
// Views edit the plan on view through editView(); opening another plan goes through open(). Each is one undo step.
import type { StateCreator } from 'zustand/vanilla';
import type { Plan } from '@/lib/plan';
import { applyLayout, needsLayout } from '@/lib/plan/layout-core';
import type { AppState } from './app-store';
import { withDisplayPositions } from './display-positions';
import { planAtPath, replaceAtPath, validViewPath } from './view';

/** How many steps undo remembers. */
export const HISTORY_LIMIT = 200;

/** A point in history: which document, holding which plan. */
export interface Snapshot {
  docId: string | null;
  plan: Plan;
}

/** An edit refused, with the reason in words the person reads (`it would close a cycle: a → b → a`). */
export interface EditRefusal {
  ok: false;
  reason: string;
}

/** An edit accepted: the edited plan on view, plus whatever the edit hands back to its caller (a new id, a summary). */
export interface EditAccepted {
  ok: true;
  plan: Plan;
}

/** How an edit is recorded: edits sharing a `coalesce` key one after another make one undo step. */
export interface EditOptions {
  coalesce?: string;
}

/** What editView answers: the edit's own result and whether the document changed, or the edit's refusal. */
export type EditOutcome<R extends EditAccepted = EditAccepted> = (R & { changed: boolean }) | EditRefusal;

/**
 * THE way views edit the plan: runs `edit` on the plan on view (the top plan, or the nested plan of the sub-agent
 * drilled into) with every call placed where the canvas shows it, and writes the result back into the top plan as
 * one undo step. The edit returns the edited plan (the very same object when there is nothing to change, which
 * commits nothing), or `{ ok: true, plan, ...more }` to hand more back to its caller, or a refusal, which changes
 * nothing and comes back as is for the caller to say:
 *
 *     const r = s.editView((plan) => connect(plan, from, to));
 *     if (!r.ok) s.notify({ tone: 'error', text: `Cannot connect: ${r.reason}.` });
 */
export interface EditView {
  <R extends EditAccepted>(edit: (plan: Plan) => R | EditRefusal, opts?: EditOptions): EditOutcome<R>;
  (edit: (plan: Plan) => Plan | EditAccepted | EditRefusal, opts?: EditOptions): EditOutcome;
}

/** A refusal, for edits that say no: `return refuse('a call needs an id')`. */
export const refuse = (reason: string): EditRefusal => ({ ok: false, reason });

export interface DocumentSlice {
  plan: Plan;
  /** The library entry this plan is saved to (null until storage has given it one). */
  docId: string | null;
  /** Bumps when another plan is opened (not on edits), so views can fit and reset. */
  planVersion: number;
  /** Bumps on every change of plan, edits included. */
  revision: number;
  past: Snapshot[];
  future: Snapshot[];
  /** Edits the plan on view as one undo step: see EditView. Every edit a view makes goes through here. */
  editView: EditView;
  /**
   * Replaces the whole top plan (a re-rolled seed, a variant kept, a library rename; views edit through editView):
   * one undo step, folded into the last one when both carry the same `coalesce` key. False when nothing changed.
   */
  commit: (next: Plan, opts?: EditOptions) => boolean;
  /** The coalesce key of the last commit, if the last change was such a commit. */
  coalesceKey: string | null;
  /** Opens another plan (an example, an import, a library entry, a share link): one undoable step. Laid out if it has no positions. */
  open: (plan: Plan, docId: string | null) => void;
  /** Opens a plan without an undo step (the first load, a restore after reload). */
  load: (plan: Plan, docId: string | null) => void;
  /** Attaches the current plan to a library entry (after storage created it). */
  setDocId: (docId: string | null) => void;
  undo: () => void;
  redo: () => void;
}

export const EMPTY_PLAN: Plan = {
  format: 'toolwave.plan',
  version: 1,
  name: 'Untitled plan',
  settings: { strategy: 'waves', maxConcurrency: null, modelTurnMs: 0, deadlineMs: null, seed: 1, scenario: null },
  calls: [],
  dependencies: [],
  scenarios: [],
};

/** A plan that arrives without positions is laid out by waves as it arrives (not as an undo step of its own). */
const placed = (plan: Plan): Plan => (needsLayout(plan) ? applyLayout(plan) : plan);

const push = (list: Snapshot[], s: Snapshot): Snapshot[] => {
  const next = list.length >= HISTORY_LIMIT ? list.slice(list.length - HISTORY_LIMIT + 1) : list.slice();
  next.push(s);
  return next;
};

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => {
  const current = (s: AppState): Snapshot => ({ docId: s.docId, plan: s.plan });

  /**
   * The one way the document moves other than by an edit (open, load, undo, redo): to `to`, with this history.
   * `another` says a different document arrives: planVersion bumps, and what is selected and drilled into goes with
   * the old one (the run and the statistics forget theirs by themselves when they see planVersion move). Within one
   * document the selection keeps the calls that still exist.
   */
  const moveTo = (to: Snapshot, history: Pick<DocumentSlice, 'past' | 'future'>, another: boolean) => {
    const s = get();
    set({
      plan: to.plan,
      docId: to.docId,
      ...history,
      revision: s.revision + 1,
      planVersion: another ? s.planVersion + 1 : s.planVersion,
      coalesceKey: null,
      selected: another ? [] : s.selected.filter((id) => to.plan.calls.some((c) => c.id === id)),
      viewPath: another ? [] : s.viewPath,
    });
  };

  return {
    plan: EMPTY_PLAN,
    docId: null,
    planVersion: 0,
    revision: 0,
    past: [],
    future: [],
    coalesceKey: null,

    commit: (next, opts = {}) => {
      const { plan, docId, past, revision, coalesceKey } = get();
      if (next === plan) return false;
      const key = opts.coalesce ?? null;
      if (key !== null && key === coalesceKey && past.length > 0) {
        set({ plan: next, future: [], revision: revision + 1 });
        return true;
      }
      set({ plan: next, past: push(past, { docId, plan }), future: [], revision: revision + 1, coalesceKey: key });
      return true;
    },

    editView: editViewOf(get),

    open: (arriving, docId) => {
      const s = get();
      moveTo({ docId, plan: placed(arriving) }, { past: push(s.past, current(s)), future: [] }, true);
    },

    load: (arriving, docId) => moveTo({ docId, plan: placed(arriving) }, { past: [], future: [] }, true),

    setDocId: (docId) => set({ docId }),

    undo: () => {
      const s = get();
      const prev = s.past[s.past.length - 1];
      if (prev === undefined) return;
      moveTo(prev, { past: s.past.slice(0, -1), future: [...s.future, current(s)] }, prev.docId !== s.docId);
    },

    redo: () => {
      const s = get();
      const next = s.future[s.future.length - 1];
      if (next === undefined) return;
      moveTo(next, { past: push(s.past, current(s)), future: s.future.slice(0, -1) }, next.docId !== s.docId);
    },
  };
};

function editViewOf(get: () => AppState): EditView {
  function editView<R extends EditAccepted>(edit: (plan: Plan) => R | EditRefusal, opts?: EditOptions): EditOutcome<R>;
  function editView(edit: (plan: Plan) => Plan | EditAccepted | EditRefusal, opts?: EditOptions): EditOutcome;
  function editView(edit: (plan: Plan) => Plan | EditAccepted | EditRefusal, opts?: EditOptions): EditOutcome {
    const s = get();
    const path = validViewPath(s.plan, s.viewPath);
    const base = withDisplayPositions(planAtPath(s.plan, path));
    const result = edit(base);
    if ('ok' in result && !result.ok) return result;
    const accepted: EditAccepted = 'ok' in result ? result : { ok: true, plan: result };
    const changed = accepted.plan !== base && s.commit(replaceAtPath(s.plan, path, accepted.plan), opts);
    return { ...accepted, changed };
  }
  return editView;
}
