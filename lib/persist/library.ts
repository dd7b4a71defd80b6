// The plan library: many plans kept in browser storage (an injected Storage), with revisions so two tabs never overwrite each other silently.
// Stored text is untrusted (parsed with parsePlanText on the way out); no method throws, and none mutates or drops the caller's plan.
//
// Layout, all under the `toolwave:` prefix:
//   toolwave:library        { version: 1, plans: [{ id, name, updatedAt, rev }] }   the index, for a cheap list
//   toolwave:plan:<id>      { id, rev, savedAt, tabId, text }                       one entry per plan, text = serializePlan(plan)
//   toolwave:last-opened    <id>
// The entries are the truth; the index is a cache of them: list() rebuilds it when it is damaged or out of step.
import '../plan/zod-config';
import * as z from 'zod/mini';
import { LIMITS, type Plan } from '../plan/schema';
import { parsePlan, parsePlanText, serializePlan } from '../plan/parse';
import { randomId, resolveStorage, storageFailure, UNAVAILABLE, type StorageFailure, type StorageLike } from './storage';
import {
  LIBRARY_MESSAGES,
  type CreateResult,
  type Failure,
  type LibraryItem,
  type LibraryOptions,
  type ListResult,
  type OpenResult,
  type PlanLibrary,
  type RenameResult,
  type SaveOptions,
  type SaveResult,
  type StoredEntry,
  type UsageResult,
  type WriteResult,
} from './library-types';
import { measureUsage } from './usage';

export * from './library-types';

export const STORAGE_PREFIX = 'toolwave:';
export const INDEX_KEY = `${STORAGE_PREFIX}library`;
export const ENTRY_PREFIX = `${STORAGE_PREFIX}plan:`;
export const LAST_OPENED_KEY = `${STORAGE_PREFIX}last-opened`;
/** Most plans the library keeps. */
export const MAX_PLANS = 200;
/** Longest plan text one entry may hold (characters); browsers' quotas (~5 M characters) usually bite first. */
export const MAX_ENTRY_CHARS = LIMITS.maxBytes;
/** Path of a problem with the stored entry itself rather than the plan in it. */
export const STORAGE_PATH = '(storage)';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const entryKey = (id: string): string => `${ENTRY_PREFIX}${id}`;

/** The plan id a storage key belongs to, or null for any other key. */
export function entryIdOf(key: string | null): string | null {
  if (key === null || !key.startsWith(ENTRY_PREFIX)) return null;
  const id = key.slice(ENTRY_PREFIX.length);
  return ID_PATTERN.test(id) ? id : null;
}

const idSchema = z.string().check(z.regex(ID_PATTERN));
const revSchema = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const timeSchema = z.number();

export const entrySchema = z.strictObject({
  id: idSchema,
  rev: revSchema,
  savedAt: timeSchema,
  tabId: z.string().check(z.maxLength(200)),
  text: z.string(),
});
const itemSchema = z.strictObject({ id: idSchema, name: z.string().check(z.maxLength(1000)), updatedAt: timeSchema, rev: revSchema });
const indexSchema = z.strictObject({ version: z.literal(1), plans: z.array(itemSchema).check(z.maxLength(10_000)) });

const DAMAGED_NAME = 'Damaged plan';

