// The `sim` command (docs/cli.md): flags, exit codes, error lines and output shapes, in memory and end to end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOMES, type CallTrace, type Trace } from '../engine/types';
import { runJson } from './report';
import { readTextFile } from './read-file';
import { fixed } from '../plan/test-examples';
import { runCli, type CliIo } from './run';

const PLAN = {
  format: 'toolwave.plan',
  version: 1,
  name: 'Demo',
  calls: [
    { id: 'search', tool: 'web_search', latency: fixed(100), output: { hits: 3 } },
    { id: 'fetch', tool: 'fetch_url', latency: fixed(300), timeoutMs: 200, retry: { maxAttempts: 2 }, input: { q: '{{search.hits}}' } },
    { id: 'sum', tool: 'summarize', latency: fixed(50) },
  ],
  dependencies: [
    { from: 'search', to: 'fetch' },
    { from: 'fetch', to: 'sum' },
  ],
};
const files: Record<string, string> = {
  'plan.json': JSON.stringify(PLAN),
  'bad.json': '{ "format": "toolwave.plan", ',
  'invalid.json': JSON.stringify({
    ...PLAN,
    calls: [PLAN.calls[0], PLAN.calls[1], { ...PLAN.calls[2], retry: { maxAttempts: 0 }, latency: { kind: 'fixed', ms: -1 } }],
  }),
  'abort.json': JSON.stringify({
    ...PLAN,
    calls: [
      { ...PLAN.calls[0], onFailure: 'abort', faults: [{ kind: 'error', message: 'boom', onAttempts: [1] }] },
      PLAN.calls[1],
      PLAN.calls[2],
    ],
  }),
  'stuck.json': JSON.stringify({
    ...PLAN,
    calls: [{ ...PLAN.calls[0], faults: [{ kind: 'timeout', probability: 1 }] }, PLAN.calls[1], PLAN.calls[2]],
  }),
  // Two chained calls of 1e308 ms: their sum would be Infinity.
  'huge.json':
    '{"format":"toolwave.plan","version":1,"name":"Huge","calls":[{"id":"a","tool":"t","latency":{"kind":"fixed","ms":1e308}},' +
    '{"id":"b","tool":"t","latency":{"kind":"fixed","ms":1e308}}],"dependencies":[{"from":"a","to":"b"}]}',
};
const io: CliIo = {
  readFile(path) {
    return path in files ? { ok: true, text: files[path] } : { ok: false, reason: `cannot read ${path}: no such file` };
  },
};
const sim = (...argv: string[]) => runCli(argv, io);
const json = (...argv: string[]): unknown => {
  const r = sim(...argv, '--format', 'json');
  expect([r.code, r.stderr]).toEqual([0, '']);
  expect(r.stdout.endsWith('}\n')).toBe(true);
  return JSON.parse(r.stdout);
};

