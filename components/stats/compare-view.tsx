'use client';
// A and B side by side, run on the same seeds: the deltas in one sentence, then A | B | Δ for every number, and
// which one to keep as the plan.
import { deltas, describeDeltas, retriedOnceCalls } from '@/lib/engine/reliability';
import { useAppStoreApi } from '@/lib/store/provider';
import type { StatsResult } from '@/lib/store/stats';
import { compareRows } from './compare-rows';
import { formatPercent } from './format';
import { NumHeadings } from './table-parts';

const AB_HEADINGS = [{ label: 'A' }, { label: 'B' }, { label: 'Δ' }];

export function CompareView({ result }: { result: StatsResult }) {
  const store = useAppStoreApi();
  const { a, b } = result;
  if (b === null) return null;
  const rows = compareRows(a, b);
  const retried = result.planB === null ? [] : retriedOnceCalls(result.planA, result.planB, b);
  const keepA = () => {
    store.getState().keepA();
    store.getState().notify({ tone: 'info', text: 'Kept A: variant B is discarded.' });
  };
  const keepB = () => {
    if (store.getState().keepB()) store.getState().notify({ tone: 'success', text: 'Variant B is now the plan. Undo brings A back.' });
  };
  return (
    <div className="tw-stats-compare">
      <p className="tw-stats-deltas" data-stat="deltas">
        <span className="tw-stats-deltas__lead">B against A:</span> {describeDeltas(deltas(a, b))}
      </p>
      {retried.map((r) => (
        <p key={r.id} className="tw-stats-warning" role="note" data-stat="retried-once">
          <span aria-hidden="true">⚠ </span>
          <strong>B retries {r.id}</strong> ({r.attemptsA} → {r.attemptsB} attempts), but its effect is <em>once</em>: every attempt that
          goes through applies it again. In B, {r.id} succeeds in {formatPercent(r.successB)} of runs and{' '}
          <strong>
            runs twice in {formatPercent(r.duplicateRateB)}, maybe twice in {formatPercent(r.maybeDuplicateRateB)}
          </strong>
          . Make it idempotent before retrying it.
        </p>
      ))}
      <table className="tw-calls tw-stats-ab">
        <caption className="tw-visually-hidden">A and B on the same seeds, and the difference B − A</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="tw-visually-hidden">Number</span>
            </th>
            <NumHeadings columns={AB_HEADINGS} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              <td className="tw-num" data-col="a">
                {r.a}
              </td>
              <td className={`tw-num tw-stats-delta--${r.tone}`} data-col="b" data-tone={r.tone}>
                {r.b}
              </td>
              <td className={`tw-num tw-stats-delta tw-stats-delta--${r.tone}`} data-col="delta">
                {r.delta}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="tw-stats-actions">
        <button type="button" className="tw-button tw-button--quiet tw-button--small" onClick={keepA}>
          Keep A
        </button>
        <button type="button" className="tw-button tw-button--small" onClick={keepB}>
          Keep B as the plan
        </button>
      </div>
    </div>
  );
}
