'use client';
// The inspector in the right pane: the selected call's form when exactly one call is selected, else the plan's
// settings (with "3 calls selected" above when several are). Shows the plan on view: the top plan, or the nested
// plan of the sub-agent the canvas is drilled into. Reads it through selectors; every edit is built by
// lib/plan/edit, judged by the schema, and committed to the store (editView writes it back into the top plan).
// The call's form loads when a call is first selected: the editor's first screen shows only the settings.
import dynamic from 'next/dynamic';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { selectSelected, selectViewPlan } from '@/lib/store/selectors';
import { SectionsProvider } from './section';
import { SettingsForm } from './settings-form';

const CallForm = dynamic(() => import('./call-form').then((m) => m.CallForm), {
  ssr: false,
  loading: () => (
    <p className="tw-muted tw-lazy" role="status">
      Loading the call…
    </p>
  ),
});

const selectNested = (s: AppState) => s.viewPath.length > 0;

export function Inspector() {
  const plan = useAppStore(selectViewPlan);
  const nested = useAppStore(selectNested);
  const selected = useAppStore(selectSelected);
  const call = selected.length === 1 ? plan.calls.find((c) => c.id === selected[0]) : undefined;
  return (
    <SectionsProvider>
      <div className="tw-insp">
        {call !== undefined ? (
          <CallForm key={call.id} call={call} plan={plan} />
        ) : (
          <>
            {selected.length > 1 && (
              <p className="tw-insp-multi" role="status">
                {selected.length} calls selected
              </p>
            )}
            <SettingsForm plan={plan} several={selected.length > 1} nested={nested} />
          </>
        )}
      </div>
    </SectionsProvider>
  );
}
