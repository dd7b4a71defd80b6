// The library controller's shapes: what the views read (LibraryView), what the page calls (LibraryController), and
// the internals the user actions build on (ControllerCore). Types and one constant only.
import type { AppStore } from '@/lib/store/app-store';
import type { Plan } from '@/lib/plan';
import type { Autosaver, ChannelLike, LibraryItem, LibrarySaver, PlanLibrary, StorageUsage, TabWatch } from '@/lib/persist';
import type { LibraryActions } from './library-actions';

/** A banner over the canvas that needs the user's choice before saving goes on. */
export interface Banner {
  kind: 'changed' | 'removed';
  docId: string;
  message: string;
}

/** What the library views show. A new object on every change (for useSyncExternalStore). */
export interface LibraryView {
  /** Bootstrap has decided which plan to show: until then the canvas shows "Loading…". */
  ready: boolean;
  items: readonly LibraryItem[];
  /** Why the list could not be read, in plain words. */
  listError: string | null;
  /** Entries known to be unreadable: listed as damaged, with only Delete. */
  damaged: readonly string[];
  banner: Banner | null;
  /** While storage is full: what each stored plan takes, largest first, for the user to free. */
  usage: StorageUsage | null;
}

export const INITIAL_VIEW: LibraryView = { ready: false, items: [], listError: null, damaged: [], banner: null, usage: null };

export interface ControllerOptions {
  store: AppStore;
  library: PlanLibrary;
  /** A BroadcastChannel on TAB_CHANNEL, made at start(); null where there is none. */
  channel?: () => ChannelLike | null;
  /** Autosave's quiet time after an edit. */
  delayMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** One open document: its autosaver, bound to its entry and rev (or, for a plan without entry yet, to create()). */
export interface Session {
  docId: string | null;
  autosaver: Autosaver<Plan>;
  saver: LibrarySaver | null;
  /** Another tab saved or deleted this plan: saves stop until the user chooses. */
  hold: 'changed' | 'removed' | null;
  /** The last save failed for lack of storage: the status stays "Not saved" rather than flicker. */
  failing: boolean;
  /** Being left for another document: its last flush must not touch the new document's status. */
  ending: boolean;
  /** The plan as last saved to (or found unchanged in) its entry: edits are unsaved only where they differ from it. */
  stored: Plan | null;
}

export interface LibraryController extends LibraryActions {
  getView(): LibraryView;
  subscribe(listener: () => void): () => void;
  /** Starts following the store and other tabs; stop() flushes and lets go. Both may be called again. */
  start(): void;
  stop(): void;
  /** Saves the pending edit now (the page is being hidden or left). */
  flush(): void;
  /** The page is being left: edits that cannot be saved in place are kept as a plan of their own; other tabs stop counting this one. */
  pageHidden(): void;
  /** Back from the back/forward cache: this tab shows its plan again. */
  pageShown(): void;
  handleStorageEvent(event: { key: string | null; newValue: string | null }): void;
  setReady(): void;
  /** Shows the "storage is full" notice with what takes the space again (after it was dismissed). */
  showStorageNotice(): void;
}

/** Internals the user actions (library-actions.ts) build on. */
export interface ControllerCore {
  store: AppStore;
  library: PlanLibrary;
  /** The rev this tab last read or wrote, per entry: the base of its next save there. */
  knownRevs: Map<string, number>;
  session(): Session | null;
  view(): LibraryView;
  setView(patch: Partial<LibraryView>): void;
  refresh(): void;
  markDamaged(id: string): void;
  flush(): void;
  /** Saves `plan` as a new entry standing in for `oldId` (deleted or lost) and attaches the editor to it. */
  rehome(oldId: string | null, plan: Plan): boolean;
  /** Lets saving go on after the user chose how to settle a conflict. */
  settle(rev: number | null): void;
  tabs(): TabWatch | null;
  /** A plan was deleted: while storage is full, measure again and try the failed save once more. */
  freed(): void;
}