describe('bad command lines exit 2 with one line saying why', () => {
  it.each([
    [['plan.json', '--runs', '0'], 'sim: --runs must be a whole number from 1 to 1000000, got 0'],
    [['plan.json', '--runs', '1000001'], 'sim: --runs must be a whole number from 1 to 1000000, got 1000001'],
    [['plan.json', '--runs', '2.5'], 'sim: --runs must be a whole number from 1 to 1000000, got 2.5'],
    [['plan.json', '--seed', '-1'], 'sim: --seed must be a whole number from 0 to 4294967295, got -1'],
    [['plan.json', '--seed', '4294967296'], 'sim: --seed must be a whole number from 0 to 4294967295, got 4294967296'],
    [['plan.json', '--seed', 'abc'], 'sim: --seed must be a whole number from 0 to 4294967295, got abc'],
    [['plan.json', '--strategy', 'x'], 'sim: --strategy must be one of waves, eager, sequential, got x'],
    [['plan.json', '--format', 'yaml'], 'sim: --format must be json or text, got yaml'],
    [['plan.json', '--context', 'gemini'], 'sim: --context must be one of anthropic, openai, text, got gemini'],
    [['plan.json', '--verbose'], 'sim: unknown option --verbose (see --help)'],
    [['plan.json', '-v'], 'sim: unknown option -v (see --help)'],
    [['plan.json', '--seed'], 'sim: --seed needs a value'],
    [['plan.json', '--runs', '--format', 'json'], 'sim: --runs needs a value'],
    [['plan.json', '--seed', '1', '--seed', '2'], 'sim: --seed was given more than once'],
    [
      [],
      'sim: missing the plan file (usage: npm run --silent sim -- PLAN.json [--seed N] [--runs N] [--strategy S] [--format json|text] [--context F])',
    ],
    [
      ['--format', 'json'],
      'sim: missing the plan file (usage: npm run --silent sim -- PLAN.json [--seed N] [--runs N] [--strategy S] [--format json|text] [--context F])',
    ],
    [['plan.json', 'other.json'], 'sim: expected one plan file, got 2: plan.json, other.json'],
    [['missing.json'], 'sim: cannot read missing.json: no such file'],
    [['bad.json'], 'sim: bad.json is not valid JSON: '],
  ])('%j', (argv, line) => {
    const r = sim(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.startsWith(line)).toBe(true);
  });

  it('an invalid plan prints each problem on its own line, with its path', () => {
    const r = sim('invalid.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n').sort()).toEqual([
      'calls[2].latency.ms: must be at least 0',
      'calls[2].retry.maxAttempts: must be at least 1',
    ]);
  });

  it('a plan whose times could add up past any number is refused, naming each time and the bound', () => {
    for (const argv of [['huge.json'], ['huge.json', '--runs', '10']]) {
      const r = sim(...argv);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(
        'calls[0].latency.ms: must be at most 1000000000 (about 11.6 days)\ncalls[1].latency.ms: must be at most 1000000000 (about 11.6 days)\n',
      );
    }
  });

  it('a plan file that starts with a UTF-8 byte-order mark is read like one without (only one mark is skipped)', () => {
    files['bom.json'] = `\uFEFF${JSON.stringify(PLAN)}`;
    files['bom2.json'] = `\uFEFF\uFEFF${JSON.stringify(PLAN)}`;
    expect(sim('bom.json', '--format', 'json').stdout).toBe(sim('plan.json', '--format', 'json').stdout);
    const twice = sim('bom2.json');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^sim: bom2\.json is not valid JSON: /);
  });

  it('a plan that is JSON but not a plan at all is a plan problem', () => {
    files['array.json'] = '[1, 2]';
    const r = sim('array.json');
    expect([r.code, r.stderr]).toEqual([2, '(plan): must be an object, not an array\n']);
  });

  it('a file that cannot be read is named in the reason (real file system)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'toolwave-sim-'));
    const fsIo: CliIo = { readFile: (p) => readTextFile(p) };
    expect(runCli([join(dir, 'nope.json')], fsIo).stderr).toBe(`sim: cannot read ${join(dir, 'nope.json')}: no such file\n`);
    expect(runCli([dir], fsIo).stderr).toBe(`sim: cannot read ${dir}: it is a directory\n`);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a valid plan exits 0 whatever its outcome', () => {
  it.each([
    ['plan.json', 'partial'],
    ['abort.json', 'aborted'],
    ['stuck.json', 'stuck'],
  ])('%s (%s)', (file, outcome) => {
    for (const format of ['json', 'text']) expect(sim(file, '--format', format).code).toBe(0);
    expect(json(file)).toMatchObject({ outcome });
  });

  it('--help prints the usage on stdout and exits 0', () => {
    const r = sim('--help');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Usage: npm run --silent sim -- PLAN.json');
  });
});

