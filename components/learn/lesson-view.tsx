'use client';
// One lesson's steps: done ones with ✓ and the line that says why it matters, the current one with how to do it
// (and its choices, when it asks which line the model gets), the rest waiting. Every control is a button or a
// radio: the whole lesson works from the keyboard.
import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { answer, currentStep, LESSONS, lessonDone, lessonProgress, resetLesson, type Lesson, type Step } from '@/lib/learn';
import { applyLayout } from '@/lib/plan/layout-core';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { editorState, setProgress } from './learn-check';
import { selectProgress, useLearn, useLearnStore } from './learn-store';
import { useOpenLesson } from './use-open-lesson';

export function LessonView({ lesson, onList }: { lesson: Lesson; onList: () => void }) {
  const app = useAppStoreApi();
  const learn = useLearnStore();
  const progress = useLearn(selectProgress);
  const lp = lessonProgress(progress, lesson.id);
  const current = currentStep(lesson, progress);
  const index = LESSONS.indexOf(lesson);
  const next = LESSONS[index + 1];
  const headId = useId();
  const open = useOpenLesson();
  const list = useRef<HTMLOListElement>(null);
  // The step to do next stays in view as the earlier ones pass (and grow their why-it-matters line).
  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const reset = () => {
    setProgress(app, learn, resetLesson(learn.getState().progress, lesson.id));
    const s = app.getState();
    // The plan goes back to where the lesson starts (one undo step), and the old run with it.
    if (s.plan.name === lesson.plan.name) {
      s.clearRun();
      s.commit(applyLayout(lesson.plan));
    }
    s.notify({ tone: 'info', text: `The lesson “${lesson.title}” starts again.` });
  };

  return (
    <section className="tw-learn" aria-labelledby={headId}>
      <button type="button" className="tw-button tw-button--small tw-button--quiet tw-learn__back" onClick={onList}>
        ‹ All lessons
      </button>
      <h3 id={headId} className="tw-learn__title" aria-label={`Lesson ${index + 1} of ${LESSONS.length}: ${lesson.title}`}>
        <span className="tw-learn__kicker">
          Lesson {index + 1} of {LESSONS.length}
        </span>
        {lesson.title}
      </h3>
      <p className="tw-learn__summary">{lesson.summary}</p>
      <ol ref={list} className="tw-learn__steps" aria-label="Steps">
        {lesson.steps.map((step, i) => {
          const done = lp.done.includes(step.id);
          const now = step === current;
          return (
            <li
              key={step.id}
              className="tw-learn__step"
              data-state={done ? 'done' : now ? 'now' : 'later'}
              aria-current={now ? 'step' : undefined}
            >
              <span className="tw-learn__mark" aria-hidden="true">
                {done ? '✓' : i + 1}
              </span>
              <div className="tw-learn__step-body">
                <p className="tw-learn__instruction">
                  <span className="tw-visually-hidden">{done ? 'Done: ' : now ? 'Now: ' : 'Later: '}</span>
                  {step.instruction}
                </p>
                {now && step.how !== undefined && <p className="tw-learn__how">{step.how}</p>}
                {now && step.action === 'answer' && <Choices lesson={lesson} step={step} picked={lp.answers[step.id]} />}
                {done && (
                  <p className="tw-learn__why">
                    <strong>Why it matters:</strong> {step.why}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="tw-visually-hidden" role="status">
        {current === null ? 'Lesson complete.' : lp.done.length > 0 ? `Step ${lp.done.length} passed.` : ''}
      </p>
      {lessonDone(lesson, progress) && (
        <div className="tw-learn__complete">
          <p>Lesson complete.{next === undefined ? ' That was the last one: the whole course is in All lessons.' : ''}</p>
          {next !== undefined && (
            <button type="button" className="tw-button tw-button--small" onClick={() => open(next)}>
              Next lesson: {next.title}
            </button>
          )}
        </div>
      )}
      <div className="tw-learn__foot">
        <button type="button" className="tw-button tw-button--small tw-button--quiet" onClick={reset}>
          Reset lesson
        </button>
      </div>
    </section>
  );
}

/** The choices of an answer step, built from the real run; picking one records it and the step is checked at once. */
function Choices({ lesson, step, picked }: { lesson: Lesson; step: Step; picked: string | undefined }) {
  const app = useAppStoreApi();
  const learn = useLearnStore();
  const editor = useAppStore(useShallow(editorState));
  const [name] = useState(() => `tw-learn-${lesson.id}-${step.id}`);
  const choices = step.choices?.({ ...editor, answers: {} }) ?? null;
  if (choices === null) return <p className="tw-learn__how">Run the plan first: the choices come from its context.</p>;
  const pick = (text: string) => setProgress(app, learn, answer(learn.getState().progress, lesson.id, step.id, text));
  return (
    <fieldset className="tw-learn__choices">
      <legend className="tw-visually-hidden">{step.instruction}</legend>
      {choices.map((c) => (
        <label key={c} className="tw-learn__choice">
          <input type="radio" name={name} value={c} checked={picked === c} onChange={() => pick(c)} />
          <code>{c}</code>
        </label>
      ))}
      {picked !== undefined && choices.includes(picked) && (
        <p className="tw-learn__nope" role="status">
          Not that one: read the context again.
        </p>
      )}
    </fieldset>
  );
}
