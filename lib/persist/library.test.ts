// The plan library over a fake Storage: plans come back exactly, revisions stop silent overwrites between tabs,
// and a full, blocked or damaged storage is reported plainly without losing the plan in memory.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LIMITS } from '../plan/schema';
import { serializePlan } from '../plan/parse';
import { arbitraryPlan } from '../plan/testing/arbitrary';
import {
  ENTRY_PREFIX,
  INDEX_KEY,
  LAST_OPENED_KEY,
  LIBRARY_MESSAGES,
  MAX_ENTRY_CHARS,
  MAX_PLANS,
  createPlanLibrary,
  entryIdOf,
  entryKey,
  type LibraryOptions,
  type PlanLibrary,
} from './library';
import { STORAGE_MESSAGES, isQuotaError } from './storage';
import { MemoryStorage, unavailableStorage } from './testing/fake-storage';
import { deepFreeze, samplePlan } from './testing/plans';

/** A library with a ticking clock (1000, 2000, …) and ids plan-1, plan-2, …. */
function setup(options: Partial<LibraryOptions> = {}): { lib: PlanLibrary; storage: MemoryStorage } {
  const storage = options.storage instanceof MemoryStorage ? options.storage : new MemoryStorage();
  let t = 0;
  let n = 0;
  const lib = createPlanLibrary({ tabId: 'tab-a', now: () => (t += 1000), newId: () => `plan-${++n}`, ...options, storage });
  return { lib, storage };
}

function mustCreate(lib: PlanLibrary, name = 'Research question'): string {
  const created = lib.create(samplePlan(name));
  if (!created.ok) throw new Error(created.message);
  return created.item.id;
}

/** A storage whose writes to one key fail with the given error. */
class FailingKeyStorage extends MemoryStorage {
  constructor(
    private readonly failKey: (key: string) => boolean,
    private readonly error: () => unknown,
  ) {
    super();
  }
  override setItem(key: string, value: string): void {
    if (this.failKey(key)) throw this.error();
    super.setItem(key, value);
  }
}

const quotaError = (): DOMException => new DOMException('exceeded the quota', 'QuotaExceededError');

