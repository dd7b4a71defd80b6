// `sim --import FILE…`: the plan JSON on stdout (which `sim` then runs), the report on stderr, exit 2 with one line
// per problem on bad input; and once end to end through npm, as a person types it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse';
import { runCli, type CliIo } from './run';

const fixtures = fileURLToPath(new URL('../import/fixtures/', import.meta.url));
const read = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');
const files: Record<string, string> = {
  'research.json': read('synthetic-research-agent.json'),
  'run-a.json': read('langfuse-openai-agents.json'),
  'run-b.json': read('langfuse-microsoft-agent.json'),
  'broken.jsonl': '{"role":"user","content":"hi"}\n{"role":\n',
};
const io: CliIo = {
  readFile(path) {
    return path in files ? { ok: true, text: files[path] } : { ok: false, reason: `cannot read ${path}: no such file` };
  },
};
/** The plan the last import printed, readable as `plan.json`. */
let last = '';
const sim = (...argv: string[]) => runCli(argv, { readFile: (p) => (p === 'plan.json' ? { ok: true, text: last } : io.readFile(p)) });

describe('sim --import', () => {
  it('prints the plan on stdout, exit 0, and the report on stderr', () => {
    const r = sim('--import', 'research.json');
    expect(r.code).toBe(0);
    const parsed = parsePlanText(r.stdout);
    expect(parsed.ok && parsed.plan.calls.map((c) => c.id)).toEqual([
      'search_docs',
      'get_user_profile',
      'fetch_page',
      'summarize',
      'translate',
    ]);
    expect(r.stderr.split('\n')[0]).toBe('Imported 5 calls from 1 run (Anthropic Messages transcript, research.json).');
    expect(r.stderr).toContain('  search_docs → fetch_page: results.0.url = "https://docs.example.com/partial-failure"');
    expect(r.stderr).toContain('  get_user_profile (turn 1) → fetch_page (turn 2)');
  });

  it('the printed plan runs with sim as it is', () => {
    last = sim('--import', 'research.json').stdout;
    const r = sim('plan.json', '--format', 'json');
    expect(r.code).toBe(0);
    const out: { outcome: string; calls: Record<string, { attempts: number }> } = JSON.parse(r.stdout);
    expect([out.outcome, out.calls.fetch_page.attempts]).toEqual(['complete', 2]);
  });

  it('several files are several runs; --name names the plan', () => {
    const r = sim('--import', 'run-a.json', 'run-b.json', '--name', 'Weather agent');
    const parsed = parsePlanText(r.stdout);
    expect(parsed.ok && [parsed.plan.name, parsed.plan.calls.length]).toEqual(['Weather agent', 1]);
    expect(r.stderr.split('\n')[0]).toBe('Imported 1 call from 2 runs (Langfuse trace export, 2 files).');
  });

  it.each([
    [['--import'], 'sim: --import needs at least one file (usage: npm run --silent sim -- --import FILE… [--name NAME])\n'],
    [['--import', 'missing.json'], 'sim: cannot read missing.json: no such file\n'],
    [
      ['--import', 'research.json', '--runs', '3'],
      'sim: --runs does not go with --import (usage: npm run --silent sim -- --import FILE… [--name NAME])\n',
    ],
    [['--import', 'research.json', '--name'], 'sim: --name needs a value\n'],
    [['--import', 'broken.jsonl'], 'broken.jsonl line 2: is not valid JSON: Unexpected end of JSON input\n'],
  ])('%j exits 2 with %j', (argv, stderr) => {
    const r = sim(...argv);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', stderr]);
  });

  it('shows control characters in what it prints, never sends them to the terminal', () => {
    files['run\u001b[2J.json'] = '{ nope';
    const r = sim('--import', 'run\u001b[2J.json');
    expect([r.code, r.stderr.split(':')[0]]).toEqual([2, 'run\\x1b[2J.json']);
  });

  it('works end to end through npm, stdout exactly the plan', () => {
    const r = spawnSync('npm', ['run', '--silent', 'sim', '--', '--import', `${fixtures}otlp-genai-microsoft-agent.json`], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
    });
    expect(r.status).toBe(0);
    const parsed = parsePlanText(r.stdout);
    expect(parsed.ok && parsed.plan.calls[0].label).toBe('call_Sz1QP8T7fuJkIECGDLFWOorq');
    expect(r.stderr).toContain('Imported 1 call from 1 run (OpenTelemetry trace (OTLP JSON)');
  });
});
