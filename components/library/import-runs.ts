// The Import button's and the canvas drop's one entry: a Toolwave plan file keeps the plan import exactly as it was;
// recorded agent runs (one file or many runs of one agent) become a NEW plan, one undo step, with its import report.
// Nothing of the open plan changes unless the import succeeds.
import { importRuns, MAX_FILES, MAX_TOTAL_CHARS, sniffFile, summaryLine, type SourceFile } from '@/lib/import';
import { LIMITS, type Problem } from '@/lib/plan';
import type { AppStore } from '@/lib/store/app-store';
import { formatBytes, importPlanFile, looksLikeJson, type PlanFileLike } from './import-file';

/** What the picker offers and the drop accepts: plan files and recorded runs (JSON or JSON Lines). */
export const IMPORT_ACCEPT = '.json,.jsonl,.ndjson,application/json,application/x-ndjson';

const isLines = (f: Pick<PlanFileLike, 'name' | 'type'>): boolean => /\.(jsonl|ndjson)$/i.test(f.name) || f.type === 'application/x-ndjson';

/** A file the run importer may read: JSON by name or type, or JSON Lines. */
export function looksLikeRunFile(file: Pick<PlanFileLike, 'name' | 'type'>): boolean {
  return looksLikeJson(file) || isLines(file);
}

function refuse(store: AppStore, files: readonly PlanFileLike[], problems: Problem[]): false {
  const s = store.getState();
  const what = files.length === 1 ? `“${files[0].name}” was` : `The ${files.length} files were`;
  s.notify({ tone: 'error', text: `${what} not imported. “${s.plan.name}” is unchanged.`, problems });
  return false;
}

/** Reads the files' text, refusing before reading a byte when one is not JSON by name or the sizes pass the caps. */
async function readAll(files: readonly PlanFileLike[]): Promise<{ ok: true; sources: SourceFile[] } | { ok: false; problems: Problem[] }> {
  const problems: Problem[] = [];
  let total = 0;
  for (const f of files) {
    if (!looksLikeRunFile(f)) problems.push({ path: f.name, message: 'is not a file Toolwave imports: choose .json or .jsonl files' });
    else if (f.size > LIMITS.maxBytes) problems.push({ path: f.name, message: `is too large: ${formatBytes(f.size)} (at most ${formatBytes(LIMITS.maxBytes)})` });
    total += f.size;
  }
  if (total > MAX_TOTAL_CHARS) problems.push({ path: '(import)', message: `the files are ${formatBytes(total)} together (at most ${formatBytes(MAX_TOTAL_CHARS)})` });
  if (problems.length > 0) return { ok: false, problems };
  const sources: SourceFile[] = [];
  for (const f of files) {
    try {
      sources.push({ name: f.name, text: await f.text() });
    } catch {
      return { ok: false, problems: [{ path: f.name, message: 'could not be read' }] };
    }
  }
  return { ok: true, sources };
}

function finish(store: AppStore, files: readonly PlanFileLike[], sources: SourceFile[]): boolean {
  const result = importRuns(sources);
  if (!result.ok) return refuse(store, files, result.problems);
  const previous = store.getState().plan.name;
  store.getState().open(result.plan, null);
  const s = store.getState();
  s.showImportReport({ report: result.report, planVersion: s.planVersion });
  s.notify({ tone: 'success', text: `${summaryLine(result.report)} It opened as a new plan, “${result.plan.name}”; “${previous}” is unchanged (undo returns to it).` });
  return true;
}

/** Imports what the user picked or dropped. Never throws; says plainly why not when it refuses. */
export async function importFiles(store: AppStore, files: readonly PlanFileLike[]): Promise<boolean> {
  if (files.length === 0) {
    store.getState().notify({ tone: 'error', text: 'Nothing was dropped that could be read.' });
    return false;
  }
  if (files.length > MAX_FILES) return refuse(store, files, [{ path: '(import)', message: `${files.length} files at once (at most ${MAX_FILES})` }]);
  // One file that is not JSON Lines: a plan keeps the plan import, unchanged, with its own messages.
  if (files.length === 1 && !isLines(files[0])) {
    const file = files[0];
    if (!looksLikeJson(file) || file.size > LIMITS.maxBytes) return importPlanFile(store, file);
    const read = await readAll(files);
    if (!read.ok) return refuse(store, files, read.problems);
    const sniffed = sniffFile(read.sources[0]);
    if (sniffed.kind === 'plan') return importPlanFile(store, file);
    // Text that is not JSON at all gets the plan import's message, as it always did.
    if (sniffed.kind === 'unreadable' && sniffed.problems.some((p) => /is not valid JSON|is empty/.test(p.message))) return importPlanFile(store, file);
    if (sniffed.kind === 'unreadable') return refuse(store, files, sniffed.problems);
    return finish(store, files, read.sources);
  }
  const read = await readAll(files);
  if (!read.ok) return refuse(store, files, read.problems);
  const plans = read.sources.length > 1 ? read.sources.filter((f) => sniffFile(f).kind === 'plan') : [];
  if (plans.length > 0) return refuse(store, files, plans.map((p) => ({ path: p.name, message: 'is a Toolwave plan: import a plan file on its own' })));
  return finish(store, files, read.sources);
}
