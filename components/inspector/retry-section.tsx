'use client';
// The "Retry" section: attempts, first interval, backoff coefficient, cap and jitter, with the resulting wait
// sequence spelled out ("waits 1 s, 2 s, 4 s") from the plan as committed (an invalid draft never shows here).
import { retryMaximumIntervalMs, type RetryPolicy, type ToolCall } from '@/lib/plan';
import { describeRetryWaits, updateCall } from '@/lib/plan/edit';
import { shortDuration } from '@/lib/format/duration';
import { policyOf, policyPatch, policyPath, type PolicyPart } from '@/lib/plan/policy';
import { callCheck } from './checks';
import { ChoiceGroup, TextField } from './fields';
import { numberText, parseNumber, parseOptionalNumber, sameNumber } from './numbers';
import { useAct } from './use-action';
import { useDraft } from './use-draft';
import { JITTER } from './words';

/** The policy with its cap set, or removed (null) so it takes its default of 100 × the first interval. */
export function withCap(r: RetryPolicy, cap: number | null): RetryPolicy {
  const next: RetryPolicy = {
    maxAttempts: r.maxAttempts,
    initialIntervalMs: r.initialIntervalMs,
    backoffCoefficient: r.backoffCoefficient,
    jitter: r.jitter,
  };
  if (cap !== null) next.maximumIntervalMs = cap;
  return next;
}

/** The retry policy of a call, or (part "compensation") of its compensation, with the same fields. */
export function RetrySection({ call, part = 'call' }: { call: ToolCall; part?: PolicyPart }) {
  const act = useAct();
  const id = call.id;
  const r = (policyOf(call, part) ?? call).retry;
  const path = (field: string) => policyPath(part, `retry.${field}`);
  /** The part's retry policy as it is now, changed by `change`. */
  const retryPatch = (c: ToolCall, change: (now: RetryPolicy) => RetryPolicy) => {
    const now = policyOf(c, part);
    return now === undefined ? {} : policyPatch(c, part, { retry: change(now.retry) });
  };
  const attempts = useDraft({
    name: path('maxAttempts'),
    value: numberText(r.maxAttempts),
    same: sameNumber,
    check: callCheck(id, path('maxAttempts'), parseNumber, (v, c) => retryPatch(c, (now) => ({ ...now, maxAttempts: v }))),
  });
  const initial = useDraft({
    name: path('initialIntervalMs'),
    value: numberText(r.initialIntervalMs),
    same: sameNumber,
    check: callCheck(id, path('initialIntervalMs'), parseNumber, (v, c) => retryPatch(c, (now) => ({ ...now, initialIntervalMs: v }))),
  });
  const coefficient = useDraft({
    name: path('backoffCoefficient'),
    value: numberText(r.backoffCoefficient),
    same: sameNumber,
    check: callCheck(id, path('backoffCoefficient'), parseNumber, (v, c) => retryPatch(c, (now) => ({ ...now, backoffCoefficient: v }))),
  });
  const cap = useDraft({
    name: path('maximumIntervalMs'),
    value: numberText(r.maximumIntervalMs),
    same: sameNumber,
    check: callCheck(id, path('maximumIntervalMs'), parseOptionalNumber, (v, c) => retryPatch(c, (now) => withCap(now, v))),
  });
  const waits = describeRetryWaits(r);
  return (
    <div className="tw-insp-grid">
      <TextField label="Attempts" draft={attempts} inputMode="numeric" hint="With the first; 1 = no retry." />
      <TextField label="First wait" draft={initial} unit="ms" inputMode="decimal" />
      <TextField label="Backoff ×" draft={coefficient} inputMode="decimal" hint="Each wait × this." />
      <TextField
        label="Longest wait"
        draft={cap}
        unit="ms"
        inputMode="decimal"
        placeholder={`${retryMaximumIntervalMs(r)}`}
        hint={`Empty: 100 × first (${shortDuration(100 * r.initialIntervalMs)}).`}
      />
      <div className="tw-insp-field--wide">
        <ChoiceGroup
          legend={part === 'call' ? 'Jitter' : 'Compensation jitter'}
          layout="segments"
          value={r.jitter}
          choices={JITTER}
          onChange={(jitter) =>
            act((plan) => {
              const now = plan.calls.find((c) => c.id === id);
              return now === undefined
                ? plan
                : updateCall(
                    plan,
                    id,
                    retryPatch(now, (retry) => ({ ...retry, jitter })),
                  );
            })
          }
          note={<p className="tw-insp-hint">{JITTER.find((j) => j.value === r.jitter)?.sentence}</p>}
        />
      </div>
      <p className="tw-insp-waits tw-insp-field--wide" aria-live="polite" data-testid="retry-waits">
        <span className="tw-caps tw-insp-waits__label">Before each retry</span>
        <span className="tw-insp-waits__text">{waits}</span>
      </p>
    </div>
  );
}
