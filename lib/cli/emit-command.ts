// `sim -- PLAN.json --emit TARGET`: prints the plan as code (runnable TypeScript, or a framework's policy snippet)
// on stdout. Pure: a parsed plan and options in, the CLI's result out; docs/export.md describes each target.
import { EXPORT_TARGET_IDS, emitCode, type ExportTarget } from '../export';
import type { Plan, Strategy } from '../plan/schema';

export const EMIT_HELP = `  --emit T         print the plan as code instead of running it: ${EXPORT_TARGET_IDS.join(' | ')}
                   (ts: a runnable TypeScript module; the others: the plan's policies for that framework)`;

/** The target named by `--emit`, or a one-line reason. */
export function parseEmitTarget(value: string): { ok: true; target: ExportTarget } | { ok: false; message: string } {
  const target = EXPORT_TARGET_IDS.find((t) => t === value);
  return target !== undefined
    ? { ok: true, target }
    : { ok: false, message: `--emit must be one of ${EXPORT_TARGET_IDS.join(', ')}, got ${value === '' ? '""' : value}` };
}

/** Flags that mean nothing for code (it runs the plan later, with real tools): refused rather than ignored. */
export function emitFlagProblem(given: ReadonlySet<string>): string | null {
  const bad = ['--seed', '--runs', '--format', '--context'].filter((f) => given.has(f));
  return bad.length === 0
    ? null
    : `--emit prints code and runs nothing: ${bad.join(', ')} ${bad.length === 1 ? 'does' : 'do'} not apply (only --strategy does)`;
}

/** The code for `target`, under `strategy` when given (the top plan's; sub-agents keep their own). */
export function emitCommand(
  plan: Plan,
  target: ExportTarget,
  strategy: Strategy | undefined,
): { code: number; stdout: string; stderr: string } {
  const source = strategy === undefined ? plan : { ...plan, settings: { ...plan.settings, strategy } };
  const code = emitCode(source, target);
  return { code: 0, stdout: code.endsWith('\n') ? code : `${code}\n`, stderr: '' };
}
