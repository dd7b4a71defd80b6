'use client';
// Per call: its success rate (succeeded or partial) and mean attempts over the runs, of A (and B beside it), sortable
// by any column. Rows are the plan's calls: a couple of hundred at most, never one per run.
import { Fragment, useMemo, useState } from 'react';
import type { Reliability } from '@/lib/engine/reliability';
import { deltaTone, formatMeanAttempts, formatPercent, type DeltaTone } from './format';
import { sortRows, type SortKey, type SortState } from './sort';
import { CallIdCell } from './table-parts';

interface Column {
  key: SortKey;
  label: string;
  /** The column's full name, for screen readers (the header may be short). */
  title: string;
}

/** The two numbers of a call, in column order: A's value, B's beside it, which way is better and to how many digits a difference counts. */
const METRICS = [
  { col: 'success', a: 'successA', b: 'successB', better: 'higher', digits: 3, format: formatPercent },
  { col: 'attempts', a: 'attemptsA', b: 'attemptsB', better: 'lower', digits: 2, format: formatMeanAttempts },
] as const;

export function CallTable({ a, b }: { a: Reliability; b: Reliability | null }) {
  const [sort, setSort] = useState<SortState>({ key: 'order', dir: 'asc' });
  const rows = useMemo(() => {
    const ids = Object.keys(a.stats.calls);
    return ids.map((id, order) => ({
      id,
      order,
      successA: a.stats.calls[id].successRate,
      attemptsA: a.stats.calls[id].meanAttempts,
      successB: b !== null && Object.hasOwn(b.stats.calls, id) ? b.stats.calls[id].successRate : null,
      attemptsB: b !== null && Object.hasOwn(b.stats.calls, id) ? b.stats.calls[id].meanAttempts : null,
    }));
  }, [a, b]);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);

  const columns: Column[] =
    b === null
      ? [
          { key: 'id', label: 'Call', title: 'Call' },
          { key: 'successA', label: 'Success', title: 'Success rate' },
          { key: 'attemptsA', label: 'Attempts', title: 'Mean attempts' },
        ]
      : [
          { key: 'id', label: 'Call', title: 'Call' },
          { key: 'successA', label: 'A', title: 'Success rate of A' },
          { key: 'successB', label: 'B', title: 'Success rate of B' },
          { key: 'attemptsA', label: 'A', title: 'Mean attempts of A' },
          { key: 'attemptsB', label: 'B', title: 'Mean attempts of B' },
        ];

  // Ascending, then descending, then back to the plan's order.
  const click = (key: SortKey) =>
    setSort((s) => (s.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : { key: 'order', dir: 'asc' }));

  const header = (c: Column, extra: { rowSpan?: number } = {}) => {
    const active = sort.key === c.key;
    return (
      <th
        key={c.key}
        scope="col"
        {...extra}
        className={c.key === 'id' ? undefined : 'tw-num'}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className="tw-stats-sort" aria-label={c.title} onClick={() => click(c.key)}>
          {c.label}
          <span className="tw-stats-sort__arrow" aria-hidden="true">
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <table className={`tw-calls tw-stats-calls${b === null ? '' : ' tw-stats-calls--ab'}`}>
      <caption className="tw-visually-hidden">
        Success rate and mean attempts of each call over the runs; the column headers sort the table
      </caption>
      {b === null ? (
        <colgroup>
          <col />
          <col className="tw-stats-col--wide" />
          <col className="tw-stats-col--wide" />
        </colgroup>
      ) : (
        <colgroup>
          <col />
          <col className="tw-stats-col--share" />
          <col className="tw-stats-col--share" />
          <col className="tw-stats-col--attempts" />
          <col className="tw-stats-col--attempts" />
        </colgroup>
      )}
      {b === null ? (
        <thead>
          <tr>{columns.map((c) => header(c))}</tr>
        </thead>
      ) : (
        <thead>
          <tr>
            {header(columns[0], { rowSpan: 2 })}
            <th scope="colgroup" colSpan={2} className="tw-stats-calls__group">
              Success
            </th>
            <th scope="colgroup" colSpan={2} className="tw-stats-calls__group">
              Attempts
            </th>
          </tr>
          <tr>{columns.slice(1).map((c) => header(c))}</tr>
        </thead>
      )}
      <tbody>
        {sorted.map((r) => (
          <tr key={r.id} data-call={r.id}>
            <CallIdCell id={r.id} />
            {METRICS.map((m) => {
              const va = r[m.a];
              const vb = r[m.b];
              return (
                <Fragment key={m.col}>
                  <td className="tw-num" data-col={m.col}>
                    {m.format(va)}
                  </td>
                  {b !== null && (
                    <BCell tone={deltaTone(vb === null ? null : vb - va, m.better, m.digits)} text={vb === null ? '—' : m.format(vb)} />
                  )}
                </Fragment>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const TONE_WORDS: Record<DeltaTone, string> = { better: 'better than A', worse: 'worse than A', same: 'same as A' };

/** A value of B, coloured by whether it is better or worse than A's beside it (the hidden words say it too). */
function BCell({ tone, text }: { tone: DeltaTone; text: string }) {
  return (
    <td className={`tw-num tw-stats-calls__b tw-stats-delta--${tone}`} data-tone={tone} title={text === '—' ? undefined : TONE_WORDS[tone]}>
      {text}
      {text !== '—' && tone !== 'same' && <span className="tw-visually-hidden"> ({TONE_WORDS[tone]})</span>}
    </td>
  );
}
