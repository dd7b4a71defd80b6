// The three strategies' makespans in words: "waves 2.4 s · eager 1.9 s · sequential 6.1 s" and the saving.
// Pure; a run that stopped or got stuck is named as such, never compared as if it had finished.
import type { StrategyResult } from '@/lib/engine';
import type { Strategy } from '@/lib/plan';
import { shortDuration } from '@/lib/format/duration';
import { OUTCOME_LABEL } from '../format';

const finished = (r: StrategyResult) => (r.outcome === 'complete' || r.outcome === 'partial') && r.makespanMs !== null;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One strategy's figure: `eager 1.9 s`, `sequential 3 s (deadline exceeded)`, `waves stuck`. */
export function strategyFigure(r: StrategyResult): string {
  if (r.makespanMs === null) return `${r.strategy} stuck`;
  const time = shortDuration(r.makespanMs);
  return finished(r) ? `${r.strategy} ${time}` : `${r.strategy} ${time} (${OUTCOME_LABEL[r.outcome]})`;
}

/** What choosing another strategy would buy or cost, in one sentence (null when there is nothing to say). */
export function strategySaving(results: readonly StrategyResult[], current: Strategy): string | null {
  const cur = results.find((r) => r.strategy === current);
  const done = results.filter(finished);
  if (cur === undefined || done.length === 0) return null;
  const best = done.reduce((a, b) => ((b.makespanMs ?? Infinity) < (a.makespanMs ?? Infinity) ? b : a));
  if (!finished(cur)) {
    const how = cur.makespanMs === null ? 'got stuck' : `ended ${OUTCOME_LABEL[cur.outcome]}`;
    return `Under ${cur.strategy} this run ${how}; ${best.strategy} finishes in ${shortDuration(best.makespanMs ?? 0)}.`;
  }
  const curMs = cur.makespanMs ?? 0;
  const bestMs = best.makespanMs ?? 0;
  if (bestMs >= curMs) {
    const slowest = done.reduce((a, b) => ((b.makespanMs ?? 0) > (a.makespanMs ?? 0) ? b : a));
    const extra = (slowest.makespanMs ?? 0) - curMs;
    if (extra <= 0) return `${cap(cur.strategy)} is as fast as any strategy for this plan.`;
    return `${cap(cur.strategy)} is the fastest for this plan; ${slowest.strategy} would take ${shortDuration(extra)} longer.`;
  }
  const saved = curMs - bestMs;
  const pct = Math.round((saved / curMs) * 100);
  return `${cap(best.strategy)} would finish ${shortDuration(saved)} sooner than ${cur.strategy} (${pct}% less time).`;
}
