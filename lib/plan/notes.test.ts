// Sticky notes in the plan file: the schema's limits and refusals (with their paths), old plans without notes, the
// round trip, the pure edits, and the promise that a note never changes what the engine, the review or an export says.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../engine/simulate';
import { buildContext } from '../engine/context';
import { runCli } from '../cli/run';
import { decodePlanLink, encodePlanLink } from '../share/codec';
import { EXPORT_TARGET_IDS, emitCode } from '../export';
import { formatProblem, parsePlan, parsePlanText, serializePlan } from './parse';
import { reviewPlan } from './review';
import { addNote, moveNotes, NOTE_COLORS, NOTE_LIMITS, removeNotes, updateNote } from './notes';
import type { Plan } from './schema';

const base = { format: 'toolwave.plan', version: 1, name: 'Notes', calls: [], dependencies: [] };
const note = (id: string, more: Record<string, unknown> = {}) => ({ id, text: `about ${id}`, position: { x: 10, y: 20 }, ...more });

function problems(data: unknown): string[] {
  const r = parsePlan(data);
  return r.ok ? [] : r.problems.map(formatProblem);
}

function parsed(data: unknown): Plan {
  const r = parsePlan(data);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.plan;
}

const example = (file: string): Plan => parsed(JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'examples', file), 'utf8')));

