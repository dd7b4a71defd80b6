// The `sim` command as a pure function: argv and a file reader in, exit code and output text out (docs/cli.md).
// Never touches process, the console or the file system itself, so tests drive it in memory.
import { formatProblem, parsePlanText, withoutBom } from '../plan/parse';
import { LIMITS } from '../plan/schema';
import { simulate } from '../engine';
import { buildContext } from '../engine/context';
import { HELP, parseArgs } from './args';
import { emitCommand } from './emit-command';
import { runImport } from './import-command';
import { runManyWithProgress, type ProgressSink } from './progress';
import type { ReadFileResult } from './read-file';
import { runJson, runText, statsJson, statsText } from './report';
import { terminalJson, visible } from './terminal';
import { errorText } from '../format/error';

export interface CliIo {
  /** The file's text, or a one-line reason naming the path (see read-file.ts for the real one). */
  readFile(path: string): ReadFileResult;
  /** Where a long --runs batch shows its progress (stderr, when it is a terminal); absent, none is shown. */
  progress?: ProgressSink;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every line of stderr names something the user gave (a path, a key, an excerpt of the file): shown, never obeyed. */
const fail = (code: number, message: string): CliResult => ({ code, stdout: '', stderr: `sim: ${visible(message)}\n` });

function jsonError(text: string): string | null {
  if (text.length > LIMITS.maxBytes) return null; // parsePlanText reports the size as a plan problem
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
  }
}

export function runCli(argv: readonly string[], io: CliIo): CliResult {
  const args = parseArgs(argv);
  if (args.kind === 'help') return { code: 0, stdout: HELP, stderr: '' };
  if (args.kind === 'error') return fail(2, args.message);
  if (args.kind === 'import') return runImport(args.argv, io);
  const opts = args.options;

  const read = io.readFile(opts.path);
  if (!read.ok) return fail(2, read.reason);
  const text = read.text;
  const notJson = jsonError(withoutBom(text));
  if (notJson !== null) return fail(2, `${opts.path} is not valid JSON: ${notJson}`);
  const parsed = parsePlanText(text);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: parsed.problems.map((p) => `${visible(formatProblem(p))}\n`).join('') };
  const plan = parsed.plan;
  if (opts.emit !== undefined) return emitCommand(plan, opts.emit, opts.strategy);

  try {
    const seed = opts.seed ?? plan.settings.seed;
    const strategy = opts.strategy ?? plan.settings.strategy;
    if (opts.runs > 1) {
      const stats = runManyWithProgress(plan, { runs: opts.runs, seed, strategy }, io.progress);
      const stdout = opts.format === 'json' ? `${terminalJson(statsJson(plan, stats))}\n` : statsText(plan, stats, strategy, seed);
      return { code: 0, stdout, stderr: '' };
    }
    const trace = simulate(plan, { seed, strategy });
    if (opts.format === 'json') {
      const context = buildContext(plan, trace, opts.context ?? 'anthropic');
      return { code: 0, stdout: `${terminalJson(runJson(trace, context))}\n`, stderr: '' };
    }
    const context = buildContext(plan, trace, opts.context ?? 'text');
    return { code: 0, stdout: runText(plan, trace, context), stderr: '' };
  } catch (err) {
    return fail(1, `internal error: ${errorText(err)}`);
  }
}
