'use client';
// The form for the one selected call, in collapsible sections. Keyed by the call's id by its parent, so
// choosing another call starts every field afresh.
import type { Plan, ToolCall } from '@/lib/plan';
import { updateCall } from '@/lib/plan/edit';
import { shortDuration } from '@/lib/format/duration';
import { describeLatency } from '../format';
import { CallIdentity } from './call-identity';
import { CallIo } from './call-io';
import { EffectSection } from './effect-section';
import { FaultsSection } from './faults-section';
import { ChoiceGroup } from './fields';
import { ComparePoliciesButton } from './compare-policies-button';
import { LatencySection } from './latency-section';
import { RetrySection } from './retry-section';
import { Section } from './section';
import { useAct } from './use-action';
import { ON_FAILURE } from './words';

/** `none`, `once`, `once · undone by cancel_reservation`. */
function effectSummary(call: ToolCall): string {
  const effect = call.effect ?? 'none';
  return call.compensation === undefined ? effect : `${effect} · undone by ${call.compensation.tool}`;
}

export function CallForm({ call, plan }: { call: ToolCall; plan: Plan }) {
  const act = useAct();
  const id = call.id;
  const inputKeys = Object.keys(call.input).length;
  return (
    <div className="tw-insp-form" aria-label={`Call ${id}`} role="group">
      <header className="tw-insp-head">
        <p className="tw-caps tw-insp-head__kind">{call.kind === 'agent' ? 'Sub-agent' : 'Tool call'}</p>
        <h2 className="tw-insp-head__title" title={call.label ?? id}>
          {call.label ?? id}
        </h2>
        {call.label !== undefined && <code className="tw-insp-head__id">{id}</code>}
      </header>
      <Section id="call" title="Call" summary={<code>{call.tool}</code>}>
        <CallIdentity call={call} />
      </Section>
      <Section id="io" title="Input & output" summary={`${inputKeys} ${inputKeys === 1 ? 'argument' : 'arguments'}`}>
        <CallIo call={call} plan={plan} />
      </Section>
      <Section
        id="latency"
        title="Latency & timeout"
        summary={`${describeLatency(call.latency)}${call.timeoutMs === null ? '' : ` · timeout ${shortDuration(call.timeoutMs)}`}`}
      >
        <LatencySection call={call} />
      </Section>
      <Section id="retry" title="Retry" summary={call.retry.maxAttempts <= 1 ? 'no retry' : `×${call.retry.maxAttempts}`}>
        <RetrySection call={call} />
      </Section>
      <Section id="failure" title="On failure" summary={call.onFailure}>
        <ChoiceGroup
          legend="When retries are used up"
          value={call.onFailure}
          choices={ON_FAILURE}
          onChange={(onFailure) => act((p) => updateCall(p, id, { onFailure }))}
        />
        <ComparePoliciesButton callId={id} />
      </Section>
      <Section id="faults" title="Faults" summary={call.faults.length === 0 ? 'none' : `${call.faults.length}`}>
        <FaultsSection call={call} plan={plan} />
      </Section>
      <Section id="effect" title="Side effect" summary={effectSummary(call)}>
        <EffectSection call={call} plan={plan} />
      </Section>
    </div>
  );
}
