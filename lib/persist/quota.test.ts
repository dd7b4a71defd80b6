// Storage that fills up in the middle of a save: whichever write the quota stops, every plan already saved is
// still there, whole, and opens as it was (or as the new version, when the save got through); the plan in memory is
// never touched; and what takes the space can be listed, largest first.
import { describe, expect, it } from 'vitest';
import { createPlanLibrary, entryKey, type PlanLibrary } from './library';
import { STORAGE_MESSAGES } from './storage';
import { FillingStorage, MemoryStorage } from './testing/fake-storage';
import { deepFreeze, samplePlan } from './testing/plans';
import { serializePlan, type Plan } from '../plan';

/** Three saved plans of different sizes, and the plan each id holds. */
function library(storage: MemoryStorage): { lib: PlanLibrary; saved: Map<string, Plan> } {
  let n = 0;
  const lib = createPlanLibrary({ storage, tabId: 'tab-a', now: () => 1000 * ++n, newId: () => `plan-${n + 1}` });
  const saved = new Map<string, Plan>();
  for (const [name, calls] of [
    ['Small', 2],
    ['Large', 40],
    ['Medium', 12],
  ] as const) {
    const plan = samplePlan(name, calls);
    const created = lib.create(plan);
    if (!created.ok) throw new Error(created.message);
    saved.set(created.item.id, plan);
  }
  return { lib, saved };
}

/** Every saved plan opens, whole, as the plan it should hold; the list names each once. */
function expectIntact(lib: PlanLibrary, storage: MemoryStorage, saved: Map<string, Plan>): void {
  for (const [id, plan] of saved) {
    const raw = storage.getItem(entryKey(id));
    expect(raw, `entry ${id}`).not.toBeNull();
    const opened = lib.open(id);
    expect(opened.ok && opened.plan, `plan ${id}`).toEqual(plan);
    expect(JSON.parse(raw ?? '').text).toBe(serializePlan(plan));
  }
  const listed = lib.list();
  expect(listed.ok && listed.items.map((i) => i.id).sort()).toEqual([...saved.keys()].sort());
}

const grown = (plan: Plan, calls: number): Plan => samplePlan(`${plan.name} v2`, calls);

describe('storage filling up in the middle of a save', () => {
  it.each([0, 1, 2, 3])('a save stopped at its write %i keeps every plan whole (the saved one old or new, never cut)', (at) => {
    const storage = new FillingStorage();
    const { lib, saved } = library(storage);
    const [id, plan] = [...saved].find(([, p]) => p.name === 'Medium') as [string, Plan];
    const next = deepFreeze(grown(plan, 30));
    storage.failFrom(at);
    const result = lib.save(id, next, { expectedRev: 1 });
    if (result.ok) saved.set(id, next);
    else expect(result).toEqual({ ok: false, reason: 'quota', message: STORAGE_MESSAGES.quota });
    storage.roomAgain();
    expectIntact(lib, storage, saved);
    expect(next.calls).toHaveLength(30);
  });

  it.each([0, 1, 2, 3])('a new plan stopped at its write %i is either saved whole or not at all, and the others stay', (at) => {
    const storage = new FillingStorage();
    const { lib, saved } = library(storage);
    const plan = deepFreeze(samplePlan('New one', 20));
    storage.failFrom(at);
    const created = lib.create(plan);
    storage.roomAgain();
    if (created.ok) saved.set(created.item.id, plan);
    else expect(created.reason).toBe('quota');
    expectIntact(lib, storage, saved);
  });

  it('a quota reached by size, at every size between what fits and what does not, loses nothing', () => {
    for (let extra = 0; extra <= 4000; extra += 250) {
      const storage = new MemoryStorage();
      const { lib, saved } = library(storage);
      storage.quotaChars = storage.usedChars() + extra;
      for (const [id, plan] of [...saved]) {
        const next = grown(plan, plan.calls.length + 25);
        const result = lib.save(id, next, { expectedRev: 1 });
        if (result.ok) saved.set(id, next);
        else expect(result.ok === false && result.reason).toBe('quota');
      }
      expect(storage.usedChars()).toBeLessThanOrEqual(storage.quotaChars);
      storage.quotaChars = Number.POSITIVE_INFINITY;
      expectIntact(lib, storage, saved);
    }
  });

  it('a rename and a duplicate stopped by the quota change nothing stored', () => {
    const storage = new FillingStorage();
    const { lib, saved } = library(storage);
    const [id] = [...saved.keys()];
    storage.failFrom(0);
    expect(lib.rename(id, 'Renamed')).toMatchObject({ ok: false, reason: 'quota' });
    expect(lib.duplicate(id)).toMatchObject({ ok: false, reason: 'quota' });
    storage.roomAgain();
    expectIntact(lib, storage, saved);
  });
});

describe('what takes the space', () => {
  it('lists each saved plan by size, largest first, with the other keys counted apart', () => {
    const storage = new MemoryStorage();
    storage.setItem('someone-else', 'x'.repeat(10));
    const { lib } = library(storage);
    const used = lib.usage();
    if (!used.ok) throw new Error(used.message);
    expect(used.usage.plans.map((p) => p.name)).toEqual(['Large', 'Medium', 'Small']);
    for (const p of used.usage.plans) expect(p.chars).toBe(entryKey(p.id).length + (storage.getItem(entryKey(p.id))?.length ?? 0));
    expect(used.usage.totalChars).toBe(storage.usedChars());
    expect(used.usage.otherChars).toBe(storage.usedChars() - used.usage.plans.reduce((n, p) => n + p.chars, 0));
  });
});
