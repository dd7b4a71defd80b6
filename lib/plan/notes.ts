// The plan editor's note operations: pure functions from a Plan to a new Plan (or a refusal with its reason), like
// edit.ts. Never mutates its input; a plan left with no notes is written without the key, as before notes existed.
import { formatPath, issuesToProblems, type Problem } from './parse';
import { NOTE_LIMITS, type NoteColor } from './notes-schema';
import { planSchema, type Note, type Plan } from './schema';

export { NOTE_COLORS, NOTE_LIMITS, type NoteColor } from './notes-schema';

export type NoteAddResult = { plan: Plan; id: string } | { plan: Plan; id: null; reason: string };
export type NoteEditResult = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };
/** What a person may change on a note besides where it is. */
export type NotePatch = Partial<Pick<Note, 'text' | 'color' | 'width'>>;

interface Point {
  x: number;
  y: number;
}

// One note checked on its own, with the plan schema's own rules for it (stated once, in notes-schema.ts).
const noteSchema = planSchema.shape.notes.def.innerType.def.element;

const finite = (p: Point | null | undefined): p is Point => p !== null && p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);

/** The plan with these notes; none at all drops the key. */
function withNotes(plan: Plan, notes: Note[]): Plan {
  if (notes.length > 0) return { ...plan, notes };
  if (plan.notes === undefined) return plan;
  const { notes: _gone, ...rest } = plan;
  void _gone;
  return rest;
}

/** `note_1`, `note_2`, …: the first not taken. */
function freshNoteId(notes: readonly Note[]): string {
  const taken = new Set(notes.map((n) => n.id));
  for (let n = notes.length + 1; ; n++) if (!taken.has(`note_${n}`)) return `note_${n}`;
}

/** Adds a note at `at` (its top-left corner), empty unless `text` is given, yellow unless `color` is. */
export function addNote(plan: Plan, at: Point, init: { text?: string; color?: NoteColor } = {}): NoteAddResult {
  const notes = plan.notes ?? [];
  if (notes.length >= NOTE_LIMITS.maxNotes)
    return { plan, id: null, reason: `the plan already has ${NOTE_LIMITS.maxNotes} notes, the most allowed` };
  if (!finite(at)) return { plan, id: null, reason: 'a note needs a place on the canvas' };
  const id = freshNoteId(notes);
  const parsed = noteSchema.safeParse({ id, text: init.text ?? '', position: { x: at.x, y: at.y }, color: init.color ?? 'yellow' });
  if (!parsed.success)
    return {
      plan,
      id: null,
      reason: issuesToProblems(parsed.error.issues)
        .map((p) => `${p.path} ${p.message}`)
        .join('; '),
    };
  return { plan: withNotes(plan, [...notes, parsed.data]), id };
}

/** Changes a note's text, colour or width, checked by the schema; problems come with their paths (`notes[2].text`). */
export function updateNote(plan: Plan, id: string, patch: NotePatch): NoteEditResult {
  const notes = plan.notes ?? [];
  const index = notes.findIndex((n) => n.id === id);
  if (index === -1) return { ok: false, problems: [{ path: 'notes', message: `has no note "${id}"` }] };
  const note = notes[index];
  const merged = { ...note, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  if (merged.text === note.text && merged.color === note.color && merged.width === note.width) return { ok: true, plan };
  const parsed = noteSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues, ['notes', index]) };
  const next = notes.slice();
  next[index] = parsed.data;
  return { ok: true, plan: withNotes(plan, next) };
}

/** Sets notes' positions; unknown ids, coordinates that are not finite numbers and unchanged places are ignored. */
export function moveNotes(plan: Plan, positions: Readonly<Record<string, Point>>): Plan {
  if (plan.notes === undefined) return plan;
  let changed = false;
  const notes = plan.notes.map((n) => {
    if (!Object.hasOwn(positions, n.id)) return n;
    const p = positions[n.id];
    if (!finite(p) || (p.x === n.position.x && p.y === n.position.y)) return n;
    const parsed = noteSchema.shape.position.safeParse({ x: p.x, y: p.y });
    if (!parsed.success) return n;
    changed = true;
    return { ...n, position: parsed.data };
  });
  return changed ? withNotes(plan, notes) : plan;
}

/** Removes notes by id (unknown ids are ignored). */
export function removeNotes(plan: Plan, ids: Iterable<string>): Plan {
  const gone = new Set(ids);
  if (plan.notes === undefined || !plan.notes.some((n) => gone.has(n.id))) return plan;
  return withNotes(
    plan,
    plan.notes.filter((n) => !gone.has(n.id)),
  );
}

/** The path of a note's field, for messages: `notes[2].text`. */
export function notePath(plan: Plan, id: string, field: keyof Note): string {
  return formatPath(['notes', (plan.notes ?? []).findIndex((n) => n.id === id), field]);
}
