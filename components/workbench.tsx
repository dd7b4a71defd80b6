'use client';
// The page shell: a header, the plan canvas filling the page, and the run panel on the right.
import { AppStoreProvider } from '@/lib/store/provider';
import { PlanCanvas } from './canvas/plan-canvas';
import { RunPanel } from './run/run-panel';

export function Workbench() {
  return (
    <AppStoreProvider>
      <div className="tw-shell">
        <header className="tw-header">
          <svg className="tw-logo" viewBox="0 0 32 32" width="24" height="24" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="#1e293b" />
            <path d="M5 20c3-8 6-8 9 0s6 8 9 0 3-6 4-6" fill="none" stroke="#38bdf8" strokeWidth="3" strokeLinecap="round" />
          </svg>
          <h1 className="tw-title">Toolwave</h1>
          <p className="tw-tagline">Tool plans, partial failure and the context the model sees</p>
        </header>
        <main className="tw-main">
          <section className="tw-canvas" aria-label="Plan graph">
            <PlanCanvas />
          </section>
          <aside className="tw-side" aria-label="Plan and run">
            <RunPanel />
          </aside>
        </main>
      </div>
    </AppStoreProvider>
  );
}
