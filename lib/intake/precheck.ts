// The checks an import passes before a byte of it is read (how many files, what kind, how large), and the size
// wording they use. Light on purpose: the page runs them on every pick and drop without loading the importers.
import { MAX_FILES, MAX_TOTAL_CHARS } from '../import/limits';
import type { Problem } from '../plan/parse';
import { LIMITS } from '../plan/schema';

/** The part of a File an import reads (a test can pass a plain object). */
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

const isLines = (f: Pick<PlanFileLike, 'name' | 'type'>): boolean => /\.(jsonl|ndjson)$/i.test(f.name) || f.type === 'application/x-ndjson';

/** A file the run importer may read: JSON by name or type, or JSON Lines. */
export function looksLikeRunFile(file: Pick<PlanFileLike, 'name' | 'type'>): boolean {
  return looksLikeJson(file) || isLines(file);
}

/** One file that is not JSON Lines goes the plan import's way first (a plan keeps its own messages). */
export const singlePlanCandidate = (files: readonly PlanFileLike[]): boolean => files.length === 1 && !isLines(files[0]);

/** Why a plan file is refused before a byte of it is read (not JSON by name, or too large), else null. */
export function planFileProblem(file: PlanFileLike): Problem | null {
  if (!looksLikeJson(file)) return { path: '(file)', message: 'is not a plan file: choose a .json file exported from Toolwave' };
  if (file.size > LIMITS.maxBytes)
    return { path: '(file)', message: `is too large: ${formatBytes(file.size)} (a plan file is at most ${formatBytes(LIMITS.maxBytes)})` };
  return null;
}

/**
 * Why files are refused before any is read: none given, too many, not JSON by name, or too large (one or all
 * together). Null when reading may start. The same checks run again in the worker; these cost nothing.
 */
export function precheckFiles(files: readonly PlanFileLike[]): Problem[] | null {
  if (files.length === 0) return [{ path: '(import)', message: 'nothing was given that could be read' }];
  if (files.length > MAX_FILES) return [{ path: '(import)', message: `${files.length} files at once (at most ${MAX_FILES})` }];
  if (singlePlanCandidate(files)) {
    const p = planFileProblem(files[0]);
    return p === null ? null : [p];
  }
  const problems: Problem[] = [];
  let total = 0;
  for (const f of files) {
    if (!looksLikeRunFile(f)) problems.push({ path: f.name, message: 'is not a file Toolwave imports: choose .json or .jsonl files' });
    else if (f.size > LIMITS.maxBytes)
      problems.push({ path: f.name, message: `is too large: ${formatBytes(f.size)} (at most ${formatBytes(LIMITS.maxBytes)})` });
    total += f.size;
  }
  if (total > MAX_TOTAL_CHARS)
    problems.push({ path: '(import)', message: `the files are ${formatBytes(total)} together (at most ${formatBytes(MAX_TOTAL_CHARS)})` });
  return problems.length > 0 ? problems : null;
}
