// Keeps the open plan in the browser library: creates its entry, autosaves it at its rev, follows it across
// document switches (open, undo, redo) and hears other tabs. It never overwrites another tab's save silently and
// never drops the plan in memory when storage fails. No React and no window here: the hook wires the page in.
import type { AppState } from '@/lib/store/app-store';
import { EMPTY_PLAN } from '@/lib/store/document';
import type { Plan } from '@/lib/plan';
import {
  createAutosaver,
  createTabWatch,
  librarySaver,
  LIBRARY_MESSAGES,
  STORAGE_MESSAGES,
  TAB_MESSAGES,
  type SaveResult,
  type TabNotice,
  type TabWatch,
} from '@/lib/persist';
import { createLibraryActions } from './library-actions';
import {
  INITIAL_VIEW,
  type ControllerCore,
  type ControllerOptions,
  type LibraryController,
  type LibraryView,
  type Session,
} from './library-types';

const nameOf = (s: AppState): string => s.plan.name;

export function createLibraryController(options: ControllerOptions): LibraryController {
  const { store, library } = options;
  const knownRevs = new Map<string, number>();
  /** Entries that disappeared from under a history snapshot, and the entry now holding that plan. */
  const redirects = new Map<string, string>();
  const listeners = new Set<() => void>();
  let view: LibraryView = INITIAL_VIEW;
  let session: Session | null = null;
  let tabs: TabWatch | null = null;
  let unsubscribe: (() => void) | null = null;
  let warned = false;
  /** The sticky notice that storage is full, while it shows. */
  let storageNotice: number | null = null;

  const setView = (patch: Partial<LibraryView>): void => {
    view = { ...view, ...patch };
    for (const l of listeners) l();
  };
  const isCurrent = (s: Session): boolean => s === session && !s.ending;
  const status = (s: Session, st: AppState['saveStatus'], message: string | null = null): void => {
    if (isCurrent(s)) store.getState().setSaveStatus(st, message);
  };

  function refresh(): void {
    const listed = library.list();
    if (!listed.ok) {
      setView({ listError: listed.message });
      return;
    }
    const ids = new Set(listed.items.map((i) => i.id));
    setView({ items: listed.items, listError: null, damaged: view.damaged.filter((id) => ids.has(id)) });
  }

  function markDamaged(id: string): void {
    if (!view.damaged.includes(id)) setView({ damaged: [...view.damaged, id] });
  }

  /** Storage cannot take the plan: say so once, and while it is full, list what takes the space. */
  function storageTrouble(s: Session, message: string, full: boolean): void {
    s.failing = true;
    status(s, 'memory-only', message);
    if (full) measure();
    if (!warned) {
      warned = true;
      storageNotice = store
        .getState()
        .notify(
          full ? { tone: 'warning', text: message, sticky: true, offer: 'storage' } : { tone: 'warning', text: message, sticky: true },
        );
    }
  }

  function measure(): void {
    const used = library.usage();
    setView({ usage: used.ok ? used.usage : null });
  }

  /** A save went through after storage trouble: the notice and the list of what takes the space go. */
  function roomAgain(): void {
    if (view.usage !== null) setView({ usage: null });
    if (storageNotice !== null) store.getState().dismiss(storageNotice);
    storageNotice = null;
  }

  function freed(): void {
    if (view.usage === null) return;
    measure();
    const s = session;
    if (s === null || !s.failing || s.ending) return;
    s.autosaver.schedule(store.getState().plan);
    s.autosaver.flush();
  }

  function hold(s: Session, kind: 'changed' | 'removed'): void {
    if (s.docId === null) return;
    s.hold = kind;
    if (s.ending) {
      const text =
        kind === 'changed'
          ? 'Your latest changes to the plan you left were not saved: it was changed in another tab. Undo returns to them.'
          : 'Your latest changes to the plan you left were not saved: it was deleted in another tab. Undo returns to them.';
      store.getState().notify({ tone: 'warning', text, sticky: true });
      return;
    }
    if (!isCurrent(s)) return;
    const message = kind === 'changed' ? TAB_MESSAGES.changed : TAB_MESSAGES.removed;
    setView({ banner: { kind, docId: s.docId, message } });
    if (kind === 'changed') status(s, 'conflict', LIBRARY_MESSAGES.conflict);
    else status(s, 'memory-only', LIBRARY_MESSAGES.missing);
  }

  function onResult(s: Session, result: SaveResult, plan: Plan, createdId: string | null): void {
    if (result.ok) {
      s.stored = plan;
      if (s.failing || warned) roomAgain();
      s.failing = false;
      warned = false;
      if (createdId !== null) {
        knownRevs.set(createdId, result.rev);
        refresh();
        // Attach the editor to its new entry: no undo step, and enter() picks the entry up at once.
        if (isCurrent(s)) store.getState().setDocId(createdId);
        return;
      }
      if (s.docId !== null) {
        knownRevs.set(s.docId, result.rev);
        // A good plan saved over a damaged entry repaired it.
        if (view.damaged.includes(s.docId)) setView({ damaged: view.damaged.filter((d) => d !== s.docId) });
      }
      if (result.unchanged) tabs?.seen(result.rev);
      else {
        tabs?.saved(result.rev, result.savedAt);
        refresh();
      }
      status(s, s.autosaver.pending ? 'saving' : 'saved');
      return;
    }
    if (result.reason === 'conflict') hold(s, 'changed');
    else if (result.reason === 'missing') hold(s, 'removed');
    else storageTrouble(s, result.message, result.reason === 'quota');
  }

  function makeSession(docId: string | null, rev: number): Session {
    const saver = docId === null ? null : librarySaver(library, docId, rev, { tabId: library.tabId });
    let createdId: string | null = null;
    const save = (plan: Plan): SaveResult => {
      createdId = null;
      if (saver === null) {
        const created = library.create(plan);
        if (created.ok) {
          createdId = created.item.id;
          return { ok: true, rev: created.item.rev, savedAt: created.item.updatedAt, unchanged: false };
        }
        // "Too many plans" and "no free id" are, to the user, storage that cannot take this plan.
        const reason = created.reason === 'too_large' || created.reason === 'unavailable' ? created.reason : 'quota';
        return { ok: false, reason, message: created.message };
      }
      if (s.hold === 'changed') {
        const theirs = tabs?.state.changedElsewhere ?? { rev: saver.rev + 1, tabId: '', savedAt: 0 };
        return { ok: false, reason: 'conflict', message: LIBRARY_MESSAGES.conflict, theirs };
      }
      if (s.hold === 'removed') return { ok: false, reason: 'missing', message: LIBRARY_MESSAGES.missing };
      return saver.save(plan);
    };
    const s: Session = {
      docId,
      saver,
      hold: null,
      failing: false,
      ending: false,
      stored: null,
      autosaver: createAutosaver<Plan>({
        save,
        delayMs: options.delayMs,
        setTimeout: options.setTimeout,
        clearTimeout: options.clearTimeout,
        onResult: (result, plan) => onResult(s, result, plan, createdId),
      }),
    };
    return s;
  }

  /** Saves at once: on entering a document (which also finds a conflict at once) and when creating its entry. */
  function kick(s: Session, plan: Plan): void {
    s.autosaver.schedule(plan);
    s.autosaver.flush();
  }

  function rehome(oldId: string | null, plan: Plan): boolean {
    const created = library.create(plan);
    if (!created.ok) {
      store.getState().notify({ tone: 'error', text: created.message, sticky: true });
      return false;
    }
    const id = created.item.id;
    knownRevs.set(id, created.item.rev);
    if (oldId !== null) redirects.set(oldId, id);
    refresh();
    store.getState().setDocId(id);
    return true;
  }

  function follow(id: string): string {
    let at = id;
    for (let hops = 0; redirects.has(at) && hops < 50; hops++) at = redirects.get(at) as string;
    return at;
  }

  /** The editor now shows another document (or its first): leave the old one saved, pick the new one up at its rev. */
  function enter(state: AppState): void {
    const old = session;
    if (old !== null) {
      old.ending = true;
      // A plan without an entry stays in undo history; creating it now would attach it to the wrong document.
      if (old.docId === null) old.autosaver.cancel();
      old.autosaver.dispose();
    }
    session = null;
    if (view.banner !== null) setView({ banner: null });
    const id = state.docId;
    if (id === null) {
      tabs?.close();
      const s = makeSession(null, 0);
      session = s;
      if (state.plan === EMPTY_PLAN) store.getState().setSaveStatus('idle');
      else kick(s, state.plan);
      return;
    }
    const target = follow(id);
    if (target !== id) {
      store.getState().setDocId(target);
      return;
    }
    const opened = library.open(id);
    if (!opened.ok && opened.reason === 'missing') {
      const name = nameOf(state);
      if (rehome(id, state.plan)) {
        store
          .getState()
          .notify({ tone: 'info', text: `“${name}” was no longer in the library, so it is saved again as a plan of its own.` });
        return;
      }
    }
    const rev = knownRevs.get(id) ?? (opened.ok ? opened.rev : 0);
    knownRevs.set(id, rev);
    library.setLastOpened(id);
    tabs?.open(id, rev);
    const s = makeSession(id, rev);
    session = s;
    kick(s, state.plan);
  }

  function onStore(state: AppState, prev: AppState): void {
    if (unsubscribe === null) return;
    const s = session;
    if (s === null || state.docId !== s.docId) {
      enter(state);
      return;
    }
    if (state.plan === prev.plan) return;
    if (s.docId === null) {
      if (state.plan === EMPTY_PLAN) s.autosaver.cancel();
      else if (s.failing) s.autosaver.schedule(state.plan);
      else kick(s, state.plan);
      return;
    }
    s.autosaver.schedule(state.plan);
    if (s.hold === null && !s.failing) status(s, 'saving');
  }

  function onNotice(n: TabNotice): void {
    const s = session;
    if (s === null || s.docId !== n.planId) return;
    if (n.kind === 'changed') hold(s, 'changed');
    else if (n.kind === 'removed') {
      hold(s, 'removed');
      refresh();
    } else if (n.kind === 'also-open') store.getState().notify({ tone: 'info', text: n.message });
  }

  function settle(rev: number | null): void {
    const s = session;
    if (s === null) return;
    s.autosaver.cancel();
    if (rev !== null && s.saver !== null && s.docId !== null) {
      s.saver.setRev(rev);
      knownRevs.set(s.docId, rev);
      tabs?.seen(rev);
    }
    s.hold = null;
    s.autosaver.resume();
    setView({ banner: null });
  }

  function flush(): void {
    session?.autosaver.flush();
  }

  const core: ControllerCore = {
    store,
    library,
    knownRevs,
    session: () => session,
    view: () => view,
    setView,
    refresh,
    markDamaged,
    flush,
    rehome,
    settle,
    tabs: () => tabs,
    freed,
  };

  let refreshTimer: unknown = null;
  const later = options.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms));

  const actions = createLibraryActions(core);
  return {
    ...actions,
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (unsubscribe !== null) return;
      tabs = createTabWatch({ channel: options.channel?.() ?? null, tabId: library.tabId, onNotice });
      unsubscribe = store.subscribe(onStore);
      refresh();
      enter(store.getState());
    },
    stop() {
      if (unsubscribe === null) return;
      unsubscribe();
      unsubscribe = null;
      const s = session;
      session = null;
      if (s !== null) {
        s.ending = true;
        s.autosaver.dispose();
      }
      tabs?.dispose();
      tabs = null;
    },
    flush,
    pageHidden() {
      flush();
      actions.keepUnsaved();
      tabs?.close();
    },
    pageShown() {
      const s = session;
      if (s?.docId != null && s.saver !== null) tabs?.open(s.docId, s.saver.rev);
    },
    handleStorageEvent(event) {
      tabs?.handleStorageEvent(event);
      // Another tab created, renamed or deleted plans: list them, once its burst of writes is over.
      if (refreshTimer === null) {
        refreshTimer = later(() => {
          refreshTimer = null;
          refresh();
        }, 120);
      }
    },
    setReady() {
      if (!view.ready) setView({ ready: true });
    },
    showStorageNotice() {
      const s = store.getState();
      if (view.usage === null || s.notices.some((n) => n.id === storageNotice)) return;
      measure();
      storageNotice = s.notify({ tone: 'warning', text: s.saveMessage ?? STORAGE_MESSAGES.quota, sticky: true, offer: 'storage' });
    },
  };
}
