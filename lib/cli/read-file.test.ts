// The CLI's file reader checks before it reads: no endless device, no pipe that never opens, no file past the cap,
// whatever its size claims. Real files in a temporary directory (Linux: /dev/zero, mkfifo, /proc).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../plan/schema';
import { readTextFile } from './read-file';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'toolwave-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextFile', () => {
  it('reads a small file as UTF-8 text', () => {
    const path = join(dir, 'plan.json');
    writeFileSync(path, '{"name":"Café"}');
    expect(readTextFile(path)).toEqual({ ok: true, text: '{"name":"Café"}' });
  });

  it('reads the bytes of a UTF-8 byte-order mark as U+FEFF (the plan parser skips it)', () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect(readTextFile(path)).toEqual({ ok: true, text: '\uFEFF{}' });
  });

  it('reads a file of exactly the cap, and refuses one byte more before reading it', () => {
    const path = join(dir, 'ten.json');
    writeFileSync(path, '0123456789');
    expect(readTextFile(path, 10)).toEqual({ ok: true, text: '0123456789' });
    expect(readTextFile(path, 9)).toEqual({ ok: false, reason: `cannot read ${path}: it is too large (10 bytes; at most 9)` });
  });

  it('refuses a 3 GB file from its size alone (a sparse file: nothing is read)', () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 3 * 1024 ** 3);
    const before = process.memoryUsage().rss;
    expect(readTextFile(path)).toEqual({
      ok: false,
      reason: `cannot read ${path}: it is too large (3221225472 bytes; at most ${LIMITS.maxBytes})`,
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a file that turns out longer than its size said while it is read (a /proc file says 0 bytes)', () => {
    expect(readTextFile('/proc/self/status', 16)).toEqual({
      ok: false,
      reason: 'cannot read /proc/self/status: it grew past 16 bytes while being read',
    });
  });

  it('refuses a device that never ends, at once', () => {
    expect(readTextFile('/dev/zero')).toEqual({ ok: false, reason: 'cannot read /dev/zero: not a regular file (a character device)' });
  });

  it('refuses a named pipe without waiting for a writer', () => {
    const path = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    expect(readTextFile(path)).toEqual({ ok: false, reason: `cannot read ${path}: not a regular file (a named pipe)` });
  });

  it('names a directory, a missing file and an unreadable one', () => {
    expect(readTextFile(dir)).toEqual({ ok: false, reason: `cannot read ${dir}: it is a directory` });
    expect(readTextFile(join(dir, 'nope.json'))).toEqual({ ok: false, reason: `cannot read ${join(dir, 'nope.json')}: no such file` });
  });
});

describe('the sim command on such files', () => {
  const sim = (path: string) =>
    spawnSync('npx', ['tsx', 'lib/cli/main.ts', path], { cwd: process.cwd(), encoding: 'utf8', timeout: 30_000 });

  it('`sim -- /dev/zero` exits 2 at once with a one-line reason', () => {
    const r = sim('/dev/zero');
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'sim: cannot read /dev/zero: not a regular file (a character device)\n']);
  });

  it('`sim -- FIFO` exits 2 at once with a one-line reason', () => {
    const path = join(dir, 'pipe2');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    const r = sim(path);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `sim: cannot read ${path}: not a regular file (a named pipe)\n`]);
  });
});