/** A plan library over `options.storage`. */
export function createPlanLibrary(options: LibraryOptions): PlanLibrary {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => randomId());
  const tabId = options.tabId ?? randomId();
  const maxPlans = options.maxPlans ?? MAX_PLANS;
  const maxEntryChars = options.maxEntryChars ?? MAX_ENTRY_CHARS;

  /** Runs `fn` with the storage; any throw from storage becomes a plain failure. */
  function withStorage<T>(fn: (s: StorageLike) => T): T | StorageFailure {
    let storage: StorageLike | null;
    try {
      storage = resolveStorage(options.storage);
    } catch {
      return UNAVAILABLE;
    }
    if (!storage) return UNAVAILABLE;
    try {
      return fn(storage);
    } catch (err) {
      return storageFailure(err);
    }
  }

  function readEntry(s: StorageLike, id: string): { entry: StoredEntry } | { damaged: string } | null {
    const raw = s.getItem(entryKey(id));
    if (raw === null) return null;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return { damaged: 'the stored entry is not JSON' };
    }
    const parsed = entrySchema.safeParse(data);
    if (!parsed.success) return { damaged: 'the stored entry is not in the library format' };
    if (parsed.data.id !== id) return { damaged: 'the stored entry belongs to another id' };
    return { entry: parsed.data };
  }

  /** The plan name inside an entry's text, without a full parse (for rebuilding the index). */
  function nameOf(text: string): string {
    try {
      const data: unknown = JSON.parse(text);
      const name = data !== null && typeof data === 'object' ? (data as { name?: unknown }).name : undefined;
      return typeof name === 'string' && name.trim() !== '' ? name : 'Untitled plan';
    } catch {
      return DAMAGED_NAME;
    }
  }

  function itemFromStorage(s: StorageLike, id: string): LibraryItem {
    const read = readEntry(s, id);
    if (read === null || 'damaged' in read) return { id, name: DAMAGED_NAME, updatedAt: 0, rev: 0 };
    return { id, name: nameOf(read.entry.text), updatedAt: read.entry.savedAt, rev: read.entry.rev };
  }

  function storedIds(s: StorageLike): Set<string> {
    const ids = new Set<string>();
    for (let i = 0; i < s.length; i++) {
      const id = entryIdOf(s.key(i));
      if (id !== null) ids.add(id);
    }
    return ids;
  }

  function parseIndex(raw: string | null): LibraryItem[] | null {
    if (raw === null) return null;
    try {
      const parsed = indexSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) return null;
      const seen = new Set<string>();
      return parsed.data.plans.filter((p) => !seen.has(p.id) && (seen.add(p.id), true));
    } catch {
      return null;
    }
  }

  function writeIndex(s: StorageLike, items: LibraryItem[]): void {
    s.setItem(INDEX_KEY, JSON.stringify({ version: 1, plans: items }));
  }

  /** The index, checked against the entries actually stored: missing entries dropped, unlisted ones added. */
  function readIndex(s: StorageLike): { items: LibraryItem[]; repaired: boolean } {
    const raw = s.getItem(INDEX_KEY);
    const indexed = parseIndex(raw);
    const ids = storedIds(s);
    let repaired = raw !== null && indexed === null;
    const items: LibraryItem[] = [];
    for (const item of indexed ?? []) {
      if (ids.has(item.id)) items.push(item);
      else repaired = true;
    }
    const listed = new Set(items.map((i) => i.id));
    for (const id of ids) {
      if (!listed.has(id)) {
        items.push(itemFromStorage(s, id));
        repaired = true;
      }
    }
    if (repaired) {
      try {
        writeIndex(s, items);
      } catch {
        // The repaired list is still returned; the next list() repairs again.
      }
    }
    return { items, repaired };
  }

  function upsertItem(s: StorageLike, item: LibraryItem): void {
    const { items } = readIndex(s);
    const at = items.findIndex((i) => i.id === item.id);
    if (at >= 0) items[at] = item;
    else items.push(item);
    writeIndex(s, items);
  }

  function serialize(plan: Plan): { text: string } | Failure<'too_large'> {
    const text = serializePlan(plan);
    if (text.length > maxEntryChars)
      return { ok: false, reason: 'too_large', message: LIBRARY_MESSAGES.tooLarge(text.length, maxEntryChars) };
    return { text };
  }

  function writeEntry(s: StorageLike, entry: StoredEntry): void {
    s.setItem(entryKey(entry.id), JSON.stringify(entry));
  }

  function create(plan: Plan): CreateResult {
    const ser = serialize(plan);
    if (!('text' in ser)) return ser;
    return withStorage((s): CreateResult => {
      const { items } = readIndex(s);
      if (items.length >= maxPlans) return { ok: false, reason: 'too_many', message: LIBRARY_MESSAGES.tooMany(maxPlans) };
      let id = newId();
      for (let tries = 0; !ID_PATTERN.test(id) || s.getItem(entryKey(id)) !== null; tries++) {
        if (tries > 20) return { ok: false, reason: 'invalid', message: 'Could not find a free id for the new plan.' };
        id = randomId();
      }
      const savedAt = now();
      writeEntry(s, { id, rev: 1, savedAt, tabId, text: ser.text });
      const item: LibraryItem = { id, name: plan.name, updatedAt: savedAt, rev: 1 };
      try {
        writeIndex(s, [...items, item]);
      } catch (err) {
        // Without its index line the entry would reappear as a surprise: take it back and report the failure.
        try {
          s.removeItem(entryKey(id));
        } catch {
          // Nothing more to do: list() will adopt it if it stayed.
        }
        return storageFailure(err);
      }
      return { ok: true, item };
    });
  }

  function open(id: string): OpenResult {
    return withStorage((s): OpenResult => {
      if (!ID_PATTERN.test(id)) return { ok: false, reason: 'missing', message: LIBRARY_MESSAGES.missing };
      const read = readEntry(s, id);
      if (read === null) return { ok: false, reason: 'missing', message: LIBRARY_MESSAGES.missing };
      const indexed = parseIndex(s.getItem(INDEX_KEY))?.find((i) => i.id === id);
      if ('damaged' in read) {
        const name = indexed?.name ?? DAMAGED_NAME;
        return {
          ok: false,
          reason: 'corrupt',
          name,
          message: `The stored plan "${name}" could not be read: ${read.damaged}.`,
          problems: [{ path: STORAGE_PATH, message: read.damaged }],
        };
      }
      const { entry } = read;
      const parsed = parsePlanText(entry.text);
      if (!parsed.ok) {
        const name = indexed?.name ?? nameOf(entry.text);
        return {
          ok: false,
          reason: 'corrupt',
          name,
          message: `The stored plan "${name}" is damaged and could not be opened.`,
          problems: parsed.problems,
        };
      }
      return {
        ok: true,
        plan: parsed.plan,
        rev: entry.rev,
        item: { id, name: parsed.plan.name, updatedAt: entry.savedAt, rev: entry.rev },
        entry: { id, rev: entry.rev, savedAt: entry.savedAt, tabId: entry.tabId },
      };
    });
  }

  function save(id: string, plan: Plan, opts: SaveOptions): SaveResult {
    const ser = serialize(plan);
    if (!('text' in ser)) return ser;
    const by = opts.tabId ?? tabId;
    return withStorage((s): SaveResult => {
      if (!ID_PATTERN.test(id)) return { ok: false, reason: 'missing', message: LIBRARY_MESSAGES.missing };
      const read = readEntry(s, id);
      if (read === null) return { ok: false, reason: 'missing', message: LIBRARY_MESSAGES.missing };
      // A damaged entry has no rev to compare: a good plan over it is a repair, not a conflict.
      const stored = 'entry' in read ? read.entry : null;
      if (stored) {
        // The same text is no conflict whoever wrote it: adopt the stored rev and write nothing (no wake-up for other tabs).
        if (stored.text === ser.text && stored.rev >= opts.expectedRev)
          return { ok: true, rev: stored.rev, savedAt: stored.savedAt, unchanged: true };
        if (stored.rev > opts.expectedRev && stored.tabId !== by && !opts.force) {
          return {
            ok: false,
            reason: 'conflict',
            message: LIBRARY_MESSAGES.conflict,
            theirs: { rev: stored.rev, tabId: stored.tabId, savedAt: stored.savedAt },
          };
        }
      }
      const rev = Math.max(stored?.rev ?? 0, opts.expectedRev) + 1;
      const savedAt = now();
      writeEntry(s, { id, rev, savedAt, tabId: by, text: ser.text });
      try {
        upsertItem(s, { id, name: plan.name, updatedAt: savedAt, rev });
      } catch {
        // The plan itself is saved; a stale index line only shows an old name or time until the next save.
      }
      return { ok: true, rev, savedAt, unchanged: false };
    });
  }

  function rename(id: string, name: string): RenameResult {
    const opened = open(id);
    if (!opened.ok) return opened.reason === 'corrupt' ? { ok: false, reason: 'corrupt', message: opened.message } : opened;
    const checked = parsePlan({ ...opened.plan, name: name.trim() });
    if (!checked.ok) {
      const problem = checked.problems.find((p) => p.path === 'name') ?? checked.problems[0];
      return { ok: false, reason: 'invalid', message: `The name ${problem.message}.` };
    }
    const saved = save(id, checked.plan, { expectedRev: opened.rev });
    if (!saved.ok) return saved;
    return {
      ok: true,
      rev: saved.rev,
      plan: checked.plan,
      item: { id, name: checked.plan.name, updatedAt: saved.savedAt, rev: saved.rev },
    };
  }

  function duplicate(id: string): CreateResult | Failure<'missing' | 'corrupt'> {
    const opened = open(id);
    if (!opened.ok) return opened.reason === 'corrupt' ? { ok: false, reason: 'corrupt', message: opened.message } : opened;
    const suffix = ' (copy)';
    const base = opened.plan.name.length + suffix.length > 200 ? opened.plan.name.slice(0, 200 - suffix.length) : opened.plan.name;
    return create({ ...opened.plan, name: `${base}${suffix}` });
  }

  function remove(id: string): WriteResult {
    return withStorage((s): WriteResult => {
      s.removeItem(entryKey(id));
      const { items } = readIndex(s);
      const kept = items.filter((i) => i.id !== id);
      if (kept.length !== items.length) writeIndex(s, kept);
      if (s.getItem(LAST_OPENED_KEY) === id) s.removeItem(LAST_OPENED_KEY);
      return { ok: true };
    });
  }

  function lastOpened(): string | null {
    const result = withStorage((s) => {
      const id = s.getItem(LAST_OPENED_KEY);
      return id !== null && ID_PATTERN.test(id) && s.getItem(entryKey(id)) !== null ? id : null;
    });
    return typeof result === 'string' ? result : null;
  }

  function setLastOpened(id: string | null): WriteResult {
    return withStorage((s): WriteResult => {
      if (id === null) s.removeItem(LAST_OPENED_KEY);
      else s.setItem(LAST_OPENED_KEY, id);
      return { ok: true };
    });
  }

  function status(): WriteResult {
    return withStorage((s): WriteResult => {
      const probe = `${STORAGE_PREFIX}probe`;
      s.setItem(probe, '1');
      s.removeItem(probe);
      return { ok: true };
    });
  }

  function list(): ListResult {
    return withStorage((s): ListResult => {
      const { items, repaired } = readIndex(s);
      return { ok: true, items: [...items].sort((a, b) => b.updatedAt - a.updatedAt), repaired };
    });
  }

  function usage(): UsageResult {
    return withStorage((s): UsageResult => {
      const names = new Map(readIndex(s).items.map((i) => [i.id, i.name]));
      return { ok: true, usage: measureUsage(s, entryIdOf, names) };
    });
  }

  return { tabId, status, list, create, open, save, rename, duplicate, remove, lastOpened, setLastOpened, usage };
}
