// What takes the browser's storage, for the "storage is full" notice: each stored plan's size, largest first, and
// what this site's other keys hold. Reads sizes only (no entry is parsed); never writes.
import type { StorageLike } from './storage';

export interface PlanUsage {
  id: string;
  name: string;
  /** Characters the entry takes (its key and its stored text). */
  chars: number;
}

export interface StorageUsage {
  /** Every stored plan, largest first (ties by name). */
  plans: PlanUsage[];
  /** Characters under every other key (the library's index and whatever else the site keeps). */
  otherChars: number;
  totalChars: number;
}

/**
 * Sizes of what `storage` holds. `idOf` names the plan a key stores (null for other keys); `names` gives each
 * plan's name (from the library list), else “Untitled plan”. Storage errors are thrown to the caller.
 */
export function measureUsage(storage: StorageLike, idOf: (key: string) => string | null, names: ReadonlyMap<string, string>): StorageUsage {
  const plans: PlanUsage[] = [];
  let otherChars = 0;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === null) continue;
    const chars = key.length + (storage.getItem(key)?.length ?? 0);
    const id = idOf(key);
    if (id === null) otherChars += chars;
    else plans.push({ id, name: names.get(id) ?? 'Untitled plan', chars });
  }
  plans.sort((a, b) => b.chars - a.chars || a.name.localeCompare(b.name));
  return { plans, otherChars, totalChars: otherChars + plans.reduce((n, p) => n + p.chars, 0) };
}
