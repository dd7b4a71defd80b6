// `sim --import FILE…`: recorded agent runs in, the plan JSON on stdout and the import report on stderr.
// Pure like the rest of the CLI: argv and a file reader in, exit code and text out.
import { formatProblem, serializePlan } from '../plan/parse';
import { importRuns, reportLines, type SourceFile } from '../import';
import type { CliIo, CliResult } from './run';

export const IMPORT_USAGE = 'npm run --silent sim -- --import FILE… [--name NAME]';

export const IMPORT_HELP = `  --import FILE…   read recorded runs of one agent (Anthropic or OpenAI transcripts, OTLP JSON traces,
                   Langfuse trace exports; several files = several runs) and print them as a plan (JSON) on
                   stdout, the import report on stderr; --name NAME names the plan
`;

const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `sim: ${message}\n` });

function readError(path: string, err: unknown): string {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  if (code === 'ENOENT') return `cannot read ${path}: no such file`;
  if (code === 'EISDIR') return `cannot read ${path}: it is a directory`;
  if (code === 'EACCES') return `cannot read ${path}: permission denied`;
  return `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`;
}

/** Runs the import with argv already stripped of `--import`. */
export function runImport(argv: readonly string[], io: CliIo): CliResult {
  const paths: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--name' || arg.startsWith('--name=')) {
      const value = arg === '--name' ? argv[++i] : arg.slice('--name='.length);
      if (value === undefined || value.trim() === '') return fail('--name needs a value');
      if (name !== undefined) return fail('--name was given more than once');
      name = value;
    } else if (arg.startsWith('--')) {
      return fail(`${arg} does not go with --import (usage: ${IMPORT_USAGE})`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return fail(`--import needs at least one file (usage: ${IMPORT_USAGE})`);

  const files: SourceFile[] = [];
  for (const path of paths) {
    try {
      files.push({ name: path, text: io.readFile(path) });
    } catch (err) {
      return fail(readError(path, err));
    }
  }
  const result = importRuns(files, { name });
  if (!result.ok) return { code: 2, stdout: '', stderr: result.problems.map((p) => `${formatProblem(p)}\n`).join('') };
  return { code: 0, stdout: serializePlan(result.plan), stderr: `${reportLines(result.report).join('\n')}\n` };
}
