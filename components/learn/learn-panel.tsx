'use client';
// The Learn tab of the left pane: the course's lessons with their progress, or the steps of the lesson on view.
// Opening a lesson opens its plan as a plan of its own in the library (the plan on view stays as it was).
import { useState } from 'react';
import { LESSONS, lessonDone, lessonOfPlan, lessonProgress, type Lesson } from '@/lib/learn';
import { useAppStore } from '@/lib/store/provider';
import { selectPlan } from '@/lib/store/selectors';
import { selectProgress, useLearn } from './learn-store';
import { LessonView } from './lesson-view';
import { useOpenLesson } from './use-open-lesson';

export function LearnPanel() {
  const plan = useAppStore(selectPlan);
  const onView = lessonOfPlan(plan.name);
  const [listing, setListing] = useState(false);
  // Opening another lesson shows its steps again.
  const [lastOnView, setLastOnView] = useState(onView);
  if (onView !== lastOnView) {
    setLastOnView(onView);
    if (onView !== undefined) setListing(false);
  }
  if (onView !== undefined && !listing) return <LessonView lesson={onView} onList={() => setListing(true)} />;
  return <CourseList onView={onView} onBack={onView === undefined ? null : () => setListing(false)} />;
}

function CourseList({ onView, onBack }: { onView: Lesson | undefined; onBack: (() => void) | null }) {
  const progress = useLearn(selectProgress);
  const open = useOpenLesson();
  return (
    <div className="tw-learn">
      <p className="tw-learn__intro">
        {LESSONS.length} short lessons. Each opens a plan of its own to change and run; every step is checked on the plan and the run as you
        go. Progress stays in this browser.
      </p>
      {onBack !== null && (
        <button type="button" className="tw-button tw-button--small tw-button--quiet" onClick={onBack}>
          Back to “{onView?.title}”
        </button>
      )}
      <ol className="tw-learn__lessons" aria-label="Lessons">
        {LESSONS.map((lesson, i) => {
          const done = lessonProgress(progress, lesson.id).done.length;
          const finished = lessonDone(lesson, progress);
          return (
            <li
              key={lesson.id}
              className="tw-learn__lesson"
              data-finished={finished || undefined}
              aria-current={lesson === onView ? 'true' : undefined}
            >
              <div className="tw-learn__lesson-head">
                <h3 className="tw-learn__lesson-title">
                  <span className="tw-learn__num" aria-hidden="true">
                    {finished ? '✓' : i + 1}
                  </span>
                  {lesson.title}
                </h3>
                <button
                  type="button"
                  className="tw-button tw-button--small tw-button--quiet"
                  onClick={() => (lesson === onView && onBack !== null ? onBack() : open(lesson))}
                  aria-label={`${done === 0 ? 'Start' : 'Open'} lesson ${i + 1}: ${lesson.title}`}
                >
                  {lesson === onView ? 'Show' : done === 0 ? 'Start' : 'Open'}
                </button>
              </div>
              <p className="tw-learn__lesson-summary">{lesson.summary}</p>
              <p className="tw-learn__lesson-progress">{finished ? 'Done' : `${done} of ${lesson.steps.length} steps`}</p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
