// Small readers over a plan, a run and its context, shared by the lessons' checks. Pure.
import type { AntiPatternKind, CallTrace } from '@/lib/engine';
import { buildAntiPattern } from '@/lib/engine/context';
import { faultsInForce, parsePlan, type Fault, type Plan, type ToolCall } from '@/lib/plan';
import type { LearnState, Lesson, Step } from './types';

/** A lesson's starting plan, with every default filled in by the plan schema (a bad definition throws at load). */
export function lessonPlan(raw: unknown): Plan {
  const parsed = parsePlan(raw);
  if (!parsed.ok) throw new Error(`A lesson plan is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.plan;
}

/** The settings every lesson plan runs with. */
export const LESSON_SETTINGS = { strategy: 'waves', modelTurnMs: 500, seed: 1 };

/** A call that answers `output` after a fixed `ms`; `more` adds its policies, faults and the like. */
export const fixedCall = (
  id: string,
  tool: string,
  input: Record<string, unknown>,
  output: unknown,
  ms: number,
  timeoutMs: number,
  more: Record<string, unknown> = {},
) => ({ id, tool, input, output, latency: { kind: 'fixed', ms }, timeoutMs, ...more });

/** What a lesson declares: its plan is named after its title and runs with the lesson settings. */
export interface LessonDefinition {
  id: string;
  title: string;
  summary: string;
  description: string;
  calls: unknown[];
  dependencies: unknown[];
  steps: Step[];
}

/** A lesson from its definition, its starting plan checked by the plan schema. */
export function defineLesson({ id, title, summary, description, calls, dependencies, steps }: LessonDefinition): Lesson {
  const plan = lessonPlan({
    format: 'toolwave.plan',
    version: 1,
    name: `Lesson · ${title}`,
    description,
    settings: LESSON_SETTINGS,
    calls,
    dependencies,
  });
  return { id, title, summary, plan, steps };
}

export const callOf = (plan: Plan | null, id: string): ToolCall | undefined => plan?.calls.find((c) => c.id === id);

export const edgeOf = (plan: Plan | null, from: string, to: string) => plan?.dependencies.find((d) => d.from === from && d.to === to);

export const hasCalls = (plan: Plan | null, ids: readonly string[]): boolean => ids.every((id) => callOf(plan, id) !== undefined);

/** Whether some fault of `kinds` acts on the call's attempts now (its own, the active scenario's or an injected one). */
export function faultActs(plan: Plan, id: string, kinds: readonly Fault['kind'][]): boolean {
  return faultsInForce(plan, id).some(
    (f) => kinds.includes(f.kind) && (f.probability === undefined ? (f.onAttempts ?? []).length > 0 : f.probability > 0),
  );
}

/** The last run, only when it was made from the plan as it is now. */
export const currentRun = (s: LearnState) => (s.traceCurrent && s.trace !== null ? s.trace : null);

export const tracedCall = (s: LearnState, id: string): CallTrace | undefined => currentRun(s)?.calls.find((c) => c.id === id);

/** The first line of call `id`'s result in a text context (`result fetch_2 [error]: …`), or null. */
export function resultLine(text: string | null, id: string): string | null {
  return resultLines(text).find((l) => l.startsWith(`result ${id} [`)) ?? null;
}

/** Every result line of a text context, in order. */
export function resultLines(text: string | null): string[] {
  return text === null ? [] : text.split('\n').filter((l) => l.startsWith('result '));
}

/** The text the anti-pattern `kind` would hand the model for the current run, or null without one. */
export function antiPatternText(s: LearnState, kind: AntiPatternKind): string | null {
  const trace = currentRun(s);
  if (trace === null || s.tracePlan === null) return null;
  return buildAntiPattern(s.tracePlan, trace, kind, 'text').text;
}

/** Sorted and without repeats, so the order of the choices never gives the answer away. */
export const distinctSorted = (lines: readonly (string | null)[]): string[] =>
  [...new Set(lines.filter((l): l is string => l !== null))].sort((a, b) => a.localeCompare(b));
