// What becomes of an import or a share link, decided off the page's thread: a plan file parsed with the plan schema,
// recorded agent runs built into a plan with its report, a share link decoded, or every problem by path. Pure (no
// DOM, no store): the intake worker runs it, and so does the page where there are no workers (tests).
import { importRuns, MAX_FILES, MAX_TOTAL_CHARS, sniffFile, type ImportReport, type SourceFile } from '../import';
import { parsePlanText, type ParseResult, type Problem } from '../plan/parse';
import { applyLayout, needsLayout } from '../plan/layout';
import { LIMITS, type Plan } from '../plan/schema';
import { decodePlanLink } from '../share/codec';

/** The part of a File an import reads (a test can pass a plain object). */
export interface PlanFileLike {
  name: string;
  size: number;
  type: string;
  text(): Promise<string>;
}

export type IntakeRequest = { kind: 'files'; files: readonly PlanFileLike[] } | { kind: 'link'; hash: string };

export type IntakeOutcome =
  /** A Toolwave plan file, imported as a plan. */
  | { kind: 'plan'; plan: Plan }
  /** Recorded runs of an agent, built into a plan. */
  | { kind: 'runs'; plan: Plan; report: ImportReport }
  /** A share link's plan. */
  | { kind: 'link'; plan: Plan }
  | { kind: 'refused'; problems: Problem[] };

/** Where an intake is, for its progress line. */
export type IntakeStage = 'reading' | 'checking' | 'building';

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
const singlePlanCandidate = (files: readonly PlanFileLike[]): boolean => files.length === 1 && !isLines(files[0]);

/** Why a plan file is refused before a byte of it is read (not JSON by name, or too large), else null. */
function planFileProblem(file: PlanFileLike): Problem | null {
  if (!looksLikeJson(file)) return { path: '(file)', message: 'is not a plan file: choose a .json file exported from Toolwave' };
  if (file.size > LIMITS.maxBytes) return { path: '(file)', message: `is too large: ${formatBytes(file.size)} (a plan file is at most ${formatBytes(LIMITS.maxBytes)})` };
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
    else if (f.size > LIMITS.maxBytes) problems.push({ path: f.name, message: `is too large: ${formatBytes(f.size)} (at most ${formatBytes(LIMITS.maxBytes)})` });
    total += f.size;
  }
  if (total > MAX_TOTAL_CHARS) problems.push({ path: '(import)', message: `the files are ${formatBytes(total)} together (at most ${formatBytes(MAX_TOTAL_CHARS)})` });
  return problems.length > 0 ? problems : null;
}

/** Reads and checks one plan file. Never throws; refuses a non-JSON or oversized file before reading a byte of it. */
export async function readPlanFile(file: PlanFileLike): Promise<ParseResult> {
  const early = planFileProblem(file);
  if (early !== null) return { ok: false, problems: [early] };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, problems: [{ path: '(file)', message: 'could not be read' }] };
  }
  return parsePlanText(text);
}

const fromParse = (r: ParseResult): IntakeOutcome => (r.ok ? { kind: 'plan', plan: r.plan } : { kind: 'refused', problems: r.problems });

async function readAll(files: readonly PlanFileLike[]): Promise<{ ok: true; sources: SourceFile[] } | { ok: false; problems: Problem[] }> {
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

function buildRuns(sources: SourceFile[], onStage: (stage: IntakeStage) => void): IntakeOutcome {
  onStage('building');
  const result = importRuns(sources);
  return result.ok ? { kind: 'runs', plan: result.plan, report: result.report } : { kind: 'refused', problems: result.problems };
}

async function intakeFiles(files: readonly PlanFileLike[], onStage: (stage: IntakeStage) => void): Promise<IntakeOutcome> {
  const early = precheckFiles(files);
  if (early !== null) return { kind: 'refused', problems: early };
  onStage('reading');
  const read = await readAll(files);
  if (!read.ok) return { kind: 'refused', problems: read.problems };
  onStage('checking');
  if (singlePlanCandidate(files)) {
    const source = read.sources[0];
    const sniffed = sniffFile(source);
    if (sniffed.kind === 'plan') return fromParse(parsePlanText(source.text));
    // Text that is not JSON at all gets the plan import's message, as it always did.
    if (sniffed.kind === 'unreadable' && sniffed.problems.some((p) => /is not valid JSON|is empty/.test(p.message))) return fromParse(parsePlanText(source.text));
    if (sniffed.kind === 'unreadable') return { kind: 'refused', problems: sniffed.problems };
    return buildRuns(read.sources, onStage);
  }
  const plans = read.sources.length > 1 ? read.sources.filter((f) => sniffFile(f).kind === 'plan') : [];
  if (plans.length > 0) return { kind: 'refused', problems: plans.map((p) => ({ path: p.name, message: 'is a Toolwave plan: import a plan file on its own' })) };
  return buildRuns(read.sources, onStage);
}

/** Runs one intake to its outcome. Never throws: anything unexpected is a refusal that says so. */
export async function runIntake(request: IntakeRequest, onStage: (stage: IntakeStage) => void = () => {}): Promise<IntakeOutcome> {
  try {
    if (request.kind === 'link') {
      onStage('checking');
      const decoded = decodePlanLink(request.hash);
      return decoded.ok ? { kind: 'link', plan: decoded.plan } : { kind: 'refused', problems: decoded.problems };
    }
    return await intakeFiles(request.files, onStage);
  } catch (err) {
    return { kind: 'refused', problems: [{ path: '(import)', message: `could not be read (${err instanceof Error ? err.message : String(err)})` }] };
  }
}

/**
 * The outcome with its plan laid out by waves when it arrived without positions, exactly as opening it would lay it
 * out: done in the worker, so a plan of thousands of calls is not laid out on the page's thread.
 */
export function placeOutcome(outcome: IntakeOutcome): IntakeOutcome {
  if (outcome.kind === 'refused' || !needsLayout(outcome.plan)) return outcome;
  return { ...outcome, plan: applyLayout(outcome.plan) };
}
