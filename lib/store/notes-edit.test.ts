// Note edits through the store's one edit action, editView: each one undo step (redo gives it back), refusals change
// nothing, the nested plan on view gets its own notes, and a layout keeps the notes where they are.
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '@/lib/plan';
import { fixed, testPlan } from '@/lib/plan/test-examples';
import { applyLayout } from '@/lib/plan/layout';
import { addNote, moveNotes, removeNotes, updateNote } from '@/lib/plan/notes';
import { formatProblem } from '@/lib/plan/parse';
import { createAppStore } from './app-store';
import { refuse } from './document';
import { selectViewPlan } from './selectors';

const oneCall = testPlan({ calls: [{ id: 'a', tool: 'web_search', latency: fixed(100), position: { x: 0, y: 0 } }], dependencies: [] });

function storeWith(p: Plan) {
  const store = createAppStore();
  store.getState().load(p, 'doc');
  return store;
}

const add =
  (at = { x: 10, y: 20 }) =>
  (p: Plan) => {
    const r = addNote(p, at);
    return r.id === null ? refuse(r.reason) : { ok: true as const, plan: r.plan, id: r.id };
  };

describe('note edits through editView', () => {
  it('add, write, move and delete are one undo step each, and redo replays them', () => {
    const store = storeWith(oneCall);
    const s = () => store.getState();
    const added = s().editView(add());
    expect(added.ok && added.id).toBe('note_1');
    s().editView((p) => {
      const u = updateNote(p, 'note_1', { text: 'slow search' });
      return u.ok ? u.plan : refuse(u.problems.map(formatProblem).join('; '));
    });
    s().editView((p) => moveNotes(p, { note_1: { x: 50, y: 60 } }));
    s().editView((p) => removeNotes(p, ['note_1']));
    expect('notes' in s().plan).toBe(false);
    expect(s().past).toHaveLength(4);

    s().undo();
    expect(s().plan.notes).toEqual([{ id: 'note_1', text: 'slow search', position: { x: 50, y: 60 }, color: 'yellow', width: 200 }]);
    s().undo();
    expect(s().plan.notes?.[0].position).toEqual({ x: 10, y: 20 });
    s().undo();
    expect(s().plan.notes?.[0].text).toBe('');
    s().undo();
    expect(s().plan).toBe(oneCall);
    s().redo();
    s().redo();
    expect(s().plan.notes?.[0].text).toBe('slow search');
    // The calls were never touched.
    expect(s().plan.calls).toBe(oneCall.calls);
  });

  it('a refused edit (text too long) changes nothing and makes no undo step', () => {
    const store = storeWith(oneCall);
    store.getState().editView(add());
    const before = store.getState().plan;
    const r = store.getState().editView((p) => {
      const u = updateNote(p, 'note_1', { text: 'x'.repeat(2001) });
      return u.ok ? u.plan : refuse(u.problems.map(formatProblem).join('; '));
    });
    expect(r).toEqual({ ok: false, reason: 'notes[0].text: must be at most 2000 characters' });
    expect(store.getState().plan).toBe(before);
    expect(store.getState().past).toHaveLength(1);
  });

  it('an edit that changes nothing (the same text) commits nothing', () => {
    const store = storeWith(testPlan({ calls: [], dependencies: [], notes: [{ id: 'n', text: 'same', position: { x: 0, y: 0 } }] }));
    const r = store.getState().editView((p) => {
      const u = updateNote(p, 'n', { text: 'same' });
      return u.ok ? u.plan : refuse('no');
    });
    expect(r.ok && r.changed).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('inside a sub-agent, notes go to the nested plan on view, not the top plan', () => {
    const nested = testPlan({
      calls: [
        {
          id: 'agent',
          tool: 'sub_agent',
          kind: 'agent',
          latency: fixed(1),
          position: { x: 0, y: 0 },
          plan: {
            format: 'toolwave.plan',
            version: 1,
            name: 'Inner',
            calls: [{ id: 'x', tool: 't', latency: fixed(1) }],
            dependencies: [],
          },
        },
      ],
      dependencies: [],
    });
    const store = storeWith(nested);
    store.getState().drillInto('agent');
    store.getState().editView(add());
    expect(store.getState().plan.notes).toBeUndefined();
    expect(store.getState().plan.calls[0].plan?.notes?.map((n) => n.id)).toEqual(['note_1']);
    expect(selectViewPlan(store.getState()).notes).toHaveLength(1);
    expect(parsePlan(store.getState().plan).ok).toBe(true);
  });

  it('auto-layout moves the calls and leaves the notes where they are', () => {
    const withNote = testPlan({ ...oneCall, notes: [{ id: 'n', text: 'here', position: { x: -300, y: 40 } }] });
    expect(applyLayout(withNote).notes).toBe(withNote.notes);
  });
});
