// The Import button's and the canvas drop's one entry: a Toolwave plan file keeps the plan import exactly as it was;
// recorded agent runs (one file or many runs of one agent) become a NEW plan, one undo step, with its import report.
// The files are read and checked on a worker, with a progress line and Cancel, so the page answers throughout.
// Nothing of the open plan changes unless the import succeeds.
import { formatBytes, precheckFiles, type PlanFileLike } from '@/lib/intake/precheck';
import type { AppStore } from '@/lib/store/app-store';
import { openImportedPlan, refuseImport } from './import-file';
import { intakeTrackerFor } from './intake-tracker';

/** What the picker offers and the drop accepts: plan files and recorded runs (JSON or JSON Lines). */
export const IMPORT_ACCEPT = '.json,.jsonl,.ndjson,application/json,application/x-ndjson';

/** “Importing “plan.json” (8.4 MB)”, or “Importing 3 files (1.2 MB)”. */
export function importLabel(files: readonly Pick<PlanFileLike, 'name' | 'size'>[]): string {
  const bytes = formatBytes(files.reduce((n, f) => n + f.size, 0));
  return files.length === 1 ? `Importing “${files[0].name}” (${bytes})` : `Importing ${files.length} files (${bytes})`;
}

/** Imports what the user picked or dropped. Never throws; says plainly why not when it refuses. */
export async function importFiles(store: AppStore, files: readonly PlanFileLike[]): Promise<boolean> {
  if (files.length === 0) {
    store.getState().notify({ tone: 'error', text: 'Nothing was dropped that could be read.' });
    return false;
  }
  const early = precheckFiles(files);
  if (early !== null) return refuseImport(store, files, early);
  const outcome = await intakeTrackerFor(store).run(importLabel(files), { kind: 'files', files });
  if (outcome === null) {
    const s = store.getState();
    const what = files.length === 1 ? `“${files[0].name}” was` : `The ${files.length} files were`;
    s.notify({ tone: 'info', text: `Import cancelled: ${what} not imported. “${s.plan.name}” is unchanged.` });
    return false;
  }
  if (outcome.kind === 'refused') return refuseImport(store, files, outcome.problems);
  if (outcome.kind !== 'runs') return openImportedPlan(store, outcome.plan);
  // The report's wording loads with the first import of recorded runs, not with the page.
  const { summaryLine } = await import('@/lib/import/report');
  const previous = store.getState().plan.name;
  store.getState().open(outcome.plan, null);
  const s = store.getState();
  s.showImportReport({ report: outcome.report, planVersion: s.planVersion });
  s.notify({
    tone: 'success',
    text: `${summaryLine(outcome.report)} It opened as a new plan, “${outcome.plan.name}”; “${previous}” is unchanged (undo returns to it).`,
  });
  return true;
}
