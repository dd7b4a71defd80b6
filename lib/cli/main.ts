// Entry point of `npm run --silent sim -- PLAN.json …`: wires runCli to argv, the file system and the streams.
// Keep it thin: every decision lives in run.ts, and nothing but the report may reach stdout.
import { readTextFile } from './read-file';
import { runCli } from './run';

// Progress only for a person at a terminal: a log or a pipe gets the report and the problems, nothing else.
const progress = process.stderr.isTTY
  ? { now: () => performance.now(), write: (text: string) => void process.stderr.write(text) }
  : undefined;
const result = runCli(process.argv.slice(2), { readFile: (path) => readTextFile(path), progress });
if (result.stdout !== '') process.stdout.write(result.stdout);
if (result.stderr !== '') process.stderr.write(result.stderr);
process.exitCode = result.code;
