'use client';
// The "Latency & timeout" section: the distribution's kind and figures, a preview of its density with p50 and
// p95 marked, and the per-attempt timeout with the share of attempts it would cut.
import type { Latency, ToolCall } from '@/lib/plan';
import { updateCall } from '@/lib/plan/edit';
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
/** The call's latency if it is still of kind K (it is, unless another edit switched it meanwhile). */
function as<K extends Latency['kind']>(call: ToolCall, kind: K): Of<K> | null {
  return call.latency.kind === kind ? (call.latency as Of<K>) : null;
}

function FixedFields({ call }: { call: ToolCall }) {
  const l = as(call, 'fixed');
  const ms = useDraft({
    name: 'latency.ms',
    value: numberText(l?.ms),
    same: sameNumber,
    check: callCheck(call.id, 'latency.ms', parseNumber, (v) => ({ latency: { kind: 'fixed', ms: v } })),
  });
  return <TextField label="Latency" draft={ms} unit="ms" inputMode="decimal" />;
}

function UniformFields({ call }: { call: ToolCall }) {
  const l = as(call, 'uniform');
  const min = useDraft({
    name: 'latency.minMs',
    value: numberText(l?.minMs),
    same: sameNumber,
    check: callCheck(call.id, 'latency.minMs', parseNumber, (v, c) => ({ latency: { kind: 'uniform', minMs: v, maxMs: as(c, 'uniform')?.maxMs ?? v } })),
  });
  const max = useDraft({
    name: 'latency.maxMs',
    value: numberText(l?.maxMs),
    same: sameNumber,
    check: callCheck(call.id, 'latency.maxMs', parseNumber, (v, c) => ({ latency: { kind: 'uniform', minMs: as(c, 'uniform')?.minMs ?? v, maxMs: v } })),
  });
  return (
    <>
      <TextField label="Shortest" draft={min} unit="ms" inputMode="decimal" />
      <TextField label="Longest" draft={max} unit="ms" inputMode="decimal" />
    </>
  );
}

function LognormalFields({ call }: { call: ToolCall }) {
  const l = as(call, 'lognormal');
  const p50 = useDraft({
    name: 'latency.p50Ms',
    value: numberText(l?.p50Ms),
    same: sameNumber,
    check: callCheck(call.id, 'latency.p50Ms', parseNumber, (v, c) => ({ latency: { kind: 'lognormal', p50Ms: v, p95Ms: as(c, 'lognormal')?.p95Ms ?? v } })),
  });
  const p95 = useDraft({
    name: 'latency.p95Ms',
    value: numberText(l?.p95Ms),
    same: sameNumber,
    check: callCheck(call.id, 'latency.p95Ms', parseNumber, (v, c) => ({ latency: { kind: 'lognormal', p50Ms: as(c, 'lognormal')?.p50Ms ?? v, p95Ms: v } })),
  });
  return (
    <>
      <TextField label="Median (p50)" draft={p50} unit="ms" inputMode="decimal" />
      <TextField label="95th percentile (p95)" draft={p95} unit="ms" inputMode="decimal" />
    </>
  );
}

export function LatencySection({ call }: { call: ToolCall }) {
  const act = useAct();
  const id = call.id;
  const timeout = useDraft({
    name: 'timeoutMs',
    value: numberText(call.timeoutMs),
    same: sameNumber,
    check: callCheck(id, 'timeoutMs', parseOptionalNumber, (timeoutMs) => ({ timeoutMs })),
  });
  const cut = call.kind === 'agent' ? null : describeTimeoutCut(call.latency, call.timeoutMs);
  return (
    <div className="tw-insp-grid">
      {call.kind === 'agent' && <p className="tw-insp-note tw-insp-field--wide">A sub-agent lasts as long as its nested plan runs: this latency is not used. Its timeout is.</p>}
      <div className="tw-insp-field--wide">
        <ChoiceGroup
          legend="Latency distribution"
          layout="segments"
          value={call.latency.kind}
          choices={KINDS}
          onChange={(kind) =>
            act((plan) => {
              const now = plan.calls.find((c) => c.id === id);
              return now === undefined ? plan : updateCall(plan, id, { latency: convertLatency(now.latency, kind) });
            })
          }
          note={<p className="tw-insp-hint">{KIND_NOTE[call.latency.kind]}</p>}
        />
      </div>
      {call.latency.kind === 'fixed' && <FixedFields key="fixed" call={call} />}
      {call.latency.kind === 'uniform' && <UniformFields key="uniform" call={call} />}
      {call.latency.kind === 'lognormal' && <LognormalFields key="lognormal" call={call} />}
      <div className="tw-insp-field--wide">
        <LatencyPreview latency={call.latency} timeoutMs={call.timeoutMs} />
      </div>
      <TextField label="Timeout per attempt" draft={timeout} unit="ms" inputMode="decimal" placeholder="none" hint={cut ?? 'Empty: no timeout (a hang lasts until the deadline, or forever).'} wide />
    </div>
  );
}
