// Export targets: a plan as runnable TypeScript, or its policies as Python, Temporal, LangGraph or Vercel AI SDK code.
// Pure: a parsed plan in, source text out. docs/export.md says how each target maps the plan's fields.
import type { Plan } from '../plan/schema';
import { emitLangGraph } from './langgraph';
import { emitPython } from './python';
import { emitTemporal } from './temporal';
import { emitTypeScript } from './typescript';
import { emitVercel } from './vercel';

export const EXPORT_TARGETS = [
  { id: 'ts', label: 'TypeScript (runnable)', language: 'typescript', extension: 'ts', emit: emitTypeScript },
  { id: 'python', label: 'Python (asyncio + tenacity)', language: 'python', extension: 'py', emit: emitPython },
  { id: 'temporal', label: 'Temporal (TypeScript SDK)', language: 'typescript', extension: 'ts', emit: emitTemporal },
  { id: 'langgraph', label: 'LangGraph JS', language: 'typescript', extension: 'ts', emit: emitLangGraph },
  { id: 'vercel', label: 'Vercel AI SDK', language: 'typescript', extension: 'ts', emit: emitVercel },
] as const;

export type ExportTarget = (typeof EXPORT_TARGETS)[number]['id'];
export const EXPORT_TARGET_IDS: readonly ExportTarget[] = EXPORT_TARGETS.map((t) => t.id);

export function exportTarget(id: ExportTarget): (typeof EXPORT_TARGETS)[number] {
  const t = EXPORT_TARGETS.find((x) => x.id === id);
  if (t === undefined) throw new Error(`unknown export target ${id}`);
  return t;
}

/** The plan's code for one target. */
export function emitCode(plan: Plan, target: ExportTarget): string {
  return exportTarget(target).emit(plan);
}

/** `research-agent.ts`, `research-agent.temporal.ts`, `research-agent.py`: a file name from the plan's name. */
export function codeFileName(planName: string, target: ExportTarget): string {
  const stem =
    planName
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan';
  const t = exportTarget(target);
  const python = t.id === 'python' ? stem.replace(/-/g, '_') : stem;
  return t.id === 'ts' || t.id === 'python' ? `${python}.${t.extension}` : `${stem}.${t.id}.${t.extension}`;
}
