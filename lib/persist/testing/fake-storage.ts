// Test doubles for browser storage: an in-memory Storage with a quota, and one that throws on every access.
// Test-only: the app never stores plans in these.
import type { StorageLike } from '../storage';

/** An in-memory Storage that throws QuotaExceededError (code 22) once keys + values pass `quotaChars` characters, as browsers do. */
export class MemoryStorage implements StorageLike {
  private readonly map = new Map<string, string>();
  /** Every setItem attempted, for tests that check nothing was written. */
  readonly writes: string[] = [];

  constructor(public quotaChars = Number.POSITIVE_INFINITY) {}

  get length(): number {
    return this.map.size;
  }

  key(index: number): string | null {
    return Array.from(this.map.keys())[index] ?? null;
  }

  getItem(key: string): string | null {
    return this.map.get(String(key)) ?? null;
  }

  setItem(key: string, value: string): void {
    const k = String(key);
    const v = String(value);
    this.writes.push(k);
    const old = this.map.get(k);
    const after = this.usedChars() - (old === undefined ? 0 : k.length + old.length) + k.length + v.length;
    if (after > this.quotaChars) throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
    this.map.set(k, v);
  }

  removeItem(key: string): void {
    this.map.delete(String(key));
  }

  usedChars(): number {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }

  keys(): string[] {
    return Array.from(this.map.keys());
  }
}

/**
 * A storage that fills up at a chosen write: once armed with `failFrom(n)`, the n-th setItem from then on (0 = the
 * next) and every one after it throw QuotaExceededError, as when a quota is hit in the middle of a save.
 */
export class FillingStorage extends MemoryStorage {
  private left = Number.POSITIVE_INFINITY;

  failFrom(n: number): void {
    this.left = n;
  }

  roomAgain(): void {
    this.left = Number.POSITIVE_INFINITY;
  }

  override setItem(key: string, value: string): void {
    if (this.left <= 0) {
      this.writes.push(String(key));
      throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
    }
    this.left--;
    super.setItem(key, value);
  }
}

/** A storage that throws on every access, as localStorage does when site data is blocked. */
export function unavailableStorage(): StorageLike {
  const fail = (): never => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    get length(): number {
      return fail();
    },
    key: fail,
    getItem: fail,
    setItem: fail,
    removeItem: fail,
  };
}
