// Importing a plan file (picker or drop): size cap before reading, the schema on the text, then a NEW plan.
// A refused file leaves the open plan exactly as it was and lists its problems by path.
import type { PlanFileLike } from '@/lib/intake/precheck';
import type { Plan, Problem } from '@/lib/plan';
import type { AppStore } from '@/lib/store/app-store';

/** Says why the files were not imported; the open plan stays as it was. */
export function refuseImport(store: AppStore, files: readonly Pick<PlanFileLike, 'name'>[], problems: Problem[]): false {
  const s = store.getState();
  const what = files.length === 1 ? `“${files[0].name}” was` : `The ${files.length} files were`;
  s.notify({ tone: 'error', text: `${what} not imported. “${s.plan.name}” is unchanged.`, problems });
  return false;
}

/** Opens an imported plan file as a new plan (one undoable step). */
export function openImportedPlan(store: AppStore, plan: Plan): true {
  const s = store.getState();
  const previous = s.plan.name;
  s.open(plan, null);
  s.notify({ tone: 'success', text: `Imported “${plan.name}” as a new plan. “${previous}” is unchanged (undo returns to it).` });
  return true;
}

/** Imports one file into the editor as a new plan (one undoable step), or says plainly why not. */
export async function importPlanFile(store: AppStore, file: PlanFileLike): Promise<boolean> {
  // The reader (schema, importers) loads on the first import, not with the page.
  const { readPlanFile } = await import('@/lib/intake/intake-core');
  const result = await readPlanFile(file);
  return result.ok ? openImportedPlan(store, result.plan) : refuseImport(store, [file], result.problems);
}