describe('one run', () => {
  it('json: outcome, makespan, every call with status, wave, times and an attempt count, and the anthropic context', () => {
    const out = json('plan.json');
    expect(out).toEqual({
      outcome: 'partial',
      makespanMs: 1500,
      calls: {
        search: { status: 'succeeded', wave: 0, startMs: 0, endMs: 100, attempts: 1 },
        fetch: { status: 'timed_out', wave: 1, startMs: 100, endMs: 1500, attempts: 2 },
        sum: { status: 'skipped', wave: 2, startMs: null, endMs: null, attempts: 0 },
      },
      context: { format: 'anthropic', messages: expect.any(Array) },
    });
    expect(JSON.stringify(out)).toContain('"tool_use_id":"fetch"');
  });

  it.each([
    ['anthropic', { format: 'anthropic', messages: expect.any(Array) }],
    ['openai', { format: 'openai', messages: expect.any(Array) }],
    ['text', { format: 'text', text: expect.stringContaining('Plan outcome: partial') }],
  ])('--context %s selects the context format', (format, context) => {
    expect(json('plan.json', '--context', format)).toMatchObject({ context });
  });

  it('text is the default format: a readable report with the per-call table and the text context', () => {
    const r = sim('plan.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: Demo\nStrategy: waves · seed 1 · scenario: none\nOutcome: partial · makespan 1500 ms');
    expect(r.stdout).toMatch(
      /Call +Status +Wave +Start ms +End ms +Attempts\nsearch +succeeded +1 +0 +100 +1\nfetch +timed_out +2 +100 +1500 +2\nsum +skipped +3 +— +— +0/,
    );
    expect(r.stdout).toContain('Context (text):\n=== Model turn 1 (wave 1) ===');
    expect(r.stdout).toContain('- sum: skipped — needs fetch, which timed out');
  });

  it('--strategy and --seed override the plan’s settings (also as --flag=value)', () => {
    expect(sim('plan.json', '--strategy', 'eager', '--seed=7').stdout).toContain('Strategy: eager · seed 7');
    expect(json('plan.json', '--strategy=sequential', '--context', 'text')).toMatchObject({
      context: { text: expect.stringContaining('Model turn 2 (fetch)') },
    });
  });

  it('--runs 1 is a single run, and the same command prints the same bytes', () => {
    expect(sim('plan.json', '--runs', '1', '--format', 'json').stdout).toBe(sim('plan.json', '--format', 'json').stdout);
  });

  it('a call id like __proto__ stays a plain key of calls in the JSON', () => {
    const call: CallTrace = {
      id: '__proto__',
      index: 0,
      tool: 't',
      wave: 0,
      status: 'succeeded',
      reason: null,
      startMs: 0,
      endMs: 1,
      attempts: [],
      missingInputs: [],
      turn: 0,
    };
    const trace: Trace = {
      strategy: 'waves',
      seed: 1,
      run: 0,
      scenario: null,
      outcome: 'complete',
      makespanMs: 1,
      stop: null,
      settledMs: 1,
      compensations: [],
      calls: [call],
      turns: [],
      events: [],
    };
    const out = JSON.stringify(runJson(trace, { format: 'text', text: '' }), null, 2);
    expect(out).toContain('"__proto__": {');
    expect(Object.keys(runJson(trace, { format: 'text', text: '' }).calls)).toEqual(['__proto__']);
  });
});

describe('many runs', () => {
  it('json: runs, every outcome listed, makespan percentiles, per-call success rate and mean attempts', () => {
    const out = json('plan.json', '--runs', '50');
    expect(out).toEqual({
      runs: 50,
      outcomes: { complete: 0, partial: 50, aborted: 0, deadline_exceeded: 0, stuck: 0 },
      makespanMs: { p50: 1500, p95: 1500, p99: 1500, mean: 1500 },
      calls: {
        search: { successRate: 1, meanAttempts: 1 },
        fetch: { successRate: 0, meanAttempts: 2 },
        sum: { successRate: 0, meanAttempts: 0 },
      },
    });
  });

  it('json: a stuck plan has no makespan percentiles', () => {
    expect(json('stuck.json', '--runs', '5')).toMatchObject({
      outcomes: { stuck: 5 },
      makespanMs: { p50: null, p95: null, p99: null, mean: null },
    });
  });

  it('text: a readable statistics table listing every outcome', () => {
    const r = sim('plan.json', '--runs', '20', '--seed', '3');
    expect(r.stdout).toContain('Strategy: waves · seed 3 · scenario: none\nRuns: 20');
    for (const o of OUTCOMES) expect(r.stdout).toMatch(new RegExp(`\\n  ${o} +\\d+ +\\d+\\.\\d%`));
    expect(r.stdout).toMatch(/fetch +0\.0% +2\.00/);
  });
});

