'use client';
// The statistics of the last batch: headline numbers, outcome shares, the makespan chart (lazy: recharts loads only
// when there is something to draw), per-call numbers, what hurts most, export; with a variant B, A | B | Δ first.
import dynamic from 'next/dynamic';
import { OUTCOMES } from '@/lib/engine/types';
import type { Reliability } from '@/lib/engine/reliability';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectHeatOn, selectRevision, selectStatsResult, selectVariantB } from '@/lib/store/selectors';
import type { StatsResult } from '@/lib/store/stats';
import { downloadText } from '../download';
import { fileStem, outcomeTone } from '../format';
import { CallTable } from './call-table';
import { CompareView } from './compare-view';
import { EffectShares, EffectTable } from './effect-table';
import { statsCsv, statsJson } from './export';
import { columnDuration } from '@/lib/format/duration';
import { formatAttemptsPerRun, formatCount, formatPercent, formatRuns, OUTCOME_WORDS } from './format';
import { HurtsList } from './hurts-list';
import { InjectedNotice } from '../inject/injected-notice';

const MakespanChart = dynamic(() => import('./makespan-chart'), {
  ssr: false,
  loading: () => (
    <p className="tw-stats-chart__loading" aria-live="polite">
      Drawing the chart…
    </p>
  ),
});

function Headline({ r }: { r: Reliability }) {
  const m = r.stats.makespanMs;
  return (
    <>
      <dl className="tw-stats-tiles">
        <div className="tw-stats-tile">
          <dt>Success</dt>
          <dd className="tw-stats-tile__value" data-stat="success">
            {formatPercent(r.successRate)}
          </dd>
          <dd className="tw-stats-tile__note">of runs complete</dd>
        </div>
        <div className="tw-stats-tile">
          <dt>Attempts per run</dt>
          <dd className="tw-stats-tile__value" data-stat="attempts">
            {formatAttemptsPerRun(r.attemptsPerRun)}
          </dd>
          <dd className="tw-stats-tile__note">all calls, retries included</dd>
        </div>
        <div className="tw-stats-tile tw-stats-tile--wide">
          <dt>Makespan</dt>
          <dd className="tw-stats-pcts">
            <span>
              <span className="tw-stats-pcts__name">p50</span> <span data-stat="p50">{columnDuration(m.p50)}</span>
            </span>
            <span>
              <span className="tw-stats-pcts__name">p95</span> <span data-stat="p95">{columnDuration(m.p95)}</span>
            </span>
            <span>
              <span className="tw-stats-pcts__name">p99</span> <span data-stat="p99">{columnDuration(m.p99)}</span>
            </span>
          </dd>
        </div>
      </dl>
      <p className="tw-stats-misled" data-stat="misled">
        An agent that drops failures would have <strong>misled the model in {formatPercent(r.misledShare)} of runs</strong>: in those runs
        some call did not succeed, and a context that leaves it out reads as a total success.
      </p>
    </>
  );
}

