// Cross-tab awareness for one open plan: tells this tab when another tab opens, saves or deletes the same plan.
// A pure state machine (reduceTab) plus thin wiring over an injected BroadcastChannel-like object and `storage` events; never touches window itself.
import '../plan/zod-config';
import * as z from 'zod/mini';
import { entryIdOf, entrySchema } from './library';
import { randomId } from './storage';

/** The BroadcastChannel name the app uses. */
export const TAB_CHANNEL = 'toolwave:tabs';

export const TAB_MESSAGES = {
  changed: 'This plan was changed in another tab.',
  removed: 'This plan was deleted in another tab.',
  alsoOpen: 'This plan is also open in another tab: edits in both will conflict.',
  alone: 'This plan is no longer open in another tab.',
} as const;

const idSchema = z.string().check(z.minLength(1), z.maxLength(200));
const base = { app: z.literal('toolwave'), v: z.literal(1), planId: idSchema, tabId: idSchema };
const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('opened') }),
  z.strictObject({ ...base, type: z.literal('here') }),
  z.strictObject({ ...base, type: z.literal('closed') }),
  z.strictObject({ ...base, type: z.literal('removed') }),
  z.strictObject({ ...base, type: z.literal('saved'), rev: z.number().check(z.int(), z.minimum(0)), savedAt: z.number() }),
]);

/** What tabs tell each other. Versioned and checked on arrival: another tab may run another version of the app. */
export type TabMessage = z.infer<typeof messageSchema>;

export type TabNotice =
  | { kind: 'changed'; planId: string; rev: number; tabId: string; savedAt: number; message: string }
  | { kind: 'removed'; planId: string; tabId: string | null; message: string }
  | { kind: 'also-open'; planId: string; tabs: number; message: string }
  | { kind: 'alone'; planId: string; message: string };

export interface TabState {
  tabId: string;
  /** The plan open in this tab, or null. */
  planId: string | null;
  /** The newest rev of it this tab has seen (read, saved, or been told of). */
  rev: number;
  /** Other tabs known to have the same plan open. */
  others: string[];
  /** Set when another tab saved a newer rev; cleared when this tab opens or saves. */
  changedElsewhere: { rev: number; tabId: string; savedAt: number } | null;
  removedElsewhere: boolean;
}

export type TabInput =
  | { type: 'open'; planId: string; rev: number }
  | { type: 'close' }
  /** This tab saved the plan (broadcast). */
  | { type: 'saved'; rev: number; savedAt: number }
  /** This tab caught up with a rev without saving, e.g. it reloaded the other tab's version (silent). */
  | { type: 'seen'; rev: number }
  /** This tab deleted a plan (any plan, open or not). */
  | { type: 'removed'; planId: string }
  | { type: 'message'; data: unknown }
  /** A `storage` event: another tab wrote (newValue) or removed (null) a key; key null means storage was cleared. */
  | { type: 'storage'; key: string | null; newValue: string | null };

export interface TabStep {
  state: TabState;
  send: TabMessage[];
  notices: TabNotice[];
}

export function initialTabState(tabId: string): TabState {
  return { tabId, planId: null, rev: 0, others: [], changedElsewhere: null, removedElsewhere: false };
}

const msg = <T extends TabMessage['type']>(state: TabState, type: T, planId: string, extra: object = {}): TabMessage =>
  ({ app: 'toolwave', v: 1, type, planId, tabId: state.tabId, ...extra }) as TabMessage;

/** Someone else saved `rev`: a notice unless this tab already has it (a channel message and a storage event both arrive). */
function otherSaved(state: TabState, rev: number, tabId: string, savedAt: number): TabStep {
  if (tabId === state.tabId || rev <= state.rev) return { state, send: [], notices: [] };
  const planId = state.planId as string;
  return {
    state: { ...state, rev, changedElsewhere: { rev, tabId, savedAt } },
    send: [],
    notices: [{ kind: 'changed', planId, rev, tabId, savedAt, message: TAB_MESSAGES.changed }],
  };
}

function otherRemoved(state: TabState, tabId: string | null): TabStep {
  if (state.removedElsewhere) return { state, send: [], notices: [] };
  return {
    state: { ...state, removedElsewhere: true },
    send: [],
    notices: [{ kind: 'removed', planId: state.planId as string, tabId, message: TAB_MESSAGES.removed }],
  };
}

function withOthers(state: TabState, others: string[]): TabStep {
  const planId = state.planId as string;
  const notices: TabNotice[] = [];
  if (state.others.length === 0 && others.length > 0)
    notices.push({ kind: 'also-open', planId, tabs: others.length, message: TAB_MESSAGES.alsoOpen });
  if (state.others.length > 0 && others.length === 0) notices.push({ kind: 'alone', planId, message: TAB_MESSAGES.alone });
  return { state: { ...state, others }, send: [], notices };
}

