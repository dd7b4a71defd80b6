'use client';
// The plan's own settings, shown when no single call is selected: name, description, strategy, concurrency cap,
// model-turn cost, deadline, seed, active scenario, and the plan review's findings.
import { useMemo, useState } from 'react';
import type { Plan, Settings } from '@/lib/plan';
import { reviewPlan, updateSettings } from '@/lib/plan/edit';
import { shortDuration } from '@/lib/format/duration';
import { asOptionalText, asText, planInfoCheck, settingsCheck } from './checks';
import { ChoiceGroup, Select, TextField } from './fields';
import { parseNumber, parseOptionalNumber, randomSeed, type Parsed } from './numbers';
import { ReviewList } from './review-list';
import { Section } from './section';
import { TextArea } from './text-area';
import { useAct } from './use-action';
import { useDraft, useNumberDraft } from './use-draft';
import { reviewSummary, STRATEGIES } from './words';
import { useAppStoreApi } from '@/lib/store/provider';

/** No scenario: '' can never be a scenario id (ids follow the call-id pattern). */
const NO_SCENARIO = '';

/** The draft of one number setting, checked by the schema as the plan's settings with it changed by `patch`. */
function useSettingDraft<T>(
  s: Settings,
  field: 'maxConcurrency' | 'modelTurnMs' | 'deadlineMs' | 'seed',
  parse: (text: string) => Parsed<T>,
  patch: (value: T) => Partial<Settings>,
) {
  return useNumberDraft(`settings.${field}`, s[field], settingsCheck(field, parse, patch));
}

export function SettingsForm({ plan, several = false, nested = false }: { plan: Plan; several?: boolean; nested?: boolean }) {
  const act = useAct();
  const store = useAppStoreApi();
  const [allFindings, setAllFindings] = useState(false);
  const findings = useMemo(() => reviewPlan(plan), [plan]);
  const s = plan.settings;
  const name = useDraft({ name: 'name', value: plan.name, check: planInfoCheck('name', asText, (v) => ({ name: v })) });
  const description = useDraft({
    name: 'description',
    value: plan.description ?? '',
    enterCommits: false,
    check: planInfoCheck('description', asOptionalText, (v) => ({ description: v })),
  });
  const cap = useSettingDraft(s, 'maxConcurrency', parseOptionalNumber, (v) => ({ maxConcurrency: v }));
  const turn = useSettingDraft(s, 'modelTurnMs', parseNumber, (v) => ({ modelTurnMs: v }));
  const deadline = useSettingDraft(s, 'deadlineMs', parseOptionalNumber, (v) => ({ deadlineMs: v }));
  const seed = useSettingDraft(s, 'seed', parseNumber, (v) => ({ seed: v }));
  const scenarios = [{ value: NO_SCENARIO, label: 'None' }, ...plan.scenarios.map((x) => ({ value: x.id, label: x.name }))];
  const strategyNote = STRATEGIES.find((x) => x.value === s.strategy);
  return (
    <div className="tw-insp-form" role="group" aria-label="Plan settings">
      <header className="tw-insp-head">
        <p className="tw-caps tw-insp-head__kind">{nested ? 'Sub-agent’s plan settings' : 'Plan settings'}</p>
        <h2 className="tw-insp-head__title" title={plan.name}>
          {plan.name}
        </h2>
        <p className="tw-insp-hint tw-insp-head__hint">
          {several ? 'Select a single call to edit it.' : 'Select a call on the canvas to edit it.'}
        </p>
      </header>
      <Section id="plan" title="Plan" summary={`${plan.calls.length} ${plan.calls.length === 1 ? 'call' : 'calls'}`}>
        <div className="tw-insp-grid">
          <TextField label="Name" draft={name} wide />
          <TextArea label="Description" draft={description} placeholder="(none)" />
        </div>
      </Section>
      <Section id="execution" title="Execution" summary={strategyNote?.label}>
        <div className="tw-insp-grid">
          <div className="tw-insp-field--wide">
            <ChoiceGroup
              legend="Strategy"
              value={s.strategy}
              choices={STRATEGIES}
              onChange={(strategy) => act((p) => updateSettings(p, { strategy }))}
            />
          </div>
          <TextField
            label="Concurrency cap"
            draft={cap}
            inputMode="numeric"
            placeholder="unlimited"
            hint="Calls in flight at once. Empty: unlimited."
          />
          <TextField label="Model turn" draft={turn} unit="ms" inputMode="decimal" hint="What one model turn costs." />
          <TextField
            label="Deadline"
            draft={deadline}
            unit="ms"
            inputMode="decimal"
            placeholder="none"
            hint={
              s.deadlineMs === null
                ? 'The whole plan’s budget. Empty: none.'
                : `The plan stops at ${shortDuration(s.deadlineMs)}. Empty: none.`
            }
          />
          <Select
            label="Active scenario"
            value={s.scenario ?? NO_SCENARIO}
            options={scenarios}
            onChange={(v) => {
              // As from the canvas's scenario menu: switching scenario runs the plan again.
              if (act((p) => updateSettings(p, { scenario: v === NO_SCENARIO ? null : v })) === null) void store.getState().run();
            }}
            hint={plan.scenarios.length === 0 ? 'This plan has none.' : 'Its faults replace the calls’ own.'}
            half
          />
          <TextField
            label="Seed"
            draft={seed}
            inputMode="numeric"
            hint="The same plan and seed give the same run."
            wide
            action={
              <button type="button" className="tw-insp-button tw-insp-button--quiet" onClick={() => seed.setText(String(randomSeed()))}>
                New seed
              </button>
            }
          />
        </div>
      </Section>
      <Section id="review" title="Review" summary={reviewSummary(findings)}>
        <ReviewList findings={findings} expanded={allFindings} onExpand={setAllFindings} />
      </Section>
    </div>
  );
}
