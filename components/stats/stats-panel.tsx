'use client';
// The "Many runs" tab: run the plan 100 to 100,000 times on the page's workers, with a progress bar and
// Cancel; compare a variant B on the same seeds; then the statistics, the makespan chart, per-call numbers, what
// hurts most, and export. Results live in the store, so they survive switching tabs.
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '@/lib/store/app-store';
import {
  selectPlan,
  selectStatsBatch,
  selectStatsDone,
  selectStatsHurts,
  selectStatsMessage,
  selectStatsPhase,
  selectStatsRuns,
  selectStatsTotal,
  selectVariantB,
} from '@/lib/store/selectors';
import { hurtBudget } from '@/lib/stats/hurts';
import { MAX_RUNS, MIN_RUNS } from '@/lib/store/stats';
import { formatCount, formatRuns, parseRuns } from './format';
import { StatsResults } from './stats-results';
import { cancelStats, runStats, runsProblem, statsPool } from './stats-runner';
import { VariantEditor, type VariantDrafts } from './variant-editor';

const QUICK_PICKS = [1_000, 10_000, 100_000] as const;

/** The progress of the batch: the one part of the view that changes on every progress message. */
function RunsProgress({ finished = false }: { finished?: boolean }) {
  const done = useAppStore(selectStatsDone);
  const total = useAppStore(selectStatsTotal);
  const { compare, hurts } = useAppStore(selectStatsBatch);
  const what = compare && hurts ? ' (A, B and what hurts most)' : compare ? ' (A and B)' : hurts ? ' (with what hurts most)' : '';
  return (
    <div className="tw-stats-progress">
      <progress aria-label="Runs done" max={Math.max(1, total)} value={done} />
      <p className="tw-stats-progress__text">
        {formatCount(done)} of {formatRuns(total)}
        {what}
        {finished ? ' · done' : ''}
      </p>
    </div>
  );
}

/** The batch as the controls show it: how many runs, whether to rank what hurts, where it is and what it said. */
const selectBatch = (s: AppState) => ({
  runs: selectStatsRuns(s),
  phase: selectStatsPhase(s),
  message: selectStatsMessage(s),
  hurts: selectStatsHurts(s),
});

