'use client';
// The header's way into the course: opens the left pane on its Learn tab.
import { useAppStoreApi } from '@/lib/store/provider';
import { showCourse, useLearnStore } from './learn-store';

export function LearnButton() {
  const app = useAppStoreApi();
  const learn = useLearnStore();
  return (
    <button
      type="button"
      className="tw-button tw-button--quiet"
      onClick={() => showCourse(app, learn)}
      aria-label="Learn"
      title="Learn: a short course, checked as you go"
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M1.5 5.5 8 2.5l6.5 3L8 8.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        <path d="M4 7v3.5c1.2 1.2 6.8 1.2 8 0V7" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>
      <span className="tw-header__label">Learn</span>
    </button>
  );
}
