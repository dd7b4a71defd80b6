'use client';
// "What hurts most": the calls that failed most on their own, each made never to fail, ranked by what the plan's
// success rate would gain. The first ten show; the rest on request.
import { useState } from 'react';
import type { HurtRow } from '@/lib/engine/reliability';
import { describeHurt, formatCount, formatPercent, formatRuns } from './format';

const FIRST = 10;

export function HurtsList({
  hurts,
  hurtRuns,
  runs,
  failing,
  headline,
}: {
  hurts: HurtRow[];
  hurtRuns: number;
  runs: number;
  failing?: number;
  headline: number;
}) {
  const [all, setAll] = useState(false);
  if (hurts.length === 0) return <p className="tw-muted">No call failed on its own in these runs: there is nothing to rank.</p>;
  // Every row's gain is measured against the same baseline: the plan over the same runs.
  const baseline = hurts[0].successRate - hurts[0].gainPoints / 100;
  const top = Math.max(...hurts.map((h) => h.gainPoints), 0);
  const shown = all ? hurts : hurts.slice(0, FIRST);
  return (
    <div className="tw-stats-hurts">
      <p className="tw-stats-hint">
        {failing === undefined
          ? null
          : `Ranked: the ${hurts.length === 1 ? 'call' : `${formatCount(hurts.length)} calls`} that failed most on their own${failing > hurts.length ? ` (of ${formatCount(failing)} that failed)` : ''}. `}
        Each variant ran {hurtRuns < runs ? `the first ${formatRuns(hurtRuns)}` : formatRuns(hurtRuns)} on the same seeds; over those the
        plan succeeds in {formatPercent(baseline)} of runs
        {formatPercent(baseline) !== formatPercent(headline) && (
          <span data-baseline="differs">
            , the baseline of this list (the {formatPercent(headline)} above is over all {formatRuns(runs)})
          </span>
        )}
        .
      </p>
      {top <= 0 ? (
        <p className="tw-stats-note">No call’s failures cost the plan a complete run: making any one of them never fail gains nothing.</p>
      ) : (
        <ol className="tw-stats-hurts__list">
          {shown.map((h) => (
            <li key={h.id} className="tw-stats-hurt">
              <span className="tw-stats-hurt__text">{describeHurt(h.id, baseline, h.successRate)}</span>
              <span className="tw-stats-hurt__track" aria-hidden="true">
                <span className="tw-stats-hurt__bar" style={{ width: `${Math.max(0, (h.gainPoints / top) * 100)}%` }} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {top > 0 && hurts.length > FIRST && (
        <button type="button" className="tw-link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST}` : `Show all ${formatCount(hurts.length)} calls`}
        </button>
      )}
    </div>
  );
}
