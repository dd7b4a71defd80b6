// What the user does with the library: open, start, rename, duplicate and delete plans, settle a conflict with
// another tab, and restore the last plan on reload. Every switch of plan is one undoable step (store.open);
// nothing here overwrites a stored plan the user did not choose to change.
import { parsePlan, serializePlan } from '@/lib/plan/parse';
import type { Plan, Problem } from '@/lib/plan';
import { EMPTY_PLAN } from '@/lib/store/document';
import type { OpenResult } from '@/lib/persist';
import type { ControllerCore } from './library-types';

export interface LibraryActions {
  /** Opens a stored plan as one undoable step. */
  openEntry(id: string): void;
  /** Opens an empty "Untitled plan"; its entry is made on its first edit. */
  newPlan(): void;
  /** Renames a plan; returns why not, or null when done. The open plan is renamed by an edit (undoable). */
  rename(id: string, name: string): string | null;
  duplicate(id: string): void;
  /** Deletes a plan; deleting the open one opens the most recent other plan (or a new one) in its place. */
  remove(id: string): void;
  /** Conflict: replace this tab's version with the one the other tab saved (undo brings this tab's back). */
  loadTheirs(): void;
  /** Conflict: keep this tab's version as a new plan and switch to it; the stored one keeps the other tab's. */
  keepMine(): void;
  /** The open plan was deleted elsewhere: save it again as a plan of its own. */
  keepAsNew(): void;
  /** A stored plan as it is stored, without opening it (to export it); null when it cannot be read (said in a notice). */
  storedPlan(id: string): Plan | null;
  /**
   * Bootstrap: opens the last opened plan exactly as stored (or else the most recent readable one), with no
   * undo step. Returns false when there is nothing to restore (first visit, or storage unusable).
   */
  restore(): boolean;
  /** Whether closing the page now would lose edits: it first tries to save them, so only what cannot be saved counts. */
  hasUnsavedWork(): boolean;
  /**
   * The page is going away with edits that another tab's save or delete keeps from their entry: keep them as a plan
   * of their own (as "Keep mine as a copy" or "Keep it as a new plan" would), so neither version is lost.
   */
  keepUnsaved(): void;
}

type Failed = Exclude<OpenResult, { ok: true }>;

/** "Research agent" → "Research agent (copy)", within the 200-character name limit. */
export function copyName(name: string, suffix = ' (copy)'): string {
  return name.length + suffix.length > 200 ? `${name.slice(0, 200 - suffix.length)}${suffix}` : `${name}${suffix}`;
}

