// Base64url for share links: agrees with Node's own encoder, and refuses anything that is not strict base64url.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { decodeBase64Url, encodeBase64Url } from './base64url';

describe('base64url', () => {
  it('encodes exactly as Node does and decodes back the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        const back = decodeBase64Url(text);
        expect(back.ok && Array.from(back.bytes)).toEqual(Array.from(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes long inputs (past its internal chunking) without losing a byte', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) & 0xff);
    expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it.each([
    ['standard base64 "+"', 'ab+d', 'not base64url ("+" at 2)'],
    ['standard base64 "/"', 'ab/d', 'not base64url ("/" at 2)'],
    ['padding', 'YQ==', 'not base64url ("=" at 2)'],
    ['whitespace', 'YW J', 'not base64url (" " at 2)'],
    ['a non-ASCII letter', 'YWé', 'not base64url ("é" at 2)'],
    ['an impossible length', 'YWJjZ', 'has a length (5)'],
    ['stray bits in the last character', 'YR', 'stray bits'],
  ])('refuses %s', (_what, text, message) => {
    const result = decodeBase64Url(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});
