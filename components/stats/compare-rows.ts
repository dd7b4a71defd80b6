// The rows of the A | B | Δ table: every number of both variants, rounded as everywhere in the view, with the
// difference B − A and whether it is good news (the sign says it; the colour only repeats it). Pure.
import type { Outcome } from '@/lib/engine';
import { OUTCOMES } from '@/lib/engine/types';
import type { Reliability } from '@/lib/engine/reliability';
import { columnDuration, durationDelta } from '@/lib/format/duration';
import { signed } from '@/lib/format/number';
import { deltaTone, formatAttemptsPerRun, formatPercent, formatPoints, OUTCOME_WORDS, type DeltaTone } from './format';

export interface CompareRow {
  key: string;
  label: string;
  a: string;
  b: string;
  delta: string;
  tone: DeltaTone;
}

const share = (r: Reliability, o: Outcome) => (r.stats.runs === 0 ? 0 : r.stats.outcomes[o] / r.stats.runs);

/** Better when higher (complete), lower (the failures), or neither (partial: better than aborted, worse than complete). */
const OUTCOME_BETTER: Record<Outcome, 'higher' | 'lower' | null> = {
  complete: 'higher',
  partial: null,
  aborted: 'lower',
  deadline_exceeded: 'lower',
  stuck: 'lower',
};

export function compareRows(a: Reliability, b: Reliability): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const o of OUTCOMES) {
    const d = (share(b, o) - share(a, o)) * 100;
    const better = OUTCOME_BETTER[o];
    rows.push({
      key: o,
      label: o === 'complete' ? 'Success (complete)' : OUTCOME_WORDS[o],
      a: formatPercent(share(a, o)),
      b: formatPercent(share(b, o)),
      delta: formatPoints(d),
      tone: better === null ? 'same' : deltaTone(d, better, 1),
    });
  }
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const va = a.stats.makespanMs[p];
    const vb = b.stats.makespanMs[p];
    const d = va === null || vb === null ? null : vb - va;
    // Toned as shown: to the tenth of a second from a second up, else to the ms.
    const tone = d === null ? 'same' : Math.abs(d) >= 1000 ? deltaTone(d / 1000, 'lower', 1) : deltaTone(d, 'lower', 0);
    rows.push({ key: p, label: `Makespan ${p}`, a: columnDuration(va), b: columnDuration(vb), delta: durationDelta(d), tone });
  }
  const da = b.attemptsPerRun - a.attemptsPerRun;
  rows.push({
    key: 'attempts',
    label: 'Attempts per run',
    a: formatAttemptsPerRun(a.attemptsPerRun),
    b: formatAttemptsPerRun(b.attemptsPerRun),
    delta: signed(da, 1),
    tone: deltaTone(da, 'lower', 1),
  });
  const dm = (b.misledShare - a.misledShare) * 100;
  rows.push({
    key: 'misled',
    label: 'Misled the model',
    a: formatPercent(a.misledShare),
    b: formatPercent(b.misledShare),
    delta: formatPoints(dm),
    tone: deltaTone(dm, 'lower', 1),
  });
  if (a.hasEffects || b.hasEffects) rows.push(...effectRows(a, b));
  return rows;
}

/** Side-effect shares (runs with at least one call so): fewer is better for every one of them. */
export const EFFECT_ROWS = [
  { key: 'duplicated', label: 'Duplicated effect' },
  { key: 'maybeDuplicated', label: 'Possible duplicate' },
  { key: 'leftInPlace', label: 'Effect left in place' },
  { key: 'compensationFailed', label: 'Compensation failed' },
] as const;

function effectRows(a: Reliability, b: Reliability): CompareRow[] {
  return EFFECT_ROWS.map(({ key, label }) => {
    const va = a.stats.effects[key];
    const vb = b.stats.effects[key];
    const d = (vb - va) * 100;
    return { key, label, a: formatPercent(va), b: formatPercent(vb), delta: formatPoints(d), tone: deltaTone(d, 'lower', 1) };
  });
}