describe('terminal escapes in the plan are shown, never sent to the terminal', () => {
  // Clear screen, window title (OSC 0), clipboard write (OSC 52), a hyperlink (OSC 8), a C1 CSI, DEL, a lone ESC, CR.
  const CLEAR = '\x1b[2J\x1b[H';
  const TITLE = '\x1b]0;pwned\x07';
  const CLIPBOARD = '\x1b]52;c;cm0gLXJmIH4=\x07';
  const LINK = '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\';
  const hostile = {
    format: 'toolwave.plan',
    version: 1,
    name: `Plan${CLEAR}${TITLE}`,
    calls: [
      { id: 'a', tool: `web${CLIPBOARD}`, label: `A\u009b2J\x7f`, latency: fixed(10), output: { text: `see ${LINK} \u009b2J\x7f` } },
      { id: 'b', tool: 'fetch', latency: fixed(10), faults: [{ kind: 'error', message: `boom\x1b\rfine${LINK}`, onAttempts: [1] }] },
    ],
    dependencies: [],
    scenarios: [{ id: 's', name: `Outage${TITLE}`, faults: {} }],
    settings: { scenario: 's' },
  };
  files['hostile.json'] = JSON.stringify(hostile);
  /** Any control character a terminal acts on: C0 but newline and tab, DEL, C1. */
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it.each([[[]], [['--context', 'anthropic']], [['--context', 'openai']], [['--runs', '3']]])(
    'text report %j: no raw control character, each shown as \\xNN',
    (extra) => {
      const r = sim('hostile.json', ...extra);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stdout).toContain('Plan: Plan\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\n');
      expect(r.stdout).toContain('scenario: Outage\\x1b]0;pwned\\x07');
    },
  );

  it('the text context shows the tool, output and fault message escaped, its own lines kept', () => {
    const r = sim('hostile.json');
    expect(r.stdout).toContain('web\\x1b]52;c;cm0gLXJmIH4=\\x07');
    expect(r.stdout).toContain('boom\\x1b\\x0dfine\\x1b]8;;https://evil.example\\x1b\\click');
    expect(r.stdout).toContain('\n=== Summary ===\n');
  });

  it('the JSON report is exact JSON, and carries no raw escape either', () => {
    for (const argv of [
      ['--format', 'json'],
      ['--format', 'json', '--context', 'text'],
      ['--format', 'json', '--runs', '2'],
    ]) {
      const r = sim('hostile.json', ...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(JSON.parse(r.stdout)).toBeTypeOf('object');
    }
    const out = JSON.stringify(json('hostile.json', '--context', 'openai'));
    expect(out).toContain(JSON.stringify(`boom\x1b\rfine${LINK}`).slice(1, -1));
    expect(out).toContain(JSON.stringify(`web${CLIPBOARD}`).slice(1, -1));
  });

  it('problems on stderr show escapes too: a hostile key, a hostile JSON error excerpt, a hostile path', () => {
    files['badkey.json'] = JSON.stringify({ ...hostile, [`x${CLEAR}\u009b`]: 1 });
    files['notjson.json'] = `${CLEAR}${TITLE}`;
    for (const file of ['badkey.json', 'notjson.json', `missing${TITLE}.json`]) {
      const r = sim(file);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(RAW);
      // A key in a path is quoted as JSON (\u001b); the rest of a line shows \x1b.
      expect(r.stderr).toMatch(/\\x1b|\\u001b/);
    }
  });
});

describe('the real command', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'toolwave-sim-'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
    writeFileSync(join(dir, 'invalid.json'), files['invalid.json']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const npmSim = (...args: string[]) =>
    spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], { cwd: process.cwd(), encoding: 'utf8' });

  it('`npm run --silent sim -- plan.json --format json` prints exactly one JSON document on stdout', () => {
    const r = npmSim(join(dir, 'plan.json'), '--format', 'json');
    expect(r.status).toBe(0);
    const out: unknown = JSON.parse(r.stdout);
    expect(out).toMatchObject({ outcome: 'partial', makespanMs: 1500, context: { format: 'anthropic' } });
  });

  it('exits 2 on an invalid plan, with the problem on stderr and nothing on stdout', () => {
    const r = npmSim(join(dir, 'invalid.json'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('calls[2].retry.maxAttempts: must be at least 1');
  });
});
