'use client';
// Always mounted with the editor: reads the learner's progress once, checks the lesson on view whenever the plan or
// the run changes (so a step passes even while another tab of the pane shows), writes progress back, and shows the
// first-visit offer: once, dismissable, over the corner of the library pane rather than the canvas, and out of the
// way as soon as the person opens a plan or another tab of that pane.
import { useEffect } from 'react';
import { useAppStoreApi } from '@/lib/store/provider';
import type { AppState } from '@/lib/store/app-store';
import {
  LESSON_COUNT,
  LESSON_PLAN_PREFIX,
  loadProgress,
  saveProgress,
  selectOffering,
  showCourse,
  useLearn,
  useLearnStore,
} from './learn-store';

export function LearnDriver() {
  const app = useAppStoreApi();
  const learn = useLearnStore();
  const offering = useLearn(selectOffering);

  useEffect(() => {
    // The lessons' checks load only once a lesson's plan is on view; they then read the store as it is by then.
    const checkLesson = (state: AppState) => {
      if (!state.plan.name.startsWith(LESSON_PLAN_PREFIX)) return;
      void import('./learn-check').then((m) => m.checkLesson(app.getState(), learn));
    };
    loadProgress(learn);
    saveProgress(learn.getState().progress);
    checkLesson(app.getState());
    const offApp = app.subscribe((next, prev) => {
      if (next.plan !== prev.plan || next.trace !== prev.trace || next.revision !== prev.revision || next.contextText !== prev.contextText)
        checkLesson(next);
      // Another plan opened (not the first load): the person has found their way; the offer steps aside.
      if (next.planVersion !== prev.planVersion && next.past.length > prev.past.length) learn.setState({ offering: false });
    });
    const offLearn = learn.subscribe((next, prev) => {
      if (next.loaded && next.progress !== prev.progress) saveProgress(next.progress);
      // So does going to another tab of the pane it sits in.
      if (next.offering && next.leftTab !== prev.leftTab) learn.setState({ offering: false });
    });
    return () => {
      offApp();
      offLearn();
    };
  }, [app, learn]);

  if (!offering) return null;
  return (
    <aside className="tw-learn-offer" aria-label="The course">
      <p className="tw-learn-offer__text">
        <strong>New here?</strong> Take the {LESSON_COUNT}-lesson course: each lesson is a plan to fix, checked as you go.
      </p>
      <div className="tw-learn-offer__actions">
        <button type="button" className="tw-button tw-button--small" onClick={() => showCourse(app, learn)}>
          Take the course
        </button>
        <button type="button" className="tw-button tw-button--small tw-button--quiet" onClick={() => learn.setState({ offering: false })}>
          No thanks
        </button>
      </div>
    </aside>
  );
}
