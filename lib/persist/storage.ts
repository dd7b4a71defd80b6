// What lib/persist needs from browser storage, and how its failures read: a Storage-like interface, quota detection, ids.
// Never touches window or localStorage at module load: callers pass storage in, or call getBrowserStorage() when they need it.

/** The part of the DOM `Storage` interface the library uses (localStorage, sessionStorage or a test fake). */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage, or a getter for one that may throw (reading `window.localStorage` itself throws when site data is blocked). */
export type StorageSource = StorageLike | null | (() => StorageLike | null);

export const STORAGE_MESSAGES = {
  quota: 'Browser storage is full: this plan is kept in memory only. Export it or free space.',
  unavailable:
    'Browser storage is unavailable (private browsing, or site data blocked): this plan is kept in memory only. Export it to keep it.',
} as const;

export type StorageFailure = { ok: false; reason: 'quota' | 'unavailable'; message: string };

/** Whether an error thrown by setItem means "storage is full" (Chrome/Safari: code 22; Firefox: 1014 or its own name). */
export function isQuotaError(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** The failure to report for an error thrown by storage: full, or not usable at all. */
export function storageFailure(err: unknown): StorageFailure {
  return isQuotaError(err)
    ? { ok: false, reason: 'quota', message: STORAGE_MESSAGES.quota }
    : { ok: false, reason: 'unavailable', message: STORAGE_MESSAGES.unavailable };
}

export const UNAVAILABLE: StorageFailure = { ok: false, reason: 'unavailable', message: STORAGE_MESSAGES.unavailable };

/** Resolves a StorageSource; throws whatever the getter throws (callers turn that into "unavailable"). */
export function resolveStorage(source: StorageSource): StorageLike | null {
  return typeof source === 'function' ? source() : source;
}

/** `globalThis.localStorage` when the browser lets this page use it, else null. Call it lazily, never at import. */
export function getBrowserStorage(): StorageLike | null {
  try {
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues?: <T extends ArrayBufferView | null>(array: T) => T;
}

/** A random id: crypto.randomUUID() when available (secure contexts), else 128 random bits from getRandomValues. */
export function randomId(crypto: CryptoLike | undefined = (globalThis as { crypto?: CryptoLike }).crypto): string {
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
