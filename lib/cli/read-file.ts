// Reads a plan file for the command line, checking before reading: only a regular file, only up to the byte cap.
// Must never block on a pipe, read an endless device, or hold more than the cap plus one byte of a file.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { LIMITS } from '../plan/schema';

export type ReadFileResult = { ok: true; text: string } | { ok: false; reason: string };

const CHUNK = 64 * 1024;

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

function openError(err: unknown): string {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/**
 * The text of the file at `path`, decoded as UTF-8 (bad bytes become U+FFFD, as a browser reads a file), or a
 * one-line reason naming the path. Opens without blocking (a pipe with no writer), refuses anything but a regular
 * file from fstat, refuses a size over `maxBytes` before reading, and reads at most `maxBytes + 1` bytes, so a file
 * that grows while read (or whose size lies, as /proc files do) is refused too.
 */
export function readTextFile(path: string, maxBytes: number = LIMITS.maxBytes): ReadFileResult {
  const fail = (why: string): ReadFileResult => ({ ok: false, reason: `cannot read ${path}: ${why}` });
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    return fail(openError(err));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return fail('it is a directory');
    if (!st.isFile()) return fail(`not a regular file (${kindOf(st)})`);
    if (st.size > maxBytes) return fail(`it is too large (${st.size} bytes; at most ${maxBytes})`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Never more than one byte past the cap: that byte is enough to know the file is too large.
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return fail(`it grew past ${maxBytes} bytes while being read`);
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (err) {
    return fail(openError(err));
  } finally {
    closeSync(fd);
  }
}
