// The course reads the editor's own store: a step passes when the store's plan and run say so, and only then.
import { describe, expect, it } from 'vitest';
import { LESSONS, currentStep } from '@/lib/learn';
import { injectFault } from '@/lib/plan';
import { createAppStore } from '@/lib/store/app-store';
import { checkLesson } from './learn-check';
import { LESSON_COUNT, LESSON_PLAN_PREFIX, learnStoreFor } from './learn-store';

const payment = LESSONS.find((l) => l.id === 'payment')!;
const timeout = LESSONS.find((l) => l.id === 'timeout')!;

describe('what the editor knows of the course without loading it', () => {
  it('counts the lessons there are, and every lesson’s plan carries the prefix the driver looks for', () => {
    expect(LESSON_COUNT).toBe(LESSONS.length);
    for (const lesson of LESSONS) expect(lesson.plan.name.startsWith(LESSON_PLAN_PREFIX)).toBe(true);
  });
});

describe('checking the lesson on view against the editor store', () => {
  it('passes nothing for a plan that is not a lesson, even after a run', async () => {
    const app = createAppStore();
    const learn = learnStoreFor(app);
    app.getState().open({ ...payment.plan, name: 'My own checkout' }, null);
    await app.getState().run();
    const before = learn.getState().progress;
    checkLesson(app.getState(), learn);
    expect(learn.getState().progress).toBe(before);
  });

  it('passes a run step only once the store holds a run of the plan', async () => {
    const app = createAppStore();
    const learn = learnStoreFor(app);
    app.getState().open(payment.plan, null);
    checkLesson(app.getState(), learn);
    expect(currentStep(payment, learn.getState().progress)?.id).toBe('run');
    await app.getState().run();
    checkLesson(app.getState(), learn);
    expect(currentStep(payment, learn.getState().progress)?.id).toBe('idempotent');
  });

  it('passes an edit step on an edit made through editView', async () => {
    const app = createAppStore();
    const learn = learnStoreFor(app);
    app.getState().open(timeout.plan, null);
    await app.getState().run();
    checkLesson(app.getState(), learn);
    expect(currentStep(timeout, learn.getState().progress)?.id).toBe('inject');
    app.getState().editView((plan) => injectFault(plan, 'fetch_2', 'timeout', 'every').plan);
    checkLesson(app.getState(), learn);
    expect(currentStep(timeout, learn.getState().progress)?.id).toBe('optional');
  });

  it('keeps one course store per editor store', () => {
    const a = createAppStore();
    expect(learnStoreFor(a)).toBe(learnStoreFor(a));
    expect(learnStoreFor(createAppStore())).not.toBe(learnStoreFor(a));
  });
});