export function createLibraryActions(core: ControllerCore): LibraryActions {
  const { store, library, knownRevs } = core;
  const notify = (tone: 'info' | 'success' | 'warning' | 'error', text: string, problems?: Problem[]) =>
    store.getState().notify(problems === undefined ? { tone, text } : { tone, text, problems });
  const itemName = (id: string): string => core.view().items.find((i) => i.id === id)?.name ?? 'this plan';

  function reportOpenFailure(id: string, failed: Failed): void {
    if (failed.reason === 'corrupt') {
      core.markDamaged(id);
      notify('error', failed.message, failed.problems);
    } else {
      notify('error', failed.message);
    }
    core.refresh();
  }

  /** Reads a plan to switch to, remembering its rev: the editor then saves on top of exactly that. */
  function read(id: string): { plan: Plan } | Failed {
    const opened = library.open(id);
    if (!opened.ok) return opened;
    knownRevs.set(id, opened.rev);
    return { plan: opened.plan };
  }

  function openEntry(id: string): void {
    const s = store.getState();
    if (s.docId === id) return;
    const got = read(id);
    if ('ok' in got) {
      reportOpenFailure(id, got);
      return;
    }
    s.open(got.plan, id);
  }

  function newPlan(): void {
    const s = store.getState();
    if (s.docId === null && s.plan === EMPTY_PLAN) return;
    s.open(EMPTY_PLAN, null);
  }

  function rename(id: string, raw: string): string | null {
    const name = raw.trim();
    if (name === '') return 'A plan needs a name.';
    const s = store.getState();
    if (s.docId === id) {
      if (name === s.plan.name) return null;
      const next = { ...s.plan, name };
      const checked = parsePlan(next);
      if (!checked.ok) return `The name ${checked.problems.find((p) => p.path === 'name')?.message ?? checked.problems[0].message}.`;
      s.commit(next);
      core.flush();
      return null;
    }
    const renamed = library.rename(id, name);
    if (!renamed.ok) return renamed.message;
    knownRevs.set(id, renamed.rev);
    core.refresh();
    return null;
  }

  function duplicate(id: string): void {
    if (store.getState().docId === id) core.flush();
    const made = library.duplicate(id);
    if (!made.ok) {
      if (made.reason === 'corrupt') core.markDamaged(id);
      notify('error', made.message);
      return;
    }
    core.refresh();
    notify('success', `Duplicated “${itemName(id)}” as “${made.item.name}”.`);
  }

  function fallbackAfterDelete(): void {
    const s = store.getState();
    for (const item of core.view().items) {
      if (core.view().damaged.includes(item.id)) continue;
      const got = read(item.id);
      if ('ok' in got) {
        if (got.reason === 'corrupt') core.markDamaged(item.id);
        continue;
      }
      s.open(got.plan, item.id);
      return;
    }
    s.open(EMPTY_PLAN, null);
  }

  function remove(id: string): void {
    const s = store.getState();
    const isOpen = s.docId === id;
    const name = isOpen ? s.plan.name : itemName(id);
    const session = core.session();
    // The open plan's pending edit must not recreate what is being deleted.
    if (isOpen) session?.autosaver.cancel();
    const removed = library.remove(id);
    if (!removed.ok) {
      if (isOpen) session?.autosaver.schedule(s.plan);
      notify('error', `“${name}” could not be deleted. ${removed.message}`);
      return;
    }
    knownRevs.delete(id);
    core.tabs()?.removed(id);
    core.refresh();
    if (isOpen) fallbackAfterDelete();
    notify('success', isOpen ? `Deleted “${name}”. Undo brings it back.` : `Deleted “${name}”.`);
    core.freed();
  }

  function storedPlan(id: string): Plan | null {
    const s = store.getState();
    if (s.docId === id) return s.plan;
    const opened = library.open(id);
    if (opened.ok) return opened.plan;
    if (opened.reason === 'corrupt') core.markDamaged(id);
    notify('error', opened.message);
    return null;
  }

  function loadTheirs(): void {
    const s = store.getState();
    const id = s.docId;
    if (id === null) return;
    const opened = library.open(id);
    if (!opened.ok) {
      reportOpenFailure(id, opened);
      return;
    }
    core.settle(opened.rev);
    s.open(opened.plan, id);
    notify('success', 'Loaded the version saved in the other tab. Undo brings yours back.');
  }

  function keepMine(): void {
    const s = store.getState();
    const before = s.plan.name;
    const copy = { ...s.plan, name: copyName(before) };
    const created = library.create(copy);
    if (!created.ok) {
      notify('error', created.message);
      return;
    }
    knownRevs.set(created.item.id, created.item.rev);
    core.settle(null);
    core.refresh();
    s.open(copy, created.item.id);
    notify('success', `Kept your version as “${copy.name}”. “${before}” keeps the other tab’s changes.`);
  }

  function keepAsNew(): void {
    const s = store.getState();
    core.settle(null);
    if (core.rehome(s.docId, s.plan)) notify('success', `“${s.plan.name}” is saved again as a plan of its own.`);
  }

  function restore(): boolean {
    const probe = library.status();
    // Said once, with a notice, when the first plan fails to save; until then the header says it. Full storage
    // still reads: the user's plan reopens (their edits then stay in memory); unusable storage has nothing to read.
    const memoryOnly = () => {
      if (!probe.ok) store.getState().setSaveStatus('memory-only', probe.message);
    };
    memoryOnly();
    if (!probe.ok && probe.reason === 'unavailable') return false;
    core.refresh();
    const last = library.lastOpened();
    const ids = [
      ...(last === null ? [] : [last]),
      ...core
        .view()
        .items.map((i) => i.id)
        .filter((id) => id !== last),
    ];
    for (const id of ids) {
      const got = read(id);
      if (!('ok' in got)) {
        store.getState().load(got.plan, id);
        // Loading saved nothing new (the plan is as stored) and said "Saved": storage is still full for the next edit.
        memoryOnly();
        return true;
      }
      if (got.reason === 'corrupt') core.markDamaged(id);
      // Only the plan the user had open deserves a notice; others are simply listed as damaged.
      if (id === last && got.reason === 'corrupt')
        notify('error', `${got.message} Another plan is open instead; the damaged one is listed in the library.`, got.problems);
    }
    return false;
  }

  function hasUnsavedWork(): boolean {
    core.flush();
    const session = core.session();
    if (session === null || !session.autosaver.pending) return false;
    // A save held back by another tab's may still hold nothing new: this tab's plan as it last saved it.
    const plan = store.getState().plan;
    const stored = session.stored;
    return stored === null || (stored !== plan && serializePlan(stored) !== serializePlan(plan));
  }

  function keepUnsaved(): void {
    const session = core.session();
    if (session === null || !hasUnsavedWork()) return;
    if (session.hold === 'changed') keepMine();
    else if (session.hold === 'removed') keepAsNew();
  }

  return {
    openEntry,
    newPlan,
    rename,
    duplicate,
    remove,
    loadTheirs,
    keepMine,
    keepAsNew,
    storedPlan,
    restore,
    hasUnsavedWork,
    keepUnsaved,
  };
}