/** Each outcome's share as a labelled bar: the words and numbers say it, the colour only repeats it. */
function OutcomeBars({ r }: { r: Reliability }) {
  const runs = r.stats.runs;
  return (
    <ul className="tw-stats-outcomes" aria-label="Outcome shares">
      {OUTCOMES.map((o) => {
        const n = r.stats.outcomes[o];
        const share = runs === 0 ? 0 : n / runs;
        return (
          <li key={o} className="tw-stats-outcome" data-outcome={o}>
            <span className="tw-stats-outcome__name">{OUTCOME_WORDS[o]}</span>
            <span className="tw-stats-outcome__track" aria-hidden="true">
              <span className={`tw-stats-outcome__bar tw-stats-outcome__bar--${outcomeTone(o)}`} style={{ width: `${share * 100}%` }} />
            </span>
            <span className="tw-stats-outcome__value">
              {formatPercent(share)}
              <span className="tw-stats-outcome__count"> · {formatCount(n)}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The export formats: the file's ending and type, and how the result is written in it. */
const EXPORTS = [
  { ext: 'json', label: 'JSON', type: 'application/json', write: statsJson },
  { ext: 'csv', label: 'CSV', type: 'text/csv', write: statsCsv },
] as const;

function ExportButtons({ result }: { result: StatsResult }) {
  const stem = `${fileStem(result.planA.name)}-stats`;
  return (
    <div className="tw-stats-actions">
      {EXPORTS.map((f) => (
        <button
          key={f.ext}
          type="button"
          className="tw-button tw-button--quiet tw-button--small"
          onClick={() => downloadText(`${stem}.${f.ext}`, f.write(result), f.type)}
        >
          Export statistics as {f.label}
        </button>
      ))}
    </div>
  );
}

function HeatToggle() {
  const store = useAppStoreApi();
  const heatOn = useAppStore(selectHeatOn);
  return (
    <label className="tw-stats-check">
      <input type="checkbox" checked={heatOn} onChange={(e) => store.getState().setHeatOn(e.target.checked)} />
      Tint the canvas by success rate
    </label>
  );
}

export function StatsResults() {
  const result = useAppStore(selectStatsResult);
  const revision = useAppStore(selectRevision);
  const variantB = useAppStore(selectVariantB);
  if (result === null) return null;
  const { a, b, planB } = result;
  const compare = b !== null && planB !== null;
  const stale = result.revision !== revision;
  const variantChanged = compare && variantB !== null && variantB !== planB;
  const stem = fileStem(result.planA.name);
  return (
    <section className="tw-stats-results" aria-label="Statistics">
      <header className="tw-stats-results__head">
        <h2 className="tw-h2 tw-caps">{compare ? 'A and B' : 'Results'}</h2>
        <p className="tw-stats-results__runs">
          {formatRuns(result.runs)}
          {compare ? ' each' : ''} · seed {result.seed}
        </p>
      </header>
      {stale && (
        <p className="tw-stats-stale" role="note">
          These numbers are of an earlier version of the plan. Run again to update them.
        </p>
      )}
      {variantChanged && (
        <p className="tw-stats-stale" role="note">
          Variant B has changed since these runs. Run again to compare the new B.
        </p>
      )}
      <InjectedNotice plan={result.planA} what={compare ? 'A’s runs:' : 'These runs:'} />
      {compare && <InjectedNotice plan={planB} what="B’s runs:" />}
      {compare ? <CompareView result={result} /> : <Headline r={a} />}
      {!compare && <EffectShares r={a} />}

      <h3 className="tw-h3">Outcomes{compare ? ' of A' : ''}</h3>
      <OutcomeBars r={a} />
      {compare && (
        <>
          <h3 className="tw-h3">Outcomes of B</h3>
          <OutcomeBars r={b} />
        </>
      )}

      <h3 className="tw-h3">Makespan</h3>
      <MakespanChart
        a={a.makespans}
        pa={a.stats.makespanMs}
        b={compare ? b.makespans : null}
        pb={compare ? b.stats.makespanMs : null}
        runs={result.runs}
        title={`Makespan of ${formatRuns(result.runs)}${compare ? ', A and B' : ''} — ${result.planA.name}`}
        fileStem={`${stem}-makespan`}
      />

      <h3 className="tw-h3">Per call</h3>
      <CallTable a={a} b={compare ? b : null} />
      <HeatToggle />

      {(a.hasEffects || (compare && b.hasEffects)) && (
        <>
          <h3 className="tw-h3">Side effects per call{compare ? ' (A → B)' : ''}</h3>
          <EffectTable plan={result.planA} a={a} b={compare ? b : null} />
        </>
      )}

      {result.hurts !== null && (
        <>
          <h3 className="tw-h3">What hurts most{compare ? ' in A' : ''}</h3>
          <HurtsList
            hurts={result.hurts}
            hurtRuns={result.hurtRuns}
            runs={result.runs}
            failing={result.hurtFailing}
            headline={a.successRate}
          />
        </>
      )}

      <h3 className="tw-h3">Export</h3>
      <ExportButtons result={result} />
    </section>
  );
}