describe('keeping plans', () => {
  it('gives back a created plan exactly, at rev 1, and lists it', () => {
    const { lib } = setup();
    const plan = samplePlan('Order status', 3);
    const created = lib.create(plan);
    expect(created).toEqual({ ok: true, item: { id: 'plan-1', name: 'Order status', updatedAt: 1000, rev: 1 } });
    const opened = lib.open('plan-1');
    expect(opened.ok && opened.plan).toStrictEqual(plan);
    expect(opened.ok && opened.rev).toBe(1);
    expect(lib.list()).toEqual({ ok: true, repaired: false, items: [{ id: 'plan-1', name: 'Order status', updatedAt: 1000, rev: 1 }] });
  });

  it('stores each plan as its canonical file text, under the toolwave: prefix only', () => {
    const { lib, storage } = setup();
    const plan = samplePlan();
    const id = mustCreate(lib);
    lib.setLastOpened(id);
    expect(JSON.parse(storage.getItem(entryKey(id)) ?? '')).toEqual({
      id,
      rev: 1,
      savedAt: 1000,
      tabId: 'tab-a',
      text: serializePlan(plan),
    });
    expect(storage.keys().sort()).toEqual([INDEX_KEY, LAST_OPENED_KEY, `${ENTRY_PREFIX}${id}`].sort());
    expect(storage.keys().every((k) => k.startsWith('toolwave:'))).toBe(true);
  });

  it('gives back 100 generated plans of every feature exactly after a save', () => {
    const { lib } = setup();
    const id = mustCreate(lib);
    let rev = 1;
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 10 }), (plan) => {
        const saved = lib.save(id, plan, { expectedRev: rev });
        if (!saved.ok) throw new Error(saved.message);
        rev = saved.rev;
        const opened = lib.open(id);
        expect(opened.ok && opened.plan).toStrictEqual(plan);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('restores the last opened plan exactly in a new tab (a reload)', () => {
    const storage = new MemoryStorage();
    const { lib } = setup({ storage });
    const id = mustCreate(lib);
    const edited = { ...samplePlan('Edited', 4), description: 'after some edits' };
    expect(lib.save(id, edited, { expectedRev: 1 })).toMatchObject({ ok: true, rev: 2 });
    lib.setLastOpened(id);

    const reloaded = createPlanLibrary({ storage, tabId: 'tab-after-reload' });
    expect(reloaded.lastOpened()).toBe(id);
    const opened = reloaded.open(id);
    expect(opened.ok && opened.plan).toStrictEqual(edited);
    expect(opened.ok && opened.entry).toEqual({ id, rev: 2, savedAt: 2000, tabId: 'tab-a' });
  });

  it('counts revisions and lists the most recently saved plan first', () => {
    const { lib } = setup();
    const first = mustCreate(lib, 'First');
    mustCreate(lib, 'Second');
    expect(lib.save(first, samplePlan('First, renamed in the editor'), { expectedRev: 1 })).toEqual({
      ok: true,
      rev: 2,
      savedAt: 3000,
      unchanged: false,
    });
    const listed = lib.list();
    expect(listed.ok && listed.items.map((i) => [i.name, i.rev, i.updatedAt])).toEqual([
      ['First, renamed in the editor', 2, 3000],
      ['Second', 1, 2000],
    ]);
  });

  it('writes nothing when a save has nothing new', () => {
    const { lib, storage } = setup();
    const id = mustCreate(lib);
    const before = storage.writes.length;
    expect(lib.save(id, samplePlan(), { expectedRev: 1 })).toEqual({ ok: true, rev: 1, savedAt: 1000, unchanged: true });
    expect(storage.writes.length).toBe(before);
  });
});

describe('two tabs on one plan', () => {
  function twoTabs(): { a: PlanLibrary; b: PlanLibrary; id: string } {
    const storage = new MemoryStorage();
    let t = 0;
    const now = (): number => (t += 1000);
    const a = createPlanLibrary({ storage, tabId: 'tab-a', now });
    const b = createPlanLibrary({ storage, tabId: 'tab-b', now });
    return { a, b, id: mustCreate(a) };
  }

  it("refuses a save from a tab that has not seen the other tab's save, and keeps the other tab's version", () => {
    const { a, b, id } = twoTabs();
    const theirs = samplePlan('Changed in tab B');
    expect(b.save(id, theirs, { expectedRev: 1 })).toMatchObject({ ok: true, rev: 2 });
    const mine = samplePlan('Changed in tab A');
    expect(a.save(id, mine, { expectedRev: 1 })).toEqual({
      ok: false,
      reason: 'conflict',
      message: LIBRARY_MESSAGES.conflict,
      theirs: { rev: 2, tabId: 'tab-b', savedAt: 2000 },
    });
    const stored = a.open(id);
    expect(stored.ok && stored.plan).toStrictEqual(theirs);
  });

  it('overwrites only when the user chooses to keep their version, which the other tab then sees as a conflict', () => {
    const { a, b, id } = twoTabs();
    b.save(id, samplePlan('B'), { expectedRev: 1 });
    expect(a.save(id, samplePlan('A wins'), { expectedRev: 1, force: true })).toMatchObject({ ok: true, rev: 3 });
    expect(b.save(id, samplePlan('B again'), { expectedRev: 2 })).toMatchObject({
      ok: false,
      reason: 'conflict',
      theirs: { rev: 3, tabId: 'tab-a' },
    });
  });

  it('lets a tab save over its own later revision', () => {
    const { a, id } = twoTabs();
    a.save(id, samplePlan('Two'), { expectedRev: 1 });
    expect(a.save(id, samplePlan('Three'), { expectedRev: 1 })).toMatchObject({ ok: true, rev: 3 });
  });

  it('takes the same content saved by another tab as no conflict, adopting its revision', () => {
    const { a, b, id } = twoTabs();
    b.save(id, samplePlan('Same'), { expectedRev: 1 });
    expect(a.save(id, samplePlan('Same'), { expectedRev: 1 })).toEqual({ ok: true, rev: 2, savedAt: 2000, unchanged: true });
  });

  it('sees a rename made in another tab as a conflict rather than undoing it', () => {
    const { a, b, id } = twoTabs();
    expect(b.rename(id, 'Renamed in B')).toMatchObject({ ok: true, rev: 2 });
    expect(a.save(id, samplePlan('Old name, new edit'), { expectedRev: 1 })).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('does not bring back a plan another tab deleted', () => {
    const { a, b, id } = twoTabs();
    expect(b.remove(id)).toEqual({ ok: true });
    expect(a.save(id, samplePlan('Still editing'), { expectedRev: 1 })).toEqual({
      ok: false,
      reason: 'missing',
      message: LIBRARY_MESSAGES.missing,
    });
    expect(a.list()).toEqual({ ok: true, items: [], repaired: false });
  });
});

describe('full storage', () => {
  it.each([
    ['a DOMException named QuotaExceededError', new DOMException('full', 'QuotaExceededError'), true],
    ['code 22 (Chrome, Safari)', { name: 'Error', code: 22 }, true],
    ['code 1014 (old Firefox)', { name: 'Error', code: 1014 }, true],
    ['NS_ERROR_DOM_QUOTA_REACHED (Firefox)', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
    ['a SecurityError', new DOMException('insecure', 'SecurityError'), false],
    ['a TypeError', new TypeError('x'), false],
    ['null', null, false],
  ])('is recognised from %s: %s', (_what, err, expected) => {
    expect(isQuotaError(err)).toBe(expected);
  });

  it('refuses a new plan plainly, leaves nothing behind, and never touches the plan in memory', () => {
    const storage = new MemoryStorage(500);
    const { lib } = setup({ storage });
    const plan = deepFreeze(samplePlan('Too big for 500 characters', 3));
    expect(lib.create(plan)).toEqual({ ok: false, reason: 'quota', message: STORAGE_MESSAGES.quota });
    expect(STORAGE_MESSAGES.quota).toBe('Browser storage is full: this plan is kept in memory only. Export it or free space.');
    expect(storage.keys()).toEqual([]);
    expect(plan).toStrictEqual(samplePlan('Too big for 500 characters', 3));
  });

  it('refuses a save plainly and keeps the last stored version intact', () => {
    const storage = new MemoryStorage();
    const { lib } = setup({ storage });
    const id = mustCreate(lib, 'Small');
    storage.quotaChars = storage.usedChars() + 100;
    const bigger = deepFreeze(samplePlan('Grown', 12));
    expect(lib.save(id, bigger, { expectedRev: 1 })).toEqual({ ok: false, reason: 'quota', message: STORAGE_MESSAGES.quota });
    const opened = lib.open(id);
    expect(opened.ok && [opened.plan.name, opened.rev]).toEqual(['Small', 1]);
    storage.quotaChars = Number.POSITIVE_INFINITY;
    expect(lib.save(id, bigger, { expectedRev: 1 })).toMatchObject({ ok: true, rev: 2 });
  });

  it("recognises Firefox's own quota error", () => {
    const storage = new FailingKeyStorage(
      () => true,
      () => ({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014, message: 'Persistent storage maximum size reached' }),
    );
    expect(setup({ storage }).lib.create(samplePlan())).toMatchObject({ ok: false, reason: 'quota' });
  });

  it('takes a new entry back when its index line cannot be written', () => {
    const storage = new FailingKeyStorage((key) => key === INDEX_KEY, quotaError);
    const { lib } = setup({ storage });
    expect(lib.create(samplePlan())).toEqual({ ok: false, reason: 'quota', message: STORAGE_MESSAGES.quota });
    expect(storage.keys()).toEqual([]);
  });

  it('still saves the plan when only its index line cannot be updated', () => {
    let armed = false;
    const storage = new FailingKeyStorage((key) => armed && key === INDEX_KEY, quotaError);
    const { lib } = setup({ storage });
    const id = mustCreate(lib);
    armed = true;
    const lib2 = createPlanLibrary({ storage, tabId: 'tab-a' });
    expect(lib2.save(id, samplePlan('Saved anyway'), { expectedRev: 1 })).toMatchObject({ ok: true, rev: 2 });
    const opened = lib2.open(id);
    expect(opened.ok && opened.plan.name).toBe('Saved anyway');
  });

  it('is reported by status() before any plan is at risk', () => {
    expect(setup({ storage: new MemoryStorage(0) }).lib.status()).toEqual({ ok: false, reason: 'quota', message: STORAGE_MESSAGES.quota });
    expect(setup().lib.status()).toEqual({ ok: true });
  });
});

describe('unavailable storage', () => {
  it.each([
    ['storage that throws on every access', () => unavailableStorage()],
    [
      'a storage getter that throws (site data blocked)',
      () => () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    ],
    ['no storage at all', () => null],
  ])('is reported plainly by every method, with %s', (_what, make) => {
    const lib = createPlanLibrary({ storage: make(), tabId: 't' });
    const unavailable = { ok: false, reason: 'unavailable', message: STORAGE_MESSAGES.unavailable };
    const plan = deepFreeze(samplePlan());
    expect(lib.status()).toEqual(unavailable);
    expect(lib.list()).toEqual(unavailable);
    expect(lib.create(plan)).toEqual(unavailable);
    expect(lib.open('plan-1')).toEqual(unavailable);
    expect(lib.save('plan-1', plan, { expectedRev: 1 })).toEqual(unavailable);
    expect(lib.rename('plan-1', 'x')).toEqual(unavailable);
    expect(lib.duplicate('plan-1')).toEqual(unavailable);
    expect(lib.remove('plan-1')).toEqual(unavailable);
    expect(lib.setLastOpened('plan-1')).toEqual(unavailable);
    expect(lib.lastOpened()).toBeNull();
    expect(plan).toStrictEqual(samplePlan());
    expect(STORAGE_MESSAGES.unavailable).toMatch(/^Browser storage is unavailable/);
  });
});

describe('damaged storage', () => {
  it('reports a damaged entry by name, lists everything, and still opens the other plans', () => {
    const { lib, storage } = setup();
    const good = mustCreate(lib, 'Good plan');
    const bad = mustCreate(lib, 'Broken plan');
    const entry = JSON.parse(storage.getItem(entryKey(bad)) ?? '');
    storage.setItem(entryKey(bad), JSON.stringify({ ...entry, text: entry.text.replace('"ms": 100', '"ms": -5') }));

    const listed = lib.list();
    expect(listed.ok && listed.items.map((i) => i.name).sort()).toEqual(['Broken plan', 'Good plan']);
    const opened = lib.open(bad);
    expect(opened).toMatchObject({
      ok: false,
      reason: 'corrupt',
      name: 'Broken plan',
      message: 'The stored plan "Broken plan" is damaged and could not be opened.',
    });
    expect(!opened.ok && 'problems' in opened && opened.problems).toEqual([{ path: 'calls[0].latency.ms', message: 'must be at least 0' }]);
    expect(lib.open(good).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"id": "plan-1", "rev"', 'the stored entry is not JSON'],
    ['not in the library format', '{"id": "plan-1", "rev": "two"}', 'the stored entry is not in the library format'],
    [
      'filed under another id',
      JSON.stringify({ id: 'plan-9', rev: 1, savedAt: 0, tabId: 't', text: '{}' }),
      'the stored entry belongs to another id',
    ],
  ])('reports an entry that is %s', (_what, raw, problem) => {
    const { lib, storage } = setup();
    const id = mustCreate(lib, 'Named in the index');
    storage.setItem(entryKey(id), raw);
    expect(lib.open(id)).toEqual({
      ok: false,
      reason: 'corrupt',
      name: 'Named in the index',
      message: `The stored plan "Named in the index" could not be read: ${problem}.`,
      problems: [{ path: '(storage)', message: problem }],
    });
    expect(lib.list().ok).toBe(true);
  });

  it('refuses a stored plan that is not JSON, or too large, through the same parser as a file', () => {
    const { lib, storage } = setup();
    const id = mustCreate(lib);
    const entry = JSON.parse(storage.getItem(entryKey(id)) ?? '');
    storage.setItem(entryKey(id), JSON.stringify({ ...entry, text: 'not json' }));
    expect(lib.open(id)).toMatchObject({
      ok: false,
      reason: 'corrupt',
      problems: [{ path: '(plan)', message: expect.stringMatching(/^is not valid JSON/) }],
    });
    storage.setItem(entryKey(id), JSON.stringify({ ...entry, text: ' '.repeat(LIMITS.maxBytes + 1) }));
    expect(lib.open(id)).toMatchObject({
      ok: false,
      reason: 'corrupt',
      problems: [{ path: '(plan)', message: expect.stringMatching(/^is too large/) }],
    });
  });

  it('can be repaired by saving a good plan over a damaged entry', () => {
    const { lib, storage } = setup();
    const id = mustCreate(lib);
    storage.setItem(entryKey(id), 'garbage');
    expect(lib.save(id, samplePlan('Repaired'), { expectedRev: 1 })).toMatchObject({ ok: true, rev: 2 });
    expect(lib.open(id)).toMatchObject({ ok: true, rev: 2, plan: { name: 'Repaired' } });
  });

  it.each([
    ['not JSON', 'garbage{'],
    ['of the wrong shape', '{"version": 1, "plans": [{"id": 3}]}'],
    ['of an unknown version', '{"version": 2, "plans": []}'],
  ])('rebuilds an index that is %s from the entries found', (_what, raw) => {
    const { lib, storage } = setup();
    mustCreate(lib, 'One');
    mustCreate(lib, 'Two');
    storage.setItem(entryKey('plan-3'), 'unreadable');
    storage.setItem(INDEX_KEY, raw);
    const listed = lib.list();
    expect(listed.ok && listed.repaired).toBe(true);
    expect(listed.ok && listed.items.map((i) => [i.id, i.name, i.rev])).toEqual([
      ['plan-2', 'Two', 1],
      ['plan-1', 'One', 1],
      ['plan-3', 'Damaged plan', 0],
    ]);
    expect(JSON.parse(storage.getItem(INDEX_KEY) ?? '').plans).toHaveLength(3);
    expect(lib.list()).toMatchObject({ ok: true, repaired: false });
  });

  it('adopts an entry missing from the index and drops an index line whose entry is gone', () => {
    const { lib, storage } = setup();
    mustCreate(lib, 'Listed');
    const orphan = mustCreate(lib, 'Orphan');
    const index = JSON.parse(storage.getItem(INDEX_KEY) ?? '');
    storage.setItem(
      INDEX_KEY,
      JSON.stringify({
        ...index,
        plans: [...index.plans.filter((p: { id: string }) => p.id !== orphan), { id: 'ghost', name: 'Ghost', updatedAt: 9, rev: 1 }],
      }),
    );
    const listed = lib.list();
    expect(listed.ok && listed.items.map((i) => i.name).sort()).toEqual(['Listed', 'Orphan']);
    expect(listed.ok && listed.repaired).toBe(true);
  });

  it("ignores other keys, other apps' keys and entry keys that are not ids", () => {
    const { lib, storage } = setup();
    mustCreate(lib);
    storage.setItem('other-app:plan:x', '1');
    storage.setItem(`${ENTRY_PREFIX}../../etc`, '1');
    expect(entryIdOf(`${ENTRY_PREFIX}../../etc`)).toBeNull();
    expect(lib.list()).toMatchObject({ ok: true, repaired: false, items: [{ id: 'plan-1' }] });
  });
});

describe('library limits', () => {
  it(`holds at most ${MAX_PLANS} plans and says how to make room`, () => {
    const { lib } = setup();
    for (let i = 0; i < MAX_PLANS; i++) mustCreate(lib, `Plan ${i}`);
    expect(lib.create(samplePlan('One too many'))).toEqual({ ok: false, reason: 'too_many', message: LIBRARY_MESSAGES.tooMany(MAX_PLANS) });
    expect(LIBRARY_MESSAGES.tooMany(MAX_PLANS)).toBe(
      'The library holds at most 200 plans: delete one to make room. This plan is kept in memory.',
    );
  });

  it('refuses a plan text over the entry cap before writing anything', () => {
    expect(MAX_ENTRY_CHARS).toBe(LIMITS.maxBytes);
    const { lib, storage } = setup({ maxEntryChars: 300 });
    const plan = samplePlan('Long', 5);
    const chars = serializePlan(plan).length;
    expect(lib.create(plan)).toEqual({ ok: false, reason: 'too_large', message: LIBRARY_MESSAGES.tooLarge(chars, 300) });
    expect(storage.writes).toEqual([]);
    expect(LIBRARY_MESSAGES.tooLarge(20_000_000, MAX_ENTRY_CHARS)).toBe(
      'This plan is too large to keep in browser storage (20,000,000 characters, at most 16,777,216): export it as a file.',
    );
  });
});

describe('library actions', () => {
  it('renames a plan in the list and in the stored plan, and gives the renamed plan back', () => {
    const { lib } = setup();
    const id = mustCreate(lib, 'Old');
    const renamed = lib.rename(id, '  New name  ');
    expect(renamed).toMatchObject({ ok: true, rev: 2, item: { id, name: 'New name', rev: 2 }, plan: { name: 'New name' } });
    expect(lib.open(id)).toMatchObject({ ok: true, plan: { name: 'New name' } });
    expect(lib.list()).toMatchObject({ ok: true, items: [{ name: 'New name' }] });
  });

  it.each([
    ['empty', '   ', 'The name must not be empty.'],
    ['too long', 'x'.repeat(201), 'The name must be at most 200 characters.'],
  ])('refuses a name that is %s', (_what, name, message) => {
    const { lib } = setup();
    const id = mustCreate(lib, 'Kept');
    expect(lib.rename(id, name)).toEqual({ ok: false, reason: 'invalid', message });
    expect(lib.open(id)).toMatchObject({ ok: true, rev: 1, plan: { name: 'Kept' } });
  });

  it('duplicates a plan under a new id with "(copy)" after its name', () => {
    const { lib } = setup();
    const id = mustCreate(lib, 'Original');
    const copy = lib.duplicate(id);
    expect(copy).toEqual({ ok: true, item: { id: 'plan-2', name: 'Original (copy)', updatedAt: 2000, rev: 1 } });
    const a = lib.open(id);
    const b = lib.open('plan-2');
    expect(a.ok && b.ok && { ...b.plan, name: a.plan.name }).toStrictEqual(a.ok && a.plan);
  });

  it("keeps a copy's name within 200 characters", () => {
    const { lib } = setup();
    const id = mustCreate(lib, 'n'.repeat(200));
    const copy = lib.duplicate(id);
    expect(copy.ok && copy.item.name).toBe(`${'n'.repeat(193)} (copy)`);
  });

  it('does not duplicate a damaged plan, and says which', () => {
    const { lib, storage } = setup();
    const id = mustCreate(lib, 'Broken');
    storage.setItem(entryKey(id), '{');
    expect(lib.duplicate(id)).toMatchObject({ ok: false, reason: 'corrupt', message: expect.stringContaining('"Broken"') });
  });

  it('removes a plan from the list and forgets it was last opened', () => {
    const { lib, storage } = setup();
    const id = mustCreate(lib);
    const other = mustCreate(lib, 'Other');
    lib.setLastOpened(id);
    expect(lib.remove(id)).toEqual({ ok: true });
    expect(lib.list()).toMatchObject({ ok: true, items: [{ id: other }] });
    expect(lib.open(id)).toEqual({ ok: false, reason: 'missing', message: LIBRARY_MESSAGES.missing });
    expect(lib.lastOpened()).toBeNull();
    expect(storage.getItem(LAST_OPENED_KEY)).toBeNull();
  });

  it('remembers the last opened plan only while it exists and its id is well formed', () => {
    const { lib, storage } = setup();
    expect(lib.lastOpened()).toBeNull();
    const id = mustCreate(lib);
    expect(lib.setLastOpened(id)).toEqual({ ok: true });
    expect(lib.lastOpened()).toBe(id);
    storage.setItem(LAST_OPENED_KEY, 'no such plan');
    expect(lib.lastOpened()).toBeNull();
    expect(lib.setLastOpened(null)).toEqual({ ok: true });
    expect(storage.getItem(LAST_OPENED_KEY)).toBeNull();
  });

  it('reports an unknown or malformed id as missing', () => {
    const { lib } = setup();
    for (const id of ['nope', '', '../x', 'a'.repeat(65)]) {
      expect(lib.open(id)).toMatchObject({ ok: false, reason: 'missing' });
    }
  });

  it('makes its own ids with crypto.randomUUID by default', () => {
    const lib = createPlanLibrary({ storage: new MemoryStorage() });
    const created = lib.create(samplePlan());
    expect(created.ok && created.item.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(lib.tabId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
