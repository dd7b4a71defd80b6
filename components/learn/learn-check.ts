// Checking the lesson on view against the editor's real state. Kept apart from learn-store so the lessons (their
// plans, steps and checks) load only when a lesson's plan is on view or the course opens, not with the editor.
import { advance, lessonOfPlan, type LearnState, type Progress } from '@/lib/learn';
import type { AppState, AppStore } from '@/lib/store/app-store';
import { selectTraceIsCurrent } from '@/lib/store/selectors';
import type { LearnStore } from './learn-store';

/** The lesson whose plan is on view, if any. */
export const lessonOnView = (s: AppState) => lessonOfPlan(s.plan.name);

/** What a lesson's steps read of the editor (the learner's answers aside): the plan, the last run and its context. */
export const editorState = (app: AppState): Omit<LearnState, 'answers'> => ({
  plan: app.plan,
  trace: app.trace,
  tracePlan: app.tracePlan,
  traceCurrent: selectTraceIsCurrent(app),
  contextText: app.contextText,
});

/** Checks the lesson on view against the editor's real state, and records the steps that now pass. */
export function checkLesson(app: AppState, learn: LearnStore): void {
  const lesson = lessonOnView(app);
  if (lesson === undefined) return;
  const { progress } = learn.getState();
  const next = advance(progress, lesson, editorState(app));
  if (next !== progress) learn.setState({ progress: next });
}

/** Replaces the progress (an answer, a reset), then checks again. */
export function setProgress(app: AppStore, learn: LearnStore, progress: Progress): void {
  learn.setState({ progress });
  checkLesson(app.getState(), learn);
}
