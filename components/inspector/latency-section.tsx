'use client';
// The "Latency & timeout" section: the distribution's kind and figures, a preview of its density with p50 and
// p95 marked, and the per-attempt timeout with the share of attempts it would cut.
import type { Latency, ToolCall } from '@/lib/plan';
import { updateCall } from '@/lib/plan/edit';
import { policyOf, policyPatch, policyPath, type Policy, type PolicyPart } from '@/lib/plan/policy';
import { callCheck } from './checks';
import { ChoiceGroup, TextField } from './fields';
import { convertLatency } from './latency-edit';
import { describeTimeoutCut, LatencyPreview } from './latency-preview';
import { numberText, parseNumber, parseOptionalNumber, sameNumber } from './numbers';
import { useAct } from './use-action';
import { useDraft } from './use-draft';

const KINDS: readonly { value: Latency['kind']; label: string }[] = [
  { value: 'fixed', label: 'Fixed' },
  { value: 'uniform', label: 'Uniform' },
  { value: 'lognormal', label: 'Lognormal' },
];

const KIND_NOTE: Record<Latency['kind'], string> = {
  fixed: 'Every attempt takes exactly this long.',
  uniform: 'Any time between the two bounds, equally likely.',
  lognormal: 'A long right tail, like real services: half the attempts finish by p50, 95% by p95.',
};

type Of<K extends Latency['kind']> = Extract<Latency, { kind: K }>;
/** The policy's latency if it is still of kind K (it is, unless another edit switched it meanwhile). */
function as<K extends Latency['kind']>(policy: Policy | undefined, kind: K): Of<K> | null {
  return policy !== undefined && policy.latency.kind === kind ? (policy.latency as Of<K>) : null;
}

interface FieldsProps {
  call: ToolCall;
  part: PolicyPart;
}

/** A latency field's check: the part's latency as it is now, with the field changed. */
function latencyCheck(call: ToolCall, part: PolicyPart, field: string, make: (v: number, now: Policy | undefined) => Latency) {
  return callCheck(call.id, policyPath(part, `latency.${field}`), parseNumber, (v, c) =>
    policyPatch(c, part, { latency: make(v, policyOf(c, part)) }),
  );
}

function FixedFields({ call, part }: FieldsProps) {
  const l = as(policyOf(call, part), 'fixed');
  const ms = useDraft({
    name: policyPath(part, 'latency.ms'),
    value: numberText(l?.ms),
    same: sameNumber,
    check: latencyCheck(call, part, 'ms', (v) => ({ kind: 'fixed', ms: v })),
  });
  return <TextField label="Latency" draft={ms} unit="ms" inputMode="decimal" />;
}

function UniformFields({ call, part }: FieldsProps) {
  const l = as(policyOf(call, part), 'uniform');
  const min = useDraft({
    name: policyPath(part, 'latency.minMs'),
    value: numberText(l?.minMs),
    same: sameNumber,
    check: latencyCheck(call, part, 'minMs', (v, now) => ({ kind: 'uniform', minMs: v, maxMs: as(now, 'uniform')?.maxMs ?? v })),
  });
  const max = useDraft({
    name: policyPath(part, 'latency.maxMs'),
    value: numberText(l?.maxMs),
    same: sameNumber,
    check: latencyCheck(call, part, 'maxMs', (v, now) => ({ kind: 'uniform', minMs: as(now, 'uniform')?.minMs ?? v, maxMs: v })),
  });
  return (
    <>
      <TextField label="Shortest" draft={min} unit="ms" inputMode="decimal" />
      <TextField label="Longest" draft={max} unit="ms" inputMode="decimal" />
    </>
  );
}

function LognormalFields({ call, part }: FieldsProps) {
  const l = as(policyOf(call, part), 'lognormal');
  const p50 = useDraft({
    name: policyPath(part, 'latency.p50Ms'),
    value: numberText(l?.p50Ms),
    same: sameNumber,
    check: latencyCheck(call, part, 'p50Ms', (v, now) => ({ kind: 'lognormal', p50Ms: v, p95Ms: as(now, 'lognormal')?.p95Ms ?? v })),
  });
  const p95 = useDraft({
    name: policyPath(part, 'latency.p95Ms'),
    value: numberText(l?.p95Ms),
    same: sameNumber,
    check: latencyCheck(call, part, 'p95Ms', (v, now) => ({ kind: 'lognormal', p50Ms: as(now, 'lognormal')?.p50Ms ?? v, p95Ms: v })),
  });
  return (
    <>
      <TextField label="Median (p50)" draft={p50} unit="ms" inputMode="decimal" />
      <TextField label="95th percentile (p95)" draft={p95} unit="ms" inputMode="decimal" />
    </>
  );
}

/** The latency and timeout of a call, or (part "compensation") of its compensation, with the same fields. */
export function LatencySection({ call, part = 'call' }: { call: ToolCall; part?: PolicyPart }) {
  const act = useAct();
  const id = call.id;
  const policy = policyOf(call, part) ?? call;
  const timeout = useDraft({
    name: policyPath(part, 'timeoutMs'),
    value: numberText(policy.timeoutMs),
    same: sameNumber,
    check: callCheck(id, policyPath(part, 'timeoutMs'), parseOptionalNumber, (timeoutMs, c) => policyPatch(c, part, { timeoutMs })),
  });
  const agent = part === 'call' && call.kind === 'agent';
  const cut = agent ? null : describeTimeoutCut(policy.latency, policy.timeoutMs);
  return (
    <div className="tw-insp-grid">
      {agent && (
        <p className="tw-insp-note tw-insp-field--wide">
          A sub-agent lasts as long as its nested plan runs: this latency is not used. Its timeout is.
        </p>
      )}
      <div className="tw-insp-field--wide">
        <ChoiceGroup
          legend={part === 'call' ? 'Latency distribution' : 'Compensation latency distribution'}
          layout="segments"
          value={policy.latency.kind}
          choices={KINDS}
          onChange={(kind) =>
            act((plan) => {
              const now = plan.calls.find((c) => c.id === id);
              const nowPolicy = now === undefined ? undefined : policyOf(now, part);
              return now === undefined || nowPolicy === undefined
                ? plan
                : updateCall(plan, id, policyPatch(now, part, { latency: convertLatency(nowPolicy.latency, kind) }));
            })
          }
          note={<p className="tw-insp-hint">{KIND_NOTE[policy.latency.kind]}</p>}
        />
      </div>
      {policy.latency.kind === 'fixed' && <FixedFields key="fixed" call={call} part={part} />}
      {policy.latency.kind === 'uniform' && <UniformFields key="uniform" call={call} part={part} />}
      {policy.latency.kind === 'lognormal' && <LognormalFields key="lognormal" call={call} part={part} />}
      <div className="tw-insp-field--wide">
        <LatencyPreview latency={policy.latency} timeoutMs={policy.timeoutMs} />
      </div>
      <TextField
        label="Timeout per attempt"
        draft={timeout}
        unit="ms"
        inputMode="decimal"
        placeholder="none"
        hint={cut ?? 'Empty: no timeout (a hang lasts until the deadline, or forever).'}
        wide
      />
    </div>
  );
}