function RunControls({ variantInvalid }: { variantInvalid: boolean }) {
  const store = useAppStoreApi();
  const { runs, phase, message, hurts } = useAppStore(useShallow(selectBatch));
  const variantB = useAppStore(selectVariantB);
  const plan = useAppStore(selectPlan);
  const [text, setText] = useState(() => String(runs));
  const id = useId();
  const msgId = `${id}-msg`;
  const hintId = `${id}-hint`;

  const typed = parseRuns(text);
  const problem = Number.isNaN(typed)
    ? `Enter a whole number of runs, from ${formatCount(MIN_RUNS)} to ${formatCount(MAX_RUNS)}.`
    : runsProblem(typed);
  const running = phase === 'running';
  const compare = variantB !== null;
  // What "what hurts most" will run, said on the checkbox and the button before it runs.
  const budget = hurtBudget(plan, problem === null ? typed : runs);
  const ranking = `up to ${formatCount(budget.calls)} ${budget.calls === 1 ? 'call' : 'calls'} (${formatRuns(budget.runs)} each)`;
  const runLabel =
    problem !== null
      ? 'Run'
      : `${compare ? `Run A and B ${formatCount(typed)} times` : `Run ${formatCount(typed)} times`}${hurts && budget.calls > 0 ? ` + rank ${ranking}` : ''}`;
  // Cancel goes away when the runs end (cancelled or done): if it had the focus, the Run button takes it.
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelFocused = useRef(false);
  useEffect(() => {
    if (!running && cancelFocused.current) {
      cancelFocused.current = false;
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost) runButton.current?.focus();
    }
  }, [running]);

  const choose = (value: string) => {
    setText(value);
    const n = parseRuns(value);
    if (runsProblem(n) === null) store.getState().setStatsRuns(n);
  };
  const start = () => {
    if (problem !== null || variantInvalid) return;
    void runStats(store, { compare, hurts });
  };

  return (
    <section className="tw-stats-controls" aria-label="Run many times">
      <div className="tw-stats-runs">
        <label className="tw-field__label" htmlFor={id}>
          Number of runs
        </label>
        <div className="tw-stats-runs__row">
          <input
            id={id}
            className="tw-input tw-stats-runs__input"
            type="number"
            inputMode="numeric"
            min={MIN_RUNS}
            max={MAX_RUNS}
            step={1}
            value={text}
            aria-invalid={problem !== null}
            aria-describedby={problem !== null ? msgId : hintId}
            onChange={(e) => choose(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !running) start();
            }}
          />
          <div className="tw-stats-picks" role="group" aria-label="Quick picks">
            {QUICK_PICKS.map((n) => (
              <button
                key={n}
                type="button"
                className="tw-stats-pick"
                aria-pressed={problem === null && typed === n}
                onClick={() => choose(String(n))}
              >
                {formatCount(n)}
              </button>
            ))}
          </div>
        </div>
        {problem !== null ? (
          <p id={msgId} className="tw-stats-msg" aria-live="polite">
            {problem}
          </p>
        ) : (
          <p id={hintId} className="tw-stats-hint">
            Seeded {compare ? 'runs of A and B' : 'runs'} on {formatCount(statsPool().size)} {statsPool().size === 1 ? 'worker' : 'workers'}
            : the same numbers every time, and as <code>npm run sim -- --runs</code>.
          </p>
        )}
      </div>
      <label className="tw-stats-check">
        <input type="checkbox" checked={hurts} onChange={(e) => store.getState().setStatsHurts(e.target.checked)} />
        Rank what hurts most
        <span className="tw-stats-check__note">
          (up to the {formatCount(budget.calls)} calls that fail most on their own, each made never to fail, {formatRuns(budget.runs)} each)
        </span>
      </label>
      {running ? (
        <div className="tw-stats-running">
          <RunsProgress />
          <button
            type="button"
            className="tw-button tw-button--quiet tw-button--small"
            onClick={cancelStats}
            onFocus={() => {
              cancelFocused.current = true;
            }}
            onBlur={(e) => {
              // Focus moved elsewhere (not lost with the button itself).
              if (e.relatedTarget !== null) cancelFocused.current = false;
            }}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button
          ref={runButton}
          type="button"
          className="tw-button tw-stats-run"
          disabled={problem !== null || variantInvalid}
          onClick={start}
        >
          {runLabel}
        </button>
      )}
      {/* The finished bar stays, full, until the next run: a fast batch still shows that it ran, and how many runs. */}
      {phase === 'done' && <RunsProgress finished />}
      {variantInvalid && !running && <p className="tw-stats-msg">Fix variant B’s fields below to run.</p>}
      {message !== null && !running && (
        <p className={phase === 'error' ? 'tw-error' : 'tw-stats-note'} role={phase === 'error' ? 'alert' : 'status'}>
          {message}
        </p>
      )}
    </section>
  );
}

export function StatsPanel() {
  const variantB = useAppStore(selectVariantB);
  const [drafts, setDrafts] = useState<VariantDrafts>({});
  // A variant made or dropped starts the editor afresh (no message of an earlier variant lingers).
  const [hadVariant, setHadVariant] = useState(variantB !== null);
  if ((variantB !== null) !== hadVariant) {
    setHadVariant(variantB !== null);
    setDrafts({});
  }
  const variantInvalid = variantB !== null && Object.values(drafts).some((d) => d.error !== null);

  useEffect(() => {
    // Workers started (and, when the page is idle, the chart's code loaded) while the user reads the controls: the
    // first run starts at once and its chart draws without a wait.
    statsPool().warm();
    const load = () => void import('./makespan-chart');
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 500);
    return () => clearTimeout(id);
  }, []);

  return (
    <div className="tw-stats">
      <RunControls variantInvalid={variantInvalid} />
      <VariantEditor drafts={drafts} setDrafts={setDrafts} />
      <StatsResults />
    </div>
  );
}