describe('notes in the plan schema', () => {
  it('fills in a note’s colour (yellow) and width (200) when they are left out', () => {
    const plan = parsed({ ...base, notes: [note('n1')] });
    expect(plan.notes).toEqual([
      { id: 'n1', text: 'about n1', position: { x: 10, y: 20 }, color: 'yellow', width: NOTE_LIMITS.defaultWidth },
    ]);
  });

  it('reads a plan without notes unchanged: no key is added, so old files write back byte for byte', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'public', 'examples', 'research-agent.json'), 'utf8');
    const plan = example('research-agent.json');
    expect('notes' in plan).toBe(false);
    expect(serializePlan(parsed(JSON.parse(serializePlan(plan))))).toBe(serializePlan(plan));
    expect(text.includes('"notes"')).toBe(false);
  });

  it.each([
    ['text over 2000 characters', [note('a', { text: 'x'.repeat(2001) })], 'notes[0].text: must be at most 2000 characters'],
    ['an unknown colour', [note('a', { color: 'red' })], 'notes[0].color: must be one of "yellow", "blue", "green", "pink", not "red"'],
    ['a width below 120', [note('a', { width: 119 })], 'notes[0].width: must be at least 120'],
    ['a width above 640', [note('a', { width: 641 })], 'notes[0].width: must be at most 640'],
    ['a coordinate past the canvas bound', [note('a', { position: { x: 2e9, y: 0 } })], 'notes[0].position.x: must be at most 1000000000'],
    ['an infinite width', [note('a', { width: Infinity })], 'notes[0].width: must be a finite number, not Infinity'],
    ['a repeated id', [note('a'), note('b'), note('a')], 'notes[2].id: duplicate note id "a" (also notes[0])'],
    ['a bad id', [note('1 note')], 'notes[0].id: must be an id'],
    ['a missing position', [{ id: 'a', text: '' }], 'notes[0].position: is required'],
    ['an unknown key', [note('a', { html: '<b>x</b>' })], 'notes[0].html: unknown key (not part of the plan format)'],
    ['text that is not a string', [note('a', { text: 5 })], 'notes[0].text: must be a string, not a number'],
  ])('refuses %s, with its path', (_label, notes, message) => {
    expect(problems({ ...base, notes }).join('\n')).toContain(message);
  });

  it('takes 500 notes and refuses 501', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => note(`n${i}`));
    expect(problems({ ...base, notes: many(NOTE_LIMITS.maxNotes) })).toEqual([]);
    expect(problems({ ...base, notes: many(NOTE_LIMITS.maxNotes + 1) })).toEqual(['notes: must have at most 500 notes']);
  });

  it('takes 2000 characters of any text, markup included, as plain data', () => {
    const text = `<img src=x onerror=alert(1)>\n${'é'.repeat(1971)}`;
    expect(text.length).toBe(2000);
    expect(parsed({ ...base, notes: [note('a', { text })] }).notes?.[0].text).toBe(text);
  });

  it('lets a sub-agent’s nested plan carry notes of its own, with ids that may repeat the outer plan’s', () => {
    const plan = parsed({
      ...base,
      notes: [note('a')],
      calls: [{ id: 'agent', tool: 'sub_agent', kind: 'agent', latency: { kind: 'fixed', ms: 1 }, plan: { ...base, notes: [note('a')] } }],
    });
    expect(plan.calls[0].plan?.notes?.[0].id).toBe('a');
  });

  it('round-trips generated notes through export and import exactly', () => {
    const arbNote = fc.record({
      text: fc.string({ maxLength: 60 }),
      position: fc.record({
        x: fc.integer({ min: -5000, max: 5000 }),
        y: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
      }), // JSON has no -0
      color: fc.constantFrom(...NOTE_COLORS),
      width: fc.double({ min: NOTE_LIMITS.minWidth, max: NOTE_LIMITS.maxWidth, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(arbNote, { minLength: 1, maxLength: 8 }), (list) => {
        const plan = parsed({ ...base, notes: list.map((n, i) => ({ id: `note_${i + 1}`, ...n })) });
        const back = parsePlanText(serializePlan(plan));
        expect(back.ok && back.plan).toStrictEqual(plan);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('note edits', () => {
  const empty = parsed(base);

  it('adds notes with fresh ids at the place given, yellow and empty by default', () => {
    const one = addNote(empty, { x: 5, y: 6 });
    expect(one.id).toBe('note_1');
    const two = addNote(one.plan, { x: 7, y: 8 }, { text: 'hello', color: 'pink' });
    expect(two.id).toBe('note_2');
    expect(two.plan.notes).toEqual([
      { id: 'note_1', text: '', position: { x: 5, y: 6 }, color: 'yellow', width: 200 },
      { id: 'note_2', text: 'hello', position: { x: 7, y: 8 }, color: 'pink', width: 200 },
    ]);
    expect(empty.notes).toBeUndefined();
    expect(parsePlan(two.plan).ok).toBe(true);
  });

  it('never reuses a taken id', () => {
    const plan = parsed({ ...base, notes: [note('note_2')] });
    expect(addNote(plan, { x: 0, y: 0 }).id).toBe('note_3');
  });

  it('refuses the 501st note and a place that is not finite', () => {
    const full = parsed({ ...base, notes: Array.from({ length: 500 }, (_, i) => note(`n${i}`)) });
    expect(addNote(full, { x: 0, y: 0 })).toMatchObject({ id: null, reason: 'the plan already has 500 notes, the most allowed' });
    expect(addNote(empty, { x: NaN, y: 0 })).toMatchObject({ id: null });
  });

  it('updates text, colour and width, refusing bad values with their paths and leaving the plan as it was', () => {
    const plan = parsed({ ...base, notes: [note('a'), note('b')] });
    const r = updateNote(plan, 'b', { text: 'new', color: 'green', width: 320 });
    expect(r.ok && r.plan.notes?.[1]).toEqual({ id: 'b', text: 'new', position: { x: 10, y: 20 }, color: 'green', width: 320 });
    expect(r.ok && r.plan.notes?.[0]).toBe(plan.notes?.[0]);
    expect(updateNote(plan, 'b', { text: 'x'.repeat(2001) })).toEqual({
      ok: false,
      problems: [{ path: 'notes[1].text', message: 'must be at most 2000 characters' }],
    });
    expect(updateNote(plan, 'b', { width: 50 })).toEqual({
      ok: false,
      problems: [{ path: 'notes[1].width', message: 'must be at least 120' }],
    });
    expect(updateNote(plan, 'zz', { text: 'x' })).toEqual({ ok: false, problems: [{ path: 'notes', message: 'has no note "zz"' }] });
  });

  it('returns the very same plan when nothing changes (so no undo step is made)', () => {
    const plan = parsed({ ...base, notes: [note('a')] });
    expect(updateNote(plan, 'a', { text: 'about a' })).toEqual({ ok: true, plan });
    expect(moveNotes(plan, { a: { x: 10, y: 20 } })).toBe(plan);
    expect(moveNotes(plan, { zz: { x: 1, y: 1 } })).toBe(plan);
    expect(removeNotes(plan, ['zz'])).toBe(plan);
  });

  it('moves notes, ignoring coordinates that are not finite or past the canvas bound', () => {
    const plan = parsed({ ...base, notes: [note('a'), note('b')] });
    const moved = moveNotes(plan, { a: { x: 100, y: -40 }, b: { x: Infinity, y: 0 } });
    expect(moved.notes?.map((n) => n.position)).toEqual([
      { x: 100, y: -40 },
      { x: 10, y: 20 },
    ]);
    expect(moveNotes(plan, { a: { x: 2e9, y: 0 } })).toBe(plan);
  });

  it('removes notes, and drops the key with the last one so the file reads as before', () => {
    const plan = parsed({ ...base, notes: [note('a'), note('b')] });
    expect(removeNotes(plan, ['a']).notes?.map((n) => n.id)).toEqual(['b']);
    const none = removeNotes(plan, ['a', 'b']);
    expect('notes' in none).toBe(false);
    expect(serializePlan(none)).toBe(serializePlan(empty));
  });
});

describe('notes never change an output', () => {
  const plans = ['research-agent.json', 'book-a-trip.json', 'flaky-api.json'].map(example);
  const annotate = (plan: Plan): Plan =>
    parsed({ ...plan, notes: [note('n1', { text: '{{search}} is the slow one' }), note('n2', { color: 'blue' })] });

  it.each(plans.map((p) => [p.name, p] as const))(
    '%s: the same trace, context, review and exported code with notes as without',
    (_name, plan) => {
      const annotated = annotate(plan);
      expect(simulate(annotated, { seed: 3 })).toStrictEqual(simulate(plan, { seed: 3 }));
      const trace = simulate(plan, { seed: 3 });
      expect(buildContext(annotated, trace, 'text')).toStrictEqual(buildContext(plan, trace, 'text'));
      expect(reviewPlan(annotated)).toStrictEqual(reviewPlan(plan));
      for (const target of EXPORT_TARGET_IDS) expect(emitCode(annotated, target)).toBe(emitCode(plan, target));
    },
  );

  it('a share link carries the notes through unchanged', () => {
    const annotated = annotate(example('research-agent.json'));
    expect(decodePlanLink(encodePlanLink(annotated))).toEqual({ ok: true, plan: annotated });
  });

  it('the command line reads notes and ignores them: the same report, and a bad note is a problem with its path', () => {
    const plan = example('research-agent.json');
    const files: Record<string, string> = {
      'plain.json': serializePlan(plan),
      'notes.json': serializePlan(annotate(plan)),
      'bad.json': JSON.stringify({ ...plan, notes: [note('a'), note('a')] }),
    };
    const sim = (file: string, ...argv: string[]) => runCli([file, ...argv], { readFile: (path) => ({ ok: true, text: files[path] }) });
    for (const argv of [['--format', 'json'], ['--runs', '50', '--format', 'json'], []])
      expect(sim('notes.json', ...argv)).toEqual(sim('plain.json', ...argv));
    expect(sim('bad.json')).toMatchObject({ code: 2, stderr: 'notes[1].id: duplicate note id "a" (also notes[0])\n' });
  });
});
