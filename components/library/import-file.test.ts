// Importing a plan file: refused before reading when too large or not JSON, problems listed by path, and a good
// file opens as a new plan while the one open stays as it was.
import { describe, expect, it, vi } from 'vitest';
import { LIMITS, serializePlan } from '@/lib/plan';
import { samplePlan } from '@/lib/persist/testing/plans';
import { createAppStore } from '@/lib/store/app-store';
import { readPlanFile, type PlanFileLike } from '@/lib/intake/intake-core';
import { importPlanFile } from './import-file';
import { savedAgo } from './saved-ago';

const file = (
  name: string,
  text: string,
  size = text.length,
  type = 'application/json',
): PlanFileLike & { text: ReturnType<typeof vi.fn> } => ({
  name,
  size,
  type,
  text: vi.fn(async () => text),
});

describe('readPlanFile', () => {
  it('refuses a file over the size cap without reading it', async () => {
    const big = file('big.json', '{}', LIMITS.maxBytes + 1);
    const result = await readPlanFile(big);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].message).toMatch(/too large: 16\.0 MB/);
    expect(big.text).not.toHaveBeenCalled();
  });

  it('refuses a file that is not JSON by name or type', async () => {
    const png = file('photo.png', 'x', 1, 'image/png');
    const result = await readPlanFile(png);
    expect(!result.ok && result.problems[0]).toEqual({ path: '(file)', message: expect.stringMatching(/not a plan file/) });
    expect(png.text).not.toHaveBeenCalled();
  });

  it('reads a UTF-8 file that starts with a byte-order mark, as an editor on Windows writes it', async () => {
    const text = `\uFEFF${serializePlan(samplePlan())}`;
    const result = await readPlanFile(file('bom.json', text));
    expect(result.ok && result.plan).toEqual(samplePlan());
  });

  it('lists a bad plan’s problems by path', async () => {
    const text = serializePlan(samplePlan()).replace('"ms": 100', '"ms": -5');
    const result = await readPlanFile(file('bad.json', text, text.length, ''));
    expect(!result.ok && result.problems.map((p) => p.path)).toContain('calls[0].latency.ms');
  });
});

describe('importPlanFile', () => {
  it('opens a good file as a new plan, one undoable step', async () => {
    const store = createAppStore();
    store.getState().load(samplePlan('Mine'), 'doc1');
    expect(await importPlanFile(store, file('x.json', serializePlan(samplePlan('Theirs'))))).toBe(true);
    expect([store.getState().plan.name, store.getState().docId]).toEqual(['Theirs', null]);
    store.getState().undo();
    expect([store.getState().plan.name, store.getState().docId]).toEqual(['Mine', 'doc1']);
  });

  it('leaves the open plan exactly as it was when the file is refused', async () => {
    const store = createAppStore();
    store.getState().load(samplePlan('Mine'), 'doc1');
    const before = store.getState().plan;
    expect(await importPlanFile(store, file('x.json', '{ nope'))).toBe(false);
    expect(store.getState().plan).toBe(before);
    expect(store.getState().past).toEqual([]);
    expect(store.getState().notices.at(-1)?.tone).toBe('error');
  });
});

describe('savedAgo', () => {
  const now = Date.UTC(2026, 2, 12, 12, 0, 0);
  it.each([
    [0, 'saved just now'],
    [-5000, 'saved just now'],
    [2 * 60_000, 'saved 2 min ago'],
    [3 * 3600_000, 'saved 3 h ago'],
    [30 * 3600_000, 'saved yesterday'],
    [4 * 86400_000, 'saved 4 days ago'],
  ])('%i ms ago reads "%s"', (age, text) => {
    expect(savedAgo(now - age, now)).toBe(text);
  });
});
