// `sim --import FILE…`: recorded agent runs in, the plan JSON on stdout and the import report on stderr.
// Pure like the rest of the CLI: argv and a file reader in, exit code and text out.
import { formatProblem } from '../plan/parse';
import { importRuns, reportLines, type SourceFile } from '../import';
import type { CliIo, CliResult } from './run';
import { terminalJson, visible } from './terminal';

export const IMPORT_USAGE = 'npm run --silent sim -- --import FILE… [--name NAME]';

export const IMPORT_HELP = `  --import FILE…   read recorded runs of one agent (Anthropic or OpenAI transcripts, OTLP JSON traces,
                   Langfuse trace exports; several files = several runs) and print them as a plan (JSON) on
                   stdout, the import report on stderr; --name NAME names the plan
`;

const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `sim: ${visible(message)}\n` });

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
    const read = io.readFile(path);
    if (!read.ok) return fail(read.reason);
    files.push({ name: path, text: read.text });
  }
  const result = importRuns(files, { name });
  // Recorded text reaches the terminal: every control character in it is shown, never obeyed.
  if (!result.ok) return { code: 2, stdout: '', stderr: result.problems.map((p) => `${visible(formatProblem(p))}\n`).join('') };
  return {
    code: 0,
    stdout: `${terminalJson(result.plan)}\n`,
    stderr: `${reportLines(result.report)
      .map((l) => visible(l))
      .join('\n')}\n`,
  };
}
