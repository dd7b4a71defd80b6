// Progress of a long --runs batch: on the progress sink only (stderr at a terminal), after 2 s, at most once a
// second, erased at the end, and the statistics byte for byte those of a batch run without it.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse';
import { progressLine, type ProgressSink } from './progress';
import { runCli, type CliIo } from './run';

const PLAN = {
  format: 'toolwave.plan',
  version: 1,
  name: 'Demo',
  calls: [
    { id: 'search', tool: 'web_search', latency: { kind: 'lognormal', p50Ms: 100, p95Ms: 400 } },
    { id: 'fetch', tool: 'fetch_url', latency: { kind: 'uniform', minMs: 50, maxMs: 300 }, timeoutMs: 250, retry: { maxAttempts: 3 } },
    {
      id: 'pay',
      tool: 'charge',
      effect: 'once',
      latency: { kind: 'fixed', ms: 20 },
      faults: [{ kind: 'error', message: '500', retryable: true, probability: 0.3 }],
    },
  ],
  dependencies: [{ from: 'search', to: 'fetch' }],
};

/** A terminal whose clock runs `speed` times faster than the real one (so a batch of milliseconds "takes" seconds), and what was written to it. */
function fakeTerminal(speed: number): ProgressSink & { writes: { at: number; text: string }[] } {
  const t0 = performance.now();
  const writes: { at: number; text: string }[] = [];
  let last = 0;
  const now = () => (last = (performance.now() - t0) * speed);
  // A line is stamped with the last time the batch read, the instant it decided to write.
  return { writes, now, write: (text) => void writes.push({ at: last, text }) };
}

const io = (progress?: ProgressSink): CliIo => ({ readFile: () => ({ ok: true, text: JSON.stringify(PLAN) }), progress });

describe('progress of many runs', () => {
  it('a long batch shows a progress line after 2 s, at most once a second, and erases it at the end', () => {
    const terminal = fakeTerminal(2000);
    const r = runCli(['plan.json', '--runs', '20000', '--format', 'json'], io(terminal));
    expect(r.code).toBe(0);
    const lines = terminal.writes.slice(0, -1);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0].at).toBeGreaterThanOrEqual(2000);
    for (let i = 1; i < lines.length; i++) expect(lines[i].at - lines[i - 1].at).toBeGreaterThanOrEqual(1000);
    for (const w of lines)
      expect(w.text).toMatch(
        /^\r\x1b\[Ksim: [\d,]+ of 20,000 runs \(\d+%\) · [\d.]+ (s|min|h|days) so far, about [\d.]+ (s|min|h|days) left$/,
      );
    expect(terminal.writes.at(-1)?.text).toBe('\r\x1b[K');
  });

  it('the statistics and stdout are byte for byte those of a batch without progress, and stdout holds no progress', () => {
    for (const format of ['json', 'text']) {
      const plain = runCli(['plan.json', '--runs', '3000', '--format', format], io());
      const shown = runCli(['plan.json', '--runs', '3000', '--format', format], io(fakeTerminal(5000)));
      expect(shown).toEqual(plain);
      expect(shown.stdout).not.toContain('sim:');
    }
  });

  it('a batch done within 2 s shows nothing', () => {
    const terminal = fakeTerminal(0.001);
    runCli(['plan.json', '--runs', '3000'], io(terminal));
    expect(terminal.writes).toEqual([]);
  });

  it('one run never shows progress', () => {
    const terminal = fakeTerminal(1e6);
    runCli(['plan.json'], io(terminal));
    expect(terminal.writes).toEqual([]);
  });

  it('reads as runs done, share, time so far and an estimate of the time left', () => {
    expect(progressLine(120_000, 1_000_000, 25_000)).toBe('sim: 120,000 of 1,000,000 runs (12%) · 25 s so far, about 3 min left');
    expect(progressLine(1, 3, 90 * 60_000)).toBe('sim: 1 of 3 runs (33%) · 1.5 h so far, about 3.0 h left');
    expect(progressLine(1, 1000, 600_000)).toBe('sim: 1 of 1,000 runs (0%) · 10 min so far, about 6.9 days left');
  });

  it('runs a valid plan (so the batches above do real work)', () => {
    expect(parsePlan(PLAN).ok).toBe(true);
  });
});
