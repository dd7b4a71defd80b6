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
import { parseNumber, parseOptionalNumber } from './numbers';
import { useAct } from './use-action';
import { useNumberDraft } from './use-draft';

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

/** One figure of a latency of kind K: its field, label, and the latency with the figure set to `v`. */
interface Figure<K extends Latency['kind']> {
  key: Exclude<keyof Of<K>, 'kind'> & string;
  label: string;
  make: (v: number, now: Of<K> | null) => Of<K>;
}

/** The figures each kind is edited by; a bound keeps the other one as it is now (or takes `v` when there is none). */
const FIGURES: { [K in Latency['kind']]: readonly Figure<K>[] } = {
  fixed: [{ key: 'ms', label: 'Latency', make: (v) => ({ kind: 'fixed', ms: v }) }],
  uniform: [
    { key: 'minMs', label: 'Shortest', make: (v, now) => ({ kind: 'uniform', minMs: v, maxMs: now?.maxMs ?? v }) },
    { key: 'maxMs', label: 'Longest', make: (v, now) => ({ kind: 'uniform', minMs: now?.minMs ?? v, maxMs: v }) },
  ],
  lognormal: [
    { key: 'p50Ms', label: 'Median (p50)', make: (v, now) => ({ kind: 'lognormal', p50Ms: v, p95Ms: now?.p95Ms ?? v }) },
    { key: 'p95Ms', label: '95th percentile (p95)', make: (v, now) => ({ kind: 'lognormal', p50Ms: now?.p50Ms ?? v, p95Ms: v }) },
  ],
};

function FigureField<K extends Latency['kind']>({
  call,
  part,
  kind,
  figure,
}: {
  call: ToolCall;
  part: PolicyPart;
  kind: K;
  figure: Figure<K>;
}) {
  const path = policyPath(part, `latency.${figure.key}`);
  const value: unknown = as(policyOf(call, part), kind)?.[figure.key];
  const draft = useNumberDraft(
    path,
    typeof value === 'number' ? value : undefined,
    callCheck(call.id, path, parseNumber, (v, c) => policyPatch(c, part, { latency: figure.make(v, as(policyOf(c, part), kind)) })),
  );
  return <TextField label={figure.label} draft={draft} unit="ms" inputMode="decimal" />;
}

function FigureFields<K extends Latency['kind']>({ call, part, kind }: { call: ToolCall; part: PolicyPart; kind: K }) {
  const figures: readonly Figure<K>[] = FIGURES[kind];
  return figures.map((f) => <FigureField key={`${kind}.${f.key}`} call={call} part={part} kind={kind} figure={f} />);
}

/** The latency and timeout of a call, or (part "compensation") of its compensation, with the same fields. */
export function LatencySection({ call, part = 'call' }: { call: ToolCall; part?: PolicyPart }) {
  const act = useAct();
  const id = call.id;
  const policy = policyOf(call, part) ?? call;
  const timeout = useNumberDraft(
    policyPath(part, 'timeoutMs'),
    policy.timeoutMs,
    callCheck(id, policyPath(part, 'timeoutMs'), parseOptionalNumber, (timeoutMs, c) => policyPatch(c, part, { timeoutMs })),
  );
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
      <FigureFields key={policy.latency.kind} call={call} part={part} kind={policy.latency.kind} />
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
