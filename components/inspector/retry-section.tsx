'use client';
// The "Retry" section: attempts, first interval, backoff coefficient, cap and jitter, with the resulting wait
// sequence spelled out ("waits 1 s, 2 s, 4 s") from the plan as committed (an invalid draft never shows here).
import { retryMaximumIntervalMs, type RetryPolicy, type ToolCall } from '@/lib/plan';
import { describeRetryWaits, updateCall } from '@/lib/plan/edit';
import { shortDuration } from '@/lib/format/duration';
import { policyOf, policyPatch, policyPath, type PolicyPart } from '@/lib/plan/policy';
import { callCheck } from './checks';
import { ChoiceGroup, TextField } from './fields';
import { parseNumber, parseOptionalNumber, type Parsed } from './numbers';
import { useAct } from './use-action';
import { useNumberDraft } from './use-draft';
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

/** The part's retry policy as it is now, changed by `change`. */
function retryPatch(c: ToolCall, part: PolicyPart, change: (now: RetryPolicy) => RetryPolicy): Partial<ToolCall> {
  const now = policyOf(c, part);
  return now === undefined ? {} : policyPatch(c, part, { retry: change(now.retry) });
}

/** The draft of one number of the part's retry policy; `set` puts a valid value into the policy as it is now. */
function useRetryDraft<T>(
  call: ToolCall,
  part: PolicyPart,
  field: Exclude<keyof RetryPolicy, 'jitter'>,
  parse: (text: string) => Parsed<T>,
  set: (now: RetryPolicy, v: T) => RetryPolicy,
) {
  const path = policyPath(part, `retry.${field}`);
  const r = (policyOf(call, part) ?? call).retry;
  return useNumberDraft(
    path,
    r[field],
    callCheck(call.id, path, parse, (v, c) => retryPatch(c, part, (now) => set(now, v))),
  );
}

/** The retry policy of a call, or (part "compensation") of its compensation, with the same fields. */
export function RetrySection({ call, part = 'call' }: { call: ToolCall; part?: PolicyPart }) {
  const act = useAct();
  const id = call.id;
  const r = (policyOf(call, part) ?? call).retry;
  const attempts = useRetryDraft(call, part, 'maxAttempts', parseNumber, (now, v) => ({ ...now, maxAttempts: v }));
  const initial = useRetryDraft(call, part, 'initialIntervalMs', parseNumber, (now, v) => ({ ...now, initialIntervalMs: v }));
  const coefficient = useRetryDraft(call, part, 'backoffCoefficient', parseNumber, (now, v) => ({ ...now, backoffCoefficient: v }));
  const cap = useRetryDraft(call, part, 'maximumIntervalMs', parseOptionalNumber, withCap);
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
                    retryPatch(now, part, (retry) => ({ ...retry, jitter })),
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
