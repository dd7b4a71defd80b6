// The learner's progress through the course, kept in this browser under one key: which steps each lesson has
// passed, the answers picked, and whether the first-visit offer was seen. Parsed with zod on the way in; anything
// unreadable counts as no progress rather than an error.
import '../plan/zod-config';
import * as z from 'zod/mini';
import type { Lesson, LearnState } from './types';

export const PROGRESS_KEY = 'toolwave.learn.v1';

const lessonProgressSchema = z.object({
  done: z.catch(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(32)), []),
  answers: z.catch(z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(2000))), {}),
});

const progressSchema = z.object({
  version: z.literal(1),
  offerSeen: z.catch(z.boolean(), false),
  lessons: z.catch(z.record(z.string().check(z.maxLength(64)), lessonProgressSchema), {}),
});

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

export const NO_PROGRESS: Progress = { version: 1, offerSeen: false, lessons: {} };
const NOTHING_DONE: LessonProgress = { done: [], answers: {} };

/** Reads stored progress; a missing, damaged or foreign value reads as no progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return NO_PROGRESS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return NO_PROGRESS;
  }
  const parsed = progressSchema.safeParse(data);
  return parsed.success ? parsed.data : NO_PROGRESS;
}

export const serializeProgress = (p: Progress): string => JSON.stringify(p);

export const lessonProgress = (p: Progress, lessonId: string): LessonProgress => p.lessons[lessonId] ?? NOTHING_DONE;

const withLesson = (p: Progress, lessonId: string, lp: LessonProgress): Progress => ({ ...p, lessons: { ...p.lessons, [lessonId]: lp } });

/** The first step not yet passed (steps pass in order), or null when the lesson is done. */
export function currentStep(lesson: Lesson, p: Progress) {
  const done = lessonProgress(p, lesson.id).done;
  return lesson.steps.find((s) => !done.includes(s.id)) ?? null;
}

export const lessonDone = (lesson: Lesson, p: Progress): boolean => currentStep(lesson, p) === null;

/**
 * Checks the current step against the real state and, while it passes, the ones after it. A passed step stays
 * passed (a later edit does not take its ✓ away); a step is only checked once every step before it has passed.
 * Returns the same object when nothing passed.
 */
export function advance(p: Progress, lesson: Lesson, state: Omit<LearnState, 'answers'>): Progress {
  const lp = lessonProgress(p, lesson.id);
  const done = [...lp.done];
  for (const step of lesson.steps) {
    if (done.includes(step.id)) continue;
    if (!step.check({ ...state, answers: lp.answers })) break;
    done.push(step.id);
  }
  return done.length === lp.done.length ? p : withLesson(p, lesson.id, { ...lp, done });
}

/** Records the learner's pick for an answer step (checked by the next advance). */
export const answer = (p: Progress, lessonId: string, stepId: string, text: string): Progress => {
  const lp = lessonProgress(p, lessonId);
  return withLesson(p, lessonId, { ...lp, answers: { ...lp.answers, [stepId]: text } });
};

/** Forgets a lesson's progress: every step is to be done again. */
export function resetLesson(p: Progress, lessonId: string): Progress {
  const lessons = { ...p.lessons };
  delete lessons[lessonId];
  return { ...p, lessons };
}

export const markOfferSeen = (p: Progress): Progress => (p.offerSeen ? p : { ...p, offerSeen: true });
