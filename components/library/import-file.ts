// Importing a plan file (picker or drop): size cap before reading, the schema on the text, then a NEW plan.
// A refused file leaves the open plan exactly as it was and lists its problems by path.
import { LIMITS, parsePlanText, type ParseResult } from '@/lib/plan';
import type { AppStore } from '@/lib/store/app-store';

/** The part of a File that import reads (a test can pass a plain object). */
export interface PlanFileLike {
  name: string;
  size: number;
  type: string;
  text(): Promise<string>;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether a file looks like JSON by its name or type; the schema decides the rest. */
export function looksLikeJson(file: Pick<PlanFileLike, 'name' | 'type'>): boolean {
  return /\.json$/i.test(file.name) || file.type === 'application/json' || file.type.endsWith('+json');
}

/** Reads and checks a plan file. Never throws; refuses a non-JSON or oversized file before reading a byte of it. */
export async function readPlanFile(file: PlanFileLike): Promise<ParseResult> {
  if (!looksLikeJson(file)) {
    return { ok: false, problems: [{ path: '(file)', message: 'is not a plan file: choose a .json file exported from Toolwave' }] };
  }
  if (file.size > LIMITS.maxBytes) {
    return { ok: false, problems: [{ path: '(file)', message: `is too large: ${formatBytes(file.size)} (a plan file is at most ${formatBytes(LIMITS.maxBytes)})` }] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, problems: [{ path: '(file)', message: 'could not be read' }] };
  }
  return parsePlanText(text);
}

/** Imports one file into the editor as a new plan (one undoable step), or says plainly why not. */
export async function importPlanFile(store: AppStore, file: PlanFileLike): Promise<boolean> {
  const result = await readPlanFile(file);
  const s = store.getState();
  if (!result.ok) {
    s.notify({ tone: 'error', text: `“${file.name}” was not imported. “${s.plan.name}” is unchanged.`, problems: result.problems });
    return false;
  }
  const previous = s.plan.name;
  s.open(result.plan, null);
  s.notify({ tone: 'success', text: `Imported “${result.plan.name}” as a new plan. “${previous}” is unchanged (undo returns to it).` });
  return true;
}
