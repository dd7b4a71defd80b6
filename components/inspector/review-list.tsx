'use client';
// The plan review (docs/review.md) as a short list: each finding with its severity as an icon and a word, and a
// button that selects the call it is about. Advice only: findings never block an edit.
import type { Finding, FindingSeverity } from '@/lib/plan/edit';
import { useAppStoreApi } from '@/lib/store/provider';

const SEVERITY: Record<FindingSeverity, { icon: string; word: string }> = {
  error: { icon: '✕', word: 'Error' },
  warning: { icon: '!', word: 'Warning' },
  hint: { icon: 'i', word: 'Hint' },
};

/** How many findings show before "Show all". */
const SHORT = 6;

export function ReviewList({
  findings,
  expanded,
  onExpand,
}: {
  findings: readonly Finding[];
  expanded: boolean;
  onExpand: (open: boolean) => void;
}) {
  const store = useAppStoreApi();
  if (findings.length === 0) {
    return (
      <p className="tw-insp-review__clear">
        <span className="tw-insp-sev tw-insp-sev--ok" aria-hidden="true">
          ✓
        </span>
        No findings: every reference has its edge, every call can end.
      </p>
    );
  }
  const shown = expanded ? findings : findings.slice(0, SHORT);
  return (
    <>
      <ul className="tw-insp-review" aria-label="Plan review findings">
        {shown.map((f, i) => {
          const target = f.within.length === 0 ? f.callId : null;
          return (
            <li key={`${f.rule}-${f.callId}-${i}`} className={`tw-insp-review__item tw-insp-review__item--${f.severity}`}>
              <span className={`tw-insp-sev tw-insp-sev--${f.severity}`} aria-hidden="true">
                {SEVERITY[f.severity].icon}
              </span>
              <span className="tw-insp-review__text">
                <strong className="tw-insp-review__sev">{SEVERITY[f.severity].word}:</strong> {f.message}
                {target !== null && (
                  <>
                    {' '}
                    <button type="button" className="tw-link tw-insp-review__go" onClick={() => store.getState().select([target])}>
                      Select {target}
                    </button>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {findings.length > SHORT && (
        <button type="button" className="tw-link" aria-expanded={expanded} onClick={() => onExpand(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${findings.length}`}
        </button>
      )}
    </>
  );
}
