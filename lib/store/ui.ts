// The UI slice: selection, notices, the one pending confirmation, panes and overlays.
// Notices carry plain text and problems as data: the views render them as text, never as HTML.
import type { StateCreator } from 'zustand/vanilla';
import type { ImportReport } from '@/lib/import';
import type { Plan, Problem } from '@/lib/plan';
import type { AppState } from './app-store';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
  /** Problems listed under the text, each with its path. */
  problems?: Problem[];
  /** Stays until dismissed (errors and conflicts); others fade. */
  sticky?: boolean;
}

/** A plan waiting for the user's yes before it is opened (a share link, say). */
export interface PendingOpen {
  plan: Plan;
  /** Where it came from, in words: "a share link". */
  source: string;
}

/** The report of the last import of recorded runs, shown while the plan it made is the one open. */
export interface ShownImportReport {
  report: ImportReport;
  /** The planVersion the import opened: another plan opening hides the report. */
  planVersion: number;
}

export interface UiSlice {
  selected: string[];
  notices: Notice[];
  pendingOpen: PendingOpen | null;
  importReport: ShownImportReport | null;
  leftOpen: boolean;
  rightOpen: boolean;
  helpOpen: boolean;
  /** Presentation mode: full screen, large type, stepping by model turn. */
  presenting: boolean;
  /** Selects these calls (replacing the selection, or adding to it). */
  select: (ids: string[], additive?: boolean) => void;
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
  askToOpen: (pending: PendingOpen | null) => void;
  showImportReport: (shown: ShownImportReport | null) => void;
  setLeftOpen: (open: boolean) => void;
  setRightOpen: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
  setPresenting: (on: boolean) => void;
}

/** At most this many notices are shown; older ones drop off. */
const NOTICE_LIMIT = 4;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => {
  // Notice ids count per store, so two stores (two tests, two providers) never share a counter.
  let nextNoticeId = 1;
  return {
    selected: [],
    notices: [],
    pendingOpen: null,
    importReport: null,
    leftOpen: true,
    rightOpen: true,
    helpOpen: false,
    presenting: false,

    select: (ids, additive = false) => {
      const current = get().selected;
      const next = additive ? [...current, ...ids.filter((id) => !current.includes(id))] : ids;
      if (next.length === current.length && next.every((id, i) => id === current[i])) return;
      set({ selected: next });
    },
    notify: (notice) => {
      const id = nextNoticeId++;
      set({ notices: [...get().notices, { ...notice, id }].slice(-NOTICE_LIMIT) });
      return id;
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    askToOpen: (pendingOpen) => set({ pendingOpen }),
    showImportReport: (importReport) => set({ importReport }),
    setLeftOpen: (leftOpen) => set({ leftOpen }),
    setRightOpen: (rightOpen) => set({ rightOpen }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setPresenting: (presenting) => set({ presenting }),
  };
};
