'use client';
// File actions in the top bar. Export writes the plan as its canonical JSON file.
import { serializePlan } from '@/lib/plan';
import { useAppStoreApi } from '@/lib/store/provider';

/** A file name from the plan's name: `research-agent.toolwave.json`. */
export function exportFileName(name: string): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'plan';
  return `${stem}.toolwave.json`;
}

export function FileActions() {
  const store = useAppStoreApi();
  const exportPlan = () => {
    const plan = store.getState().plan;
    const url = URL.createObjectURL(new Blob([serializePlan(plan)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(plan.name);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="tw-button tw-button--quiet" onClick={exportPlan}>
      Export
    </button>
  );
}
