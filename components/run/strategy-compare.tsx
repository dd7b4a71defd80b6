'use client';
// After every run: the same plan and seed under each strategy, the one in use highlighted, the saving spelled out.
import { useAppStore } from '@/lib/store/provider';
import { selectStrategies, selectTracePlan } from '@/lib/store/selectors';
import { strategyFigure, strategySaving } from './strategy-words';

export function StrategyCompare() {
  const results = useAppStore(selectStrategies);
  const plan = useAppStore(selectTracePlan);
  if (results === null || plan === null) return null;
  const current = plan.settings.strategy;
  const saving = strategySaving(results, current);
  return (
    <section className="tw-strategies" aria-label="Makespan by strategy">
      <p className="tw-strategies__line">
        {results.map((r, i) => (
          <span key={r.strategy}>
            {i > 0 && <span className="tw-strategies__sep"> · </span>}
            <span
              className={r.strategy === current ? 'tw-strategies__item tw-strategies__item--current' : 'tw-strategies__item'}
              aria-current={r.strategy === current ? 'true' : undefined}
              title={r.strategy === current ? 'The plan’s own strategy' : undefined}
            >
              {strategyFigure(r)}
            </span>
          </span>
        ))}
      </p>
      {saving !== null && <p className="tw-strategies__saving">{saving}</p>}
    </section>
  );
}
