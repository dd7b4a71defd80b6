// The course, in order (docs/learn.md).
import { ONE_WAVE, TRUE_DEPENDENCY } from './lessons-graph';
import { ANTI_PATTERNS_LESSON, POLICIES, TIMEOUT } from './lessons-failure';
import { PAYMENT, SUB_AGENT } from './lessons-agents';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [ONE_WAVE, TRUE_DEPENDENCY, TIMEOUT, POLICIES, ANTI_PATTERNS_LESSON, SUB_AGENT, PAYMENT];

export const lessonById = (id: string | null): Lesson | undefined => LESSONS.find((l) => l.id === id);

/** The lesson whose plan is on view, known by its name ("Lesson · …"), if any. */
export const lessonOfPlan = (name: string): Lesson | undefined => LESSONS.find((l) => l.plan.name === name);
