// The plan library's shapes: a list line, a stored entry, every result a method returns, and the library itself.
// Types and messages only; library.ts implements them.
import type { Plan } from '../plan/schema';
import type { Problem } from '../plan/parse';
import type { StorageFailure, StorageSource } from './storage';
import type { StorageUsage } from './usage';

/** One line of the library list. */
export interface LibraryItem {
  id: string;
  name: string;
  /** ms since the epoch of the last save. */
  updatedAt: number;
  rev: number;
}

/** One stored plan: `rev` counts saves from 1; `tabId` is the tab that saved it last. */
export interface StoredEntry {
  id: string;
  rev: number;
  savedAt: number;
  tabId: string;
  text: string;
}

export type Failure<R extends string> = { ok: false; reason: R; message: string };
export type ListResult =
  { ok: true; items: LibraryItem[]; /** the index was damaged or out of step and was rebuilt */ repaired: boolean } | StorageFailure;
export type CreateResult = { ok: true; item: LibraryItem } | StorageFailure | Failure<'too_large' | 'too_many' | 'invalid'>;
export type OpenResult =
  | { ok: true; plan: Plan; rev: number; item: LibraryItem; entry: Omit<StoredEntry, 'text'> }
  | (Failure<'corrupt'> & { name: string; problems: Problem[] })
  | Failure<'missing'>
  | StorageFailure;
export type SaveResult =
  | { ok: true; rev: number; savedAt: number; /** nothing changed since that rev, so nothing was written */ unchanged: boolean }
  | { ok: false; reason: 'conflict'; message: string; theirs: { rev: number; tabId: string; savedAt: number } }
  | Failure<'missing' | 'too_large'>
  | StorageFailure;
export type RenameResult =
  { ok: true; rev: number; plan: Plan; item: LibraryItem } | Exclude<SaveResult, { ok: true }> | Failure<'corrupt' | 'invalid'>;
export type WriteResult = { ok: true } | StorageFailure;
export type UsageResult = { ok: true; usage: StorageUsage } | StorageFailure;

export interface SaveOptions {
  /** The rev this tab last read or wrote. */
  expectedRev: number;
  /** Defaults to the library's tabId. */
  tabId?: string;
  /** Overwrite even if another tab saved since expectedRev (the user chose "keep mine"). */
  force?: boolean;
}

export interface LibraryOptions {
  /** localStorage in the app (pass `getBrowserStorage`), a MemoryStorage in tests. */
  storage: StorageSource;
  /** This tab's id, written into each entry it saves. */
  tabId?: string;
  now?: () => number;
  newId?: () => string;
  maxPlans?: number;
  maxEntryChars?: number;
}

export const LIBRARY_MESSAGES = {
  missing:
    'This plan is no longer in the library (was it deleted in another tab?). It is kept in memory: save it as a new plan or export it.',
  conflict: 'This plan was changed in another tab since you opened it. Your version is kept here: reload theirs, or keep yours.',
  tooMany: (max: number) => `The library holds at most ${max} plans: delete one to make room. This plan is kept in memory.`,
  tooLarge: (chars: number, max: number) =>
    `This plan is too large to keep in browser storage (${chars.toLocaleString('en-US')} characters, at most ${max.toLocaleString('en-US')}): export it as a file.`,
} as const;

export interface PlanLibrary {
  readonly tabId: string;
  /** Whether storage can be written at all: for a banner at start-up. */
  status(): WriteResult;
  /** Every plan, most recently saved first. Rebuilds a damaged or stale index from the entries. */
  list(): ListResult;
  create(plan: Plan): CreateResult;
  open(id: string): OpenResult;
  save(id: string, plan: Plan, options: SaveOptions): SaveResult;
  /** Renames the stored plan (its `name`): if it is open in this tab, apply the returned plan and rev to the editor. */
  rename(id: string, name: string): RenameResult;
  /** A new plan with the stored plan's content, named "… (copy)". */
  duplicate(id: string): CreateResult | Failure<'missing' | 'corrupt'>;
  remove(id: string): WriteResult;
  /** The plan to reopen on reload, if it is still in the library. */
  lastOpened(): string | null;
  setLastOpened(id: string | null): WriteResult;
  /** What each stored plan takes, largest first: what the user can free when storage is full. */
  usage(): UsageResult;
}