/** One step of the cross-tab state machine: pure, so two tabs can be simulated by feeding each other's `send`. */
export function reduceTab(state: TabState, input: TabInput): TabStep {
  const none: TabStep = { state, send: [], notices: [] };
  switch (input.type) {
    case 'open': {
      const send = state.planId !== null && state.planId !== input.planId ? [msg(state, 'closed', state.planId)] : [];
      const next: TabState = {
        ...state,
        planId: input.planId,
        rev: input.rev,
        others: [],
        changedElsewhere: null,
        removedElsewhere: false,
      };
      return { state: next, send: [...send, msg(next, 'opened', input.planId)], notices: [] };
    }
    case 'close':
      if (state.planId === null) return none;
      return {
        state: { ...state, planId: null, rev: 0, others: [], changedElsewhere: null, removedElsewhere: false },
        send: [msg(state, 'closed', state.planId)],
        notices: [],
      };
    case 'saved':
      if (state.planId === null) return none;
      return {
        state: { ...state, rev: Math.max(state.rev, input.rev), changedElsewhere: null },
        send: [msg(state, 'saved', state.planId, { rev: input.rev, savedAt: input.savedAt })],
        notices: [],
      };
    case 'seen':
      return { state: { ...state, rev: Math.max(state.rev, input.rev), changedElsewhere: null }, send: [], notices: [] };
    case 'removed':
      return { state, send: [msg(state, 'removed', input.planId)], notices: [] };
    case 'message': {
      const parsed = messageSchema.safeParse(input.data);
      if (!parsed.success) return none;
      const m = parsed.data;
      if (m.tabId === state.tabId || m.planId !== state.planId) return none;
      switch (m.type) {
        case 'opened': {
          const step = withOthers(state, state.others.includes(m.tabId) ? state.others : [...state.others, m.tabId]);
          return { ...step, send: [msg(state, 'here', m.planId)] };
        }
        case 'here':
          return state.others.includes(m.tabId) ? none : withOthers(state, [...state.others, m.tabId]);
        case 'closed':
          return withOthers(
            state,
            state.others.filter((t) => t !== m.tabId),
          );
        case 'saved':
          return otherSaved(state, m.rev, m.tabId, m.savedAt);
        case 'removed':
          return otherRemoved(state, m.tabId);
      }
      return none;
    }
    case 'storage': {
      if (state.planId === null) return none;
      if (input.key === null) return otherRemoved(state, null);
      if (entryIdOf(input.key) !== state.planId) return none;
      if (input.newValue === null) return otherRemoved(state, null);
      try {
        const entry = entrySchema.safeParse(JSON.parse(input.newValue));
        return entry.success ? otherSaved(state, entry.data.rev, entry.data.tabId, entry.data.savedAt) : none;
      } catch {
        return none;
      }
    }
  }
}

/** The part of BroadcastChannel a TabWatch uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close?(): void;
}

export interface TabWatchOptions {
  /** A BroadcastChannel on TAB_CHANNEL, or null where there is none (then only storage events are seen). */
  channel: ChannelLike | null;
  /** Defaults to crypto.randomUUID() (or random bits where that is missing). */
  tabId?: string;
  onNotice: (notice: TabNotice) => void;
}

export interface TabWatch {
  readonly tabId: string;
  readonly state: TabState;
  /** This tab now shows `planId`, read at `rev`. */
  open(planId: string, rev: number): void;
  /** This tab no longer shows a plan (call it on pagehide too). */
  close(): void;
  /** This tab saved the open plan: other tabs are told. */
  saved(rev: number, savedAt: number): void;
  /** This tab caught up with `rev` (it loaded the other tab's version): no notice for it. */
  seen(rev: number): void;
  /** This tab deleted `planId`: a tab that has it open is told. */
  removed(planId: string): void;
  /** Feed `window`'s `storage` events here: they catch saves where BroadcastChannel is missing. */
  handleStorageEvent(event: { key: string | null; newValue: string | null }): void;
  /** Closes the plan and stops listening. */
  dispose(): void;
}

export function createTabWatch(options: TabWatchOptions): TabWatch {
  let state = initialTabState(options.tabId ?? randomId());
  let disposed = false;
  const { channel } = options;

  function run(input: TabInput): void {
    if (disposed) return;
    const step = reduceTab(state, input);
    state = step.state;
    for (const m of step.send) {
      try {
        channel?.postMessage(m);
      } catch {
        // A closed channel: the storage event still carries saves.
      }
    }
    for (const n of step.notices) options.onNotice(n);
  }

  const onMessage = (event: { data: unknown }): void => run({ type: 'message', data: event.data });
  channel?.addEventListener('message', onMessage);

  return {
    get tabId() {
      return state.tabId;
    },
    get state() {
      return state;
    },
    open: (planId, rev) => run({ type: 'open', planId, rev }),
    close: () => run({ type: 'close' }),
    saved: (rev, savedAt) => run({ type: 'saved', rev, savedAt }),
    seen: (rev) => run({ type: 'seen', rev }),
    removed: (planId) => run({ type: 'removed', planId }),
    handleStorageEvent: (event) => run({ type: 'storage', key: event.key, newValue: event.newValue }),
    dispose() {
      if (disposed) return;
      run({ type: 'close' });
      disposed = true;
      channel?.removeEventListener('message', onMessage);
      try {
        channel?.close?.();
      } catch {
        // Already closed.
      }
    },
  };
}
