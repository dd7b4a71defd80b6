// `sim -- PLAN.json --emit T` prints the plan as code on stdout, exit 0; a bad target or a flag that means nothing
// for code exits 2 with one line saying why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitCode, EXPORT_TARGET_IDS } from '../export';
import { parsePlanText } from '../plan/parse';
import type { CliIo } from './run';
import { runCli } from './run';

const text = readFileSync(join(process.cwd(), 'public/examples/flaky-api.json'), 'utf8');
const parsed = parsePlanText(text);
if (!parsed.ok) throw new Error('flaky-api.json does not parse');
const plan = parsed.plan;
const io: CliIo = {
  readFile: (path) => (path === 'flaky.json' ? { ok: true, text } : { ok: false, reason: `cannot read ${path}: no such file` }),
};
const sim = (...argv: string[]) => runCli(argv, io);

describe('sim --emit', () => {
  it.each(EXPORT_TARGET_IDS)("--emit %s prints exactly that target's code, and nothing on stderr", (target) => {
    const r = sim('flaky.json', '--emit', target);
    expect(r).toEqual({ code: 0, stdout: emitCode(plan, target), stderr: '' });
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('applies --strategy to the code, as it does to a run', () => {
    const r = sim('flaky.json', '--emit=ts', '--strategy', 'sequential');
    expect(r.stdout).toContain('strategy: "sequential",');
    expect(r.stdout).toBe(emitCode({ ...plan, settings: { ...plan.settings, strategy: 'sequential' } }, 'ts'));
  });

  it('refuses an unknown target, naming the ones there are', () => {
    expect(sim('flaky.json', '--emit', 'rust')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sim: --emit must be one of ts, python, temporal, langgraph, vercel, got rust\n',
    });
  });

  it('refuses flags that mean nothing for code instead of ignoring them', () => {
    expect(sim('flaky.json', '--emit', 'ts', '--runs', '10', '--format', 'json').stderr).toBe(
      'sim: --emit prints code and runs nothing: --runs, --format do not apply (only --strategy does)\n',
    );
  });

  it('still reports a missing file or an invalid plan as a run would', () => {
    expect(sim('nope.json', '--emit', 'ts')).toEqual({ code: 2, stdout: '', stderr: 'sim: cannot read nope.json: no such file\n' });
  });

  it("prints no raw control character, whatever the plan's text holds", () => {
    const hostile = JSON.stringify({ ...JSON.parse(text), name: 'Q3\u001b]0;pwned\u0007 \u009b2J' });
    const hostileIo: CliIo = { readFile: () => ({ ok: true, text: hostile }) };
    for (const target of EXPORT_TARGET_IDS) {
      const out = runCli(['x.json', '--emit', target], hostileIo).stdout;
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(out).toContain('Q3');
    }
  });

  it('lists --emit in --help', () => {
    expect(sim('--help').stdout).toContain(
      '--emit T         print the plan as code instead of running it: ts | python | temporal | langgraph | vercel',
    );
  });
});
