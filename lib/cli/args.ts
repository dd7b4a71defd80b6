// Parses the `sim` command line (docs/cli.md) into options, or one line saying what is wrong.
// Never reads files or touches process: a pure function of argv.
import { UINT32_MAX, type Strategy } from '../plan/schema';
import { CONTEXT_FORMATS, type ContextFormat } from '../engine/context';
import type { ExportTarget } from '../export';
import { EMIT_HELP, emitFlagProblem, parseEmitTarget } from './emit-command';
import { IMPORT_HELP } from './import-command';

export const STRATEGIES: readonly Strategy[] = ['waves', 'eager', 'sequential'];
export const OUTPUT_FORMATS = ['json', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const MAX_RUNS = 1_000_000;

export interface CliOptions {
  path: string;
  seed?: number;
  strategy?: Strategy;
  runs: number;
  format: OutputFormat;
  /** null when not given: json then shows `anthropic`, text the text context. */
  context: ContextFormat | null;
  /** Print the plan as code for this target instead of running it (emit-command.ts). */
  emit?: ExportTarget;
}

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'import'; argv: readonly string[] }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export const USAGE = 'npm run --silent sim -- PLAN.json [--seed N] [--runs N] [--strategy S] [--format json|text] [--context F]';

export const HELP = `Simulate a Toolwave plan and print its outcome, timings and the partial-state context.

Usage: ${USAGE}

Options:
  --seed N         seed for the run (whole number 0..${UINT32_MAX}); default: the plan's settings.seed
  --runs N         number of runs (1..${MAX_RUNS}); 1 = one run with its context, more = statistics
  --strategy S     waves | eager | sequential; default: the plan's settings.strategy
  --format F       text (default, a readable report) | json
  --context F      anthropic | openai | text: the context format (json default: anthropic; text default: text)
${EMIT_HELP}
${IMPORT_HELP}  -h, --help       show this help

Exit codes: 0 the plan ran (whatever its outcome), 2 a bad option, file or plan, 1 an internal error.
`;

const VALUE_FLAGS = ['--seed', '--runs', '--strategy', '--format', '--context', '--emit'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(s: string): s is ValueFlag {
  return VALUE_FLAGS.some((f) => f === s);
}

function oneOf<T extends string>(values: readonly T[], v: string): T | undefined {
  return values.find((x) => x === v);
}

/** What is wrong with a flag's value, worded for the command line. */
class FlagProblem {
  constructor(readonly message: string) {}
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number | FlagProblem {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  return new FlagProblem(`${flag} must be a whole number from ${min} to ${max}, got ${raw === '' ? '""' : raw}`);
}

/** One of `allowed`, or the problem naming them (`words`: how the choices read, by default `one of a, b, c`). */
function word<T extends string>(flag: string, allowed: readonly T[], raw: string, words = `one of ${allowed.join(', ')}`): T | FlagProblem {
  return oneOf(allowed, raw) ?? new FlagProblem(`${flag} must be ${words}, got ${raw}`);
}

/** Reads argv (without `node` and the script). Flags take `--flag value` or `--flag=value`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('--import') && !argv.includes('--help') && !argv.includes('-h'))
    return { kind: 'import', argv: argv.filter((a) => a !== '--import') };
  const values = new Map<ValueFlag, string>();
  const paths: string[] = [];
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!isValueFlag(flag)) return { kind: 'error', message: `unknown option ${flag} (see --help)` };
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined) return { kind: 'error', message: `${flag} needs a value` };
    if (values.has(flag)) return { kind: 'error', message: `${flag} was given more than once` };
    values.set(flag, value);
  }

  const options: CliOptions = { path: '', runs: 1, format: 'text', context: null };
  /** Sets options[key] from the flag's value when it was given; the problem with the value, if any. */
  const take = <K extends keyof CliOptions>(
    key: K,
    flag: ValueFlag,
    parse: (raw: string) => CliOptions[K] | FlagProblem,
  ): string | null => {
    const raw = values.get(flag);
    if (raw === undefined) return null;
    const v = parse(raw);
    if (v instanceof FlagProblem) return v.message;
    options[key] = v;
    return null;
  };
  const problem =
    take('seed', '--seed', (raw) => wholeNumber('--seed', raw, 0, UINT32_MAX)) ??
    take('runs', '--runs', (raw) => wholeNumber('--runs', raw, 1, MAX_RUNS)) ??
    take('strategy', '--strategy', (raw) => word('--strategy', STRATEGIES, raw)) ??
    take('format', '--format', (raw) => word('--format', OUTPUT_FORMATS, raw, 'json or text')) ??
    take('context', '--context', (raw) => word('--context', CONTEXT_FORMATS, raw));
  if (problem !== null) return { kind: 'error', message: problem };

  const emit = values.get('--emit');
  if (emit !== undefined) {
    const parsed = parseEmitTarget(emit);
    const problem = parsed.ok ? emitFlagProblem(new Set(values.keys())) : parsed.message;
    if (!parsed.ok || problem !== null) return { kind: 'error', message: problem ?? '' };
    options.emit = parsed.target;
  }

  if (paths.length === 0) return { kind: 'error', message: `missing the plan file (usage: ${USAGE})` };
  if (paths.length > 1) return { kind: 'error', message: `expected one plan file, got ${paths.length}: ${paths.join(', ')}` };
  options.path = paths[0];
  return { kind: 'run', options };
}
