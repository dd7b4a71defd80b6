// Sticky notes on the canvas (docs/plan-format.md#notes): annotations for demos and reviews, kept in the plan file.
// They never change a run: the engine, the review, the statistics and the code exports never read them.
import './zod-config';
import * as z from 'zod/mini';
import type { positionSchema } from './schema';

export const NOTE_COLORS = ['yellow', 'blue', 'green', 'pink'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export const NOTE_LIMITS = {
  /** Notes in one plan (a sub-agent's nested plan has its own). */
  maxNotes: 500,
  /** Characters of one note's text. */
  maxText: 2000,
  /** A note's width on the canvas, px. */
  minWidth: 120,
  maxWidth: 640,
  defaultWidth: 200,
} as const;

/**
 * The plan's `notes` list, built around the plan's own position and id schemas (passed in, since schema.ts imports
 * this file): at most NOTE_LIMITS.maxNotes, ids unique (a repeat is refused at `notes[i].id`).
 */
export function notesSchemaOf(position: typeof positionSchema, id: z.ZodMiniType<string>) {
  const note = z.strictObject({
    id,
    text: z.string().check(z.maxLength(NOTE_LIMITS.maxText, `must be at most ${NOTE_LIMITS.maxText} characters`)),
    position,
    color: z._default(z.enum(NOTE_COLORS), 'yellow'),
    width: z._default(
      z
        .number()
        .check(
          z.minimum(NOTE_LIMITS.minWidth, `must be at least ${NOTE_LIMITS.minWidth}`),
          z.maximum(NOTE_LIMITS.maxWidth, `must be at most ${NOTE_LIMITS.maxWidth}`),
        ),
      NOTE_LIMITS.defaultWidth,
    ),
  });
  return z.array(note).check(
    z.maxLength(NOTE_LIMITS.maxNotes, `must have at most ${NOTE_LIMITS.maxNotes} notes`),
    z.superRefine((notes, ctx) => {
      const first = new Map<string, number>();
      notes.forEach((n, i) => {
        const at = first.get(n.id);
        if (at === undefined) first.set(n.id, i);
        else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate note id "${n.id}" (also notes[${at}])` });
      });
    }),
  );
}
