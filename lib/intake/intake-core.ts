// What becomes of an import or a share link, decided off the page's thread: a plan file parsed with the plan schema,
// recorded agent runs built into a plan with its report, a share link decoded, or every problem by path. Pure (no
// DOM, no store): the intake worker runs it, and so does the page where there are no workers (tests).
import { importRuns, sniffFile, type ImportReport, type SourceFile } from '../import';
import {
  formatBytes,
  looksLikeJson,
  looksLikeRunFile,
  planFileProblem,
  precheckFiles,
  singlePlanCandidate,
  type PlanFileLike,
} from './precheck';
import { parsePlanText, type ParseResult, type Problem } from '../plan/parse';
import { applyLayout, needsLayout } from '../plan/layout';
import type { Plan } from '../plan/schema';
import { decodePlanLink } from '../share/codec';
import { errorText } from '../format/error';

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
    if (sniffed.kind === 'unreadable' && sniffed.problems.some((p) => /is not valid JSON|is empty/.test(p.message)))
      return fromParse(parsePlanText(source.text));
    if (sniffed.kind === 'unreadable') return { kind: 'refused', problems: sniffed.problems };
    return buildRuns(read.sources, onStage);
  }
  const plans = read.sources.length > 1 ? read.sources.filter((f) => sniffFile(f).kind === 'plan') : [];
  if (plans.length > 0)
    return {
      kind: 'refused',
      problems: plans.map((p) => ({ path: p.name, message: 'is a Toolwave plan: import a plan file on its own' })),
    };
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
    return {
      kind: 'refused',
      problems: [{ path: '(import)', message: `could not be read (${errorText(err)})` }],
    };
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

export { formatBytes, looksLikeJson, looksLikeRunFile, precheckFiles, type PlanFileLike };
