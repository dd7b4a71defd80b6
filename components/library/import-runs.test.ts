// Import through the UI's entry: recorded runs open as a NEW plan in one undo step with their report shown; a plan
// file goes through the plan import exactly as before; a refused import leaves the open plan as it was.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { serializePlan } from '@/lib/plan';
import { samplePlan } from '@/lib/persist/testing/plans';
import { createAppStore } from '@/lib/store/app-store';
import type { PlanFileLike } from '@/lib/intake/precheck';
import { importFiles } from './import-runs';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../lib/import/fixtures/${name}`, import.meta.url)), 'utf8');
const file = (name: string, text: string, type = ''): PlanFileLike & { text: ReturnType<typeof vi.fn> } => ({
  name,
  size: text.length,
  type,
  text: vi.fn(async () => text),
});

function opened() {
  const store = createAppStore();
  store.getState().load(samplePlan('Mine'), 'doc1');
  return store;
}

describe('importFiles', () => {
  it('opens a transcript as a new plan, one undo step, and shows its report', async () => {
    const store = opened();
    expect(await importFiles(store, [file('research.json', fixture('synthetic-research-agent.json'), 'application/json')])).toBe(true);
    const s = store.getState();
    expect([s.plan.name, s.docId, s.plan.calls.length]).toEqual(['research', null, 5]);
    expect(s.importReport?.planVersion).toBe(s.planVersion);
    expect(s.importReport?.report.drawn).toHaveLength(4);
    expect(s.notices.at(-1)?.text).toBe(
      'Imported 5 calls from 1 run (Anthropic Messages transcript, research.json). It opened as a new plan, “research”; “Mine” is unchanged (undo returns to it).',
    );
    s.undo();
    expect([store.getState().plan.name, store.getState().docId]).toEqual(['Mine', 'doc1']);
  });

  it('reads several files as several runs of one agent, JSON Lines included', async () => {
    const store = opened();
    const lines = fixture('langfuse-openai-agents.json').replace(/\n\s*/g, '');
    expect(
      await importFiles(store, [file('a.json', fixture('langfuse-microsoft-agent.json')), file('b.jsonl', `${lines}\n${lines}\n`)]),
    ).toBe(true);
    expect(store.getState().importReport?.report.runs).toBe(3);
  });

  it('sends a plan file through the plan import, exactly as before', async () => {
    const store = opened();
    expect(await importFiles(store, [file('x.json', serializePlan(samplePlan('Theirs')))])).toBe(true);
    expect(store.getState().plan.name).toBe('Theirs');
    expect(store.getState().notices.at(-1)?.text).toBe('Imported “Theirs” as a new plan. “Mine” is unchanged (undo returns to it).');
    expect(store.getState().importReport).toBeNull();
  });

  it('gives text that is not JSON the plan import’s message, as before', async () => {
    const store = opened();
    expect(await importFiles(store, [file('x.json', '{ nope')])).toBe(false);
    expect(store.getState().notices.at(-1)?.problems?.[0]).toEqual({
      path: '(plan)',
      message: expect.stringMatching(/^is not valid JSON/),
    });
  });

  it('refuses an unknown format, a plan among runs, and a bad run, leaving the open plan exactly as it was', async () => {
    const store = opened();
    const before = store.getState().plan;
    expect(await importFiles(store, [file('rows.json', '{"rows": []}')])).toBe(false);
    expect(store.getState().notices.at(-1)?.problems?.[0].message).toMatch(/^is not a format Toolwave imports: expected a Toolwave plan/);
    expect(
      await importFiles(store, [file('a.json', fixture('synthetic-research-agent.json')), file('p.json', serializePlan(samplePlan('P')))]),
    ).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({
      tone: 'error',
      text: 'The 2 files were not imported. “Mine” is unchanged.',
      problems: [{ path: 'p.json', message: 'is a Toolwave plan: import a plan file on its own' }],
    });
    expect(await importFiles(store, [file('t.jsonl', '{"role":"user"}\n{')])).toBe(false);
    expect(store.getState().plan).toBe(before);
    expect(store.getState().past).toEqual([]);
  });

  it('hides the report once another plan opens', async () => {
    const store = opened();
    await importFiles(store, [file('research.json', fixture('synthetic-research-agent.json'))]);
    const shown = store.getState().importReport;
    store.getState().undo();
    expect(store.getState().importReport).toBe(shown);
    expect(store.getState().planVersion).not.toBe(shown?.planVersion);
  });
});
