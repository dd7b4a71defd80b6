'use client';
// Per call with a side effect: how often it ran twice, maybe ran twice, or was left in place by a stopped plan (of A,
// and with a variant B as "A → B"). Only calls whose effect is not none appear: the others change nothing.
import type { Plan } from '@/lib/plan';
import type { Reliability } from '@/lib/engine/reliability';
import { formatPercent } from './format';
import { CallIdCell, NumHeadings } from './table-parts';

type RateKey = 'duplicateRate' | 'maybeDuplicateRate' | 'leftInPlaceRate';
const COLUMNS: { key: RateKey; label: string; title: string }[] = [
  { key: 'duplicateRate', label: 'Duplicated', title: 'Share of runs in which the call applied its effect twice or more' },
  {
    key: 'maybeDuplicateRate',
    label: 'Maybe',
    title: 'Share of runs in which it may have applied its effect twice (an attempt timed out or was cut off)',
  },
  { key: 'leftInPlaceRate', label: 'Left in place', title: 'Share of runs that stopped with its effect landed and not undone' },
];

function rate(r: Reliability, id: string, key: RateKey): number | null {
  return Object.hasOwn(r.stats.calls, id) ? (r.stats.calls[id][key] ?? null) : null;
}

export function EffectTable({ plan, a, b }: { plan: Plan; a: Reliability; b: Reliability | null }) {
  const calls = plan.calls.filter((c) => (c.effect ?? 'none') !== 'none');
  if (calls.length === 0) return null;
  const cell = (id: string, key: RateKey) => {
    const va = rate(a, id, key);
    const text = va === null ? '—' : formatPercent(va);
    if (b === null) return text;
    const vb = rate(b, id, key);
    return `${text} → ${vb === null ? '—' : formatPercent(vb)}`;
  };
  return (
    <table className="tw-calls tw-stats-effects">
      <caption className="tw-visually-hidden">
        Side effects per call: share of runs duplicated, maybe duplicated and left in place{b === null ? '' : ', A then B'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Call</th>
          <th scope="col">Effect</th>
          <NumHeadings columns={COLUMNS} />
        </tr>
      </thead>
      <tbody>
        {calls.map((c) => (
          <tr key={c.id} data-call={c.id}>
            <CallIdCell id={c.id} />
            <td>{c.effect}</td>
            {COLUMNS.map((col) => (
              <td key={col.key} className="tw-num" data-col={col.key}>
                {cell(c.id, col.key)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The plan-wide shares in one sentence: `Duplicated in 8.2% of runs, maybe in 4.1%, …`. */
export function EffectShares({ r }: { r: Reliability }) {
  if (!r.hasEffects) return null;
  const e = r.stats.effects;
  return (
    <p className="tw-stats-effect-shares" data-stat="effects">
      Side effects: <strong>a duplicated effect in {formatPercent(e.duplicated)} of runs</strong>, a possible duplicate in{' '}
      {formatPercent(e.maybeDuplicated)}, an effect left in place in {formatPercent(e.leftInPlace)}, a failed compensation in{' '}
      {formatPercent(e.compensationFailed)}.
    </p>
  );
}
