'use client';
// "Compare policies…": one call's failure under retry, degrade and abort (and ignore where it changes anything), the
// same plan and seed, side by side (lib/engine/compare-policies.ts): makespan, outcome, the statuses that differ and
// what the model is told, each column with its line where the contexts part. Opened from the node menu or the inspector.
import { useMemo } from 'react';
import type { PolicyChoice, PolicyComparison, PolicyOutcome } from '@/lib/engine';
import { comparePolicies, RETRY_ATTEMPTS } from '@/lib/engine/compare-policies';
import { shortDuration } from '@/lib/format/duration';
import type { Plan } from '@/lib/plan';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { OUTCOME_LABEL, STATUS_LABEL, outcomeTone, statusTone } from '../format';
import { Modal } from '../shell/modal';
import { errorText } from '@/lib/format/error';

const selectCall = (s: AppState) => s.policyCompareCall;
const selectTopPlan = (s: AppState) => s.plan;
const selectDrilled = (s: AppState) => s.viewPath.length > 0;

export const POLICY_TITLE: Record<PolicyChoice, string> = { retry: 'Retry', degrade: 'Degrade', abort: 'Abort', ignore: 'Ignore' };

/** `3 attempts, then degrade`, `1 attempt, then abort the plan`. */
export function policySettings(o: Pick<PolicyOutcome, 'maxAttempts' | 'onFailure'>): string {
  const then = o.onFailure === 'abort' ? 'abort the plan' : o.onFailure === 'ignore' ? 'ignore (optional to everyone)' : 'degrade';
  return `${o.maxAttempts} ${o.maxAttempts === 1 ? 'attempt' : 'attempts'}, then ${then}`;
}

function Column({ o, cmp }: { o: PolicyOutcome; cmp: PolicyComparison }) {
  const title = POLICY_TITLE[o.policy];
  const statusOf = new Map(o.statuses.map((s) => [s.id, s.status]));
  return (
    <section className="tw-pol__col" aria-label={`${title}: ${OUTCOME_LABEL[o.outcome]}`} data-policy={o.policy}>
      <header className="tw-pol__head">
        <h3 className="tw-pol__title">
          {title}
          {o.current && <span className="tw-pol__badge">current</span>}
        </h3>
        <p className="tw-pol__settings">{policySettings(o)}</p>
      </header>
      <dl className="tw-pol__facts">
        <div>
          <dt>Makespan</dt>
          <dd className="tw-pol__big" data-testid="policy-makespan">
            {o.makespanMs === null ? 'none (stuck)' : shortDuration(o.makespanMs)}
          </dd>
        </div>
        <div>
          <dt>Outcome</dt>
          <dd className={`tw-pol__big tw-pol__tone--${outcomeTone(o.outcome)}`}>{OUTCOME_LABEL[o.outcome]}</dd>
        </div>
        <div>
          <dt>
            <code>{cmp.callId}</code>
          </dt>
          <dd>
            {STATUS_LABEL[o.call.status]} after {o.call.attempts} {o.call.attempts === 1 ? 'attempt' : 'attempts'}
          </dd>
        </div>
      </dl>
      {cmp.differingCalls.length > 0 && (
        <ul className="tw-pol__statuses" aria-label={`Statuses under ${title.toLowerCase()}`}>
          {cmp.differingCalls.map((id) => {
            const s = statusOf.get(id) ?? 'not_started';
            return (
              <li key={id} className={`tw-pol__status tw-pol__tone--${statusTone(s)}`}>
                <code>{id}</code> {STATUS_LABEL[s]}
              </li>
            );
          })}
        </ul>
      )}
      <div className="tw-pol__told">
        <p className="tw-pol__label">
          {cmp.firstDiffLine === null ? 'The model is told the same' : `The model is told, line ${cmp.firstDiffLine}`}
        </p>
        {o.diffLine !== null && (
          <pre className="tw-pol__line" data-testid="policy-diff-line">
            <span className="tw-pol__sign" aria-hidden="true">
              ≠{' '}
            </span>
            {o.diffLine === '' ? '(no such line: this context is shorter)' : o.diffLine}
          </pre>
        )}
        <pre className="tw-pol__line tw-pol__line--outcome">{o.outcomeLine}</pre>
        <details className="tw-pol__whole">
          <summary>Whole context</summary>
          <pre className="tw-pol__context" tabIndex={0} aria-label={`Context under ${title.toLowerCase()}`}>
            {o.context}
          </pre>
        </details>
      </div>
    </section>
  );
}

function Comparison({ plan, callId }: { plan: Plan; callId: string }) {
  const cmp = useMemo(() => {
    try {
      return comparePolicies(plan, callId);
    } catch (err) {
      return errorText(err);
    }
  }, [plan, callId]);
  if (typeof cmp === 'string') {
    return (
      <p className="tw-error" role="alert">
        The policies could not be compared: {cmp}
      </p>
    );
  }
  const others = plan.calls.length - cmp.differingCalls.length;
  return (
    <>
      <p className="tw-pol__intro">
        The same plan and seed ({cmp.seed}), only <code>{callId}</code>’s policy changed. Retry gives it at least {RETRY_ATTEMPTS} attempts,
        then degrades; the others make one attempt.{' '}
        {cmp.outcomes.length === 3 ? 'Ignore is left out: no call requires this one, so it would read as degrade.' : ''}{' '}
        {cmp.differingCalls.length === 0
          ? 'Every call ends the same under every policy.'
          : `${others} other ${others === 1 ? 'call ends' : 'calls end'} the same under every policy.`}
        {cmp.outcomes.every((o) => o.call.status === 'succeeded' && o.call.attempts === 1) && (
          <strong className="tw-pol__none">
            {' '}
            {callId} succeeds on its first attempt with this seed, so its policy changes nothing: inject a failure into it to compare.
          </strong>
        )}
      </p>
      <div className="tw-pol__grid" style={{ gridTemplateColumns: `repeat(${cmp.outcomes.length}, minmax(0, 1fr))` }}>
        {cmp.outcomes.map((o) => (
          <Column key={o.policy} o={o} cmp={cmp} />
        ))}
      </div>
    </>
  );
}

/** Mounted by the workbench while a call's policies are compared. */
export function PolicyCompare() {
  const store = useAppStoreApi();
  const callId = useAppStore(selectCall);
  const plan = useAppStore(selectTopPlan);
  const drilled = useAppStore(selectDrilled);
  if (callId === null) return null;
  const close = () => store.getState().setPolicyCompareCall(null);
  const exists = plan.calls.some((c) => c.id === callId);
  return (
    <Modal title={`One failure, each policy: ${callId}`} className="tw-pol-modal" onClose={close}>
      {drilled ? (
        <p className="tw-muted">Policies are compared for the calls of the top-level plan: leave the sub-agent to compare them.</p>
      ) : exists ? (
        <Comparison plan={plan} callId={callId} />
      ) : (
        <p className="tw-muted">{callId} is no longer in the plan.</p>
      )}
      <button type="button" className="tw-ctx__button tw-pol__close" onClick={close}>
        Close
      </button>
    </Modal>
  );
}
