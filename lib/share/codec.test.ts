// The share-link codec: generated plans survive a link, and every kind of bad link (too long, a bomb, damaged,
// cut short, the wrong version, a tampered plan) is refused with its reason, without a throw.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { formatProblem, parsePlanText, type ParseResult, type Problem } from '../plan/parse';
import type { Plan } from '../plan/schema';
import { arbitraryPlan } from '../plan/testing/arbitrary';
import { TEACHING_ORDER } from '../plan/test-examples';
import { encodeBase64Url } from './base64url';
import {
  LINK_PATH,
  LONG_LINK_CHARS,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  createShareLink,
  decodePlanLink,
  encodePlanLink,
  inflateWithCap,
  isPlanLink,
} from './codec';

const EXAMPLES = join(__dirname, '..', '..', 'public', 'examples');
/** The examples before the side-effect ones, in their teaching order. */
const EXAMPLE_FILES = TEACHING_ORDER.slice(0, 6);

function example(file: string): Plan {
  const result = parsePlanText(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.plan;
}

/** A v1 link whose payload is exactly these bytes, deflated: for links that are well packed but carry bad content. */
function linkOfBytes(bytes: Uint8Array): string {
  return `#plan=v1.${encodeBase64Url(deflateSync(bytes))}`;
}
const linkOfText = (text: string): string => linkOfBytes(new TextEncoder().encode(text));

function problemsOf(result: ParseResult): Problem[] {
  if (result.ok) throw new Error('expected the link to be refused');
  return result.problems;
}

/** The single link-level message of a refused link. */
function linkMessage(result: ParseResult): string {
  const problems = problemsOf(result);
  expect(problems).toHaveLength(1);
  expect(problems[0].path).toBe(LINK_PATH);
  return problems[0].message;
}

/** One test per link that must be refused: [what it is, the hash, the message the page shows for it]. */
function refusesEach(title: string, cases: [string, string, string][]) {
  it.each(cases)(title, (_what, hash, message) => {
    expect(linkMessage(decodePlanLink(hash))).toBe(message);
  });
}

describe('a share link round trip', () => {
  it('gives back each of 300 generated plans exactly', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxCalls: 12 }), (plan) => {
        const hash = encodePlanLink(plan);
        expect(hash).toMatch(/^#plan=v1\.[A-Za-z0-9_-]+$/);
        const result = decodePlanLink(hash);
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
        expect(result.plan).toStrictEqual(plan);
      }),
      { numRuns: 300, seed: 20_250_301 },
    );
  });

  it.each(EXAMPLE_FILES)('carries the example %s in a link short enough for any chat app', (file) => {
    const plan = example(file);
    const hash = encodePlanLink(plan);
    expect(hash.length).toBeLessThan(LONG_LINK_CHARS / 2);
    expect(decodePlanLink(hash)).toStrictEqual({ ok: true, plan });
  });

  it('encodes the same plan to the same link every time', () => {
    const plan = example('research-agent.json');
    expect(encodePlanLink(plan)).toBe(encodePlanLink(structuredClone(plan)));
  });

  it('reads the hash with or without "#", beside other parameters, and with "=" percent-encoded', () => {
    const plan = example('flaky-api.json');
    const payload = encodePlanLink(plan).slice('#plan='.length);
    for (const hash of [`plan=${payload}`, `#view=run&plan=${payload}`, `#plan=${payload}&x=1`, `#plan%3D${payload}`]) {
      expect(decodePlanLink(hash)).toStrictEqual({ ok: true, plan });
    }
  });
});

describe('a link that is too long', () => {
  it('is refused before any decoding, even when it carries a valid plan', () => {
    const valid = encodePlanLink(example('parallel-fetches.json'));
    const hash = `${valid}&pad=${'a'.repeat(MAX_LINK_CHARS)}`;
    const started = performance.now();
    expect(linkMessage(decodePlanLink(hash))).toBe(`is too long: ${hash.length} characters (at most ${MAX_LINK_CHARS})`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(isPlanLink(hash)).toBe(true);
  });

  it('is accepted at exactly the limit', () => {
    const valid = encodePlanLink(example('parallel-fetches.json'));
    const hash = `${valid}&pad=${'a'.repeat(MAX_LINK_CHARS - valid.length - 5)}`;
    expect(hash).toHaveLength(MAX_LINK_CHARS);
    expect(decodePlanLink(hash).ok).toBe(true);
  });
});

describe('a deflate bomb', () => {
  // 50 MB of zeros packs into ~50 kB: a link of ~70,000 characters, well under the length cap.
  const zeros = new Uint8Array(50 * 1024 * 1024);
  const bomb = deflateSync(zeros, { level: 9 });

  it('is refused quickly, as unpacking past the plan size cap', () => {
    const hash = `#plan=v1.${encodeBase64Url(bomb)}`;
    expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
    const started = performance.now();
    const message = linkMessage(decodePlanLink(hash));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(message).toBe(`unpacks to more than ${MAX_INFLATED_BYTES} bytes (a plan is at most 16 MB)`);
  });

  it('stops inflating within a megabyte of the cap instead of producing all 50 MB', () => {
    const result = inflateWithCap(bomb, MAX_INFLATED_BYTES);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'too_large') throw new Error('expected too_large');
    expect(result.inflatedBytes).toBeGreaterThan(MAX_INFLATED_BYTES);
    expect(result.inflatedBytes).toBeLessThan(MAX_INFLATED_BYTES + 1.1 * 1024 * 1024);
  });

  it('stops just past a small cap too, whatever the cap', () => {
    for (const cap of [0, 1, 1000, 65_536, 1_000_000]) {
      const result = inflateWithCap(bomb, cap);
      if (result.ok || result.reason !== 'too_large') throw new Error(`expected too_large at cap ${cap}`);
      expect(result.inflatedBytes).toBeLessThan(cap + 1.1 * 1024 * 1024);
    }
  });

  it('inflates data at exactly the cap', () => {
    const bytes = new Uint8Array(5000).fill(65);
    const result = inflateWithCap(deflateSync(bytes), 5000);
    expect(result.ok && result.bytes.length).toBe(5000);
    expect(inflateWithCap(deflateSync(bytes), 4999).ok).toBe(false);
  });
});

describe('a damaged link', () => {
  const hash = encodePlanLink(example('sequential-chain.json'));
  const payload = hash.slice('#plan=v1.'.length);

  it('is refused at every point it could be cut short, always as a link problem', () => {
    for (let cut = 0; cut < payload.length; cut++) {
      const result = decodePlanLink(`#plan=v1.${payload.slice(0, cut)}`);
      expect(problemsOf(result).map((p) => p.path)).toEqual([LINK_PATH]);
    }
  });

  it('says so when the compressed data ends too early', () => {
    const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(example('sequential-chain.json'))));
    const cut = encodeBase64Url(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(linkMessage(decodePlanLink(`#plan=v1.${cut}`))).toBe('is cut short or damaged: the compressed data ends too early');
  });

  it('says so when the compressed data is corrupt', () => {
    // A first byte of 0b111: the last block, of the reserved block type 3.
    expect(linkMessage(decodePlanLink(`#plan=v1.${encodeBase64Url(Uint8Array.of(7, 0, 0, 0))}`))).toBe(
      'is damaged: the compressed data is corrupt (invalid block type)',
    );
  });

  it('never throws and never yields an invalid plan, whatever bytes are changed', () => {
    fc.assert(
      fc.property(fc.nat({ max: payload.length - 1 }), fc.constantFrom(...'ABCabc019-_'), (at, ch) => {
        const tampered = payload.slice(0, at) + ch + payload.slice(at + 1);
        const result = decodePlanLink(`#plan=v1.${tampered}`);
        if (result.ok) expect(parsePlanText(JSON.stringify(result.plan)).ok).toBe(true);
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const hash of [text, `#plan=${text}`, `#plan=v1.${text}`]) {
          const result = decodePlanLink(hash);
          expect(result.ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  refusesEach('is refused for %s', [
    ['bad base64url', '#plan=v1.abc$def', 'is damaged: its data has a character that is not base64url ("$" at 3)'],
    ['standard base64 padding', '#plan=v1.YWJj==', 'is damaged: its data has a character that is not base64url ("=" at 4)'],
    ['an empty payload', '#plan=v1.', 'is cut short or damaged: it holds no data'],
  ]);

  it('is refused when the unpacked bytes are not UTF-8', () => {
    expect(linkMessage(decodePlanLink(linkOfBytes(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d))))).toBe(
      'is damaged: the plan inside is not valid UTF-8 text',
    );
  });

  it('is refused when the unpacked text is not JSON', () => {
    expect(linkMessage(decodePlanLink(linkOfText('{"format": "toolwave.plan", ')))).toMatch(
      /^is damaged: the plan inside is not valid JSON \(.+\)$/,
    );
  });
});

describe('a link of the wrong kind', () => {
  refusesEach('is refused: %s', [
    ['an empty hash', '', 'holds no plan (expected "#plan=v1.…")'],
    ['a hash with other parameters only', '#view=run&seed=3', 'holds no plan (expected "#plan=v1.…")'],
    ['a newer version', '#plan=v2.AAAA', 'is a v2 link; this version of Toolwave reads v1 links (it may come from a newer Toolwave)'],
    ['no version', '#plan=AAAA', 'is not a Toolwave plan link: "plan=" must be followed by "v1."'],
    ['an upper-case version', '#plan=V1.AAAA', 'is not a Toolwave plan link: "plan=" must be followed by "v1."'],
  ]);

  it('is told apart from a hash that carries no plan at all', () => {
    expect(isPlanLink('#plan=v1.AAAA')).toBe(true);
    expect(isPlanLink('#plan=v9.x')).toBe(true);
    expect(isPlanLink('#view=run')).toBe(false);
    expect(isPlanLink('')).toBe(false);
  });
});

describe('a tampered link that unpacks to an invalid plan', () => {
  it('is refused with the problems at their plan paths', () => {
    const plan = JSON.parse(JSON.stringify(example('research-agent.json')));
    plan.calls[1].retry.maxAttempts = 0;
    plan.dependencies.push({ from: 'search', to: 'nowhere', optional: false });
    plan.calls[0].surprise = true;
    const problems = problemsOf(decodePlanLink(linkOfText(JSON.stringify(plan)))).map(formatProblem);
    expect(problems).toEqual(
      expect.arrayContaining([
        'calls[1].retry.maxAttempts: must be at least 1',
        `dependencies[${plan.dependencies.length - 1}].to: unknown call id "nowhere"`,
        'calls[0].surprise: unknown key (not part of the plan format)',
      ]),
    );
    expect(problems.some((p) => p.startsWith(LINK_PATH))).toBe(false);
  });

  it('is refused when it smuggles a "__proto__" key', () => {
    const text = JSON.stringify(example('parallel-fetches.json')).replace('"input":{', '"input":{"__proto__":{"polluted":true},');
    const problems = problemsOf(decodePlanLink(linkOfText(text)));
    expect(problems[0].message).toContain('"__proto__" is a reserved key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is refused when it is JSON but not a plan', () => {
    expect(problemsOf(decodePlanLink(linkOfText('[1, 2, 3]')))[0].path).toBe('(plan)');
  });
});

/** Text that does not compress (mulberry32 over 90 printable characters), the same for the same seed. */
function noise(length: number, seed: number): string {
  let a = seed >>> 0;
  const chars: string[] = [];
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    chars.push(String.fromCharCode(33 + (((t ^ (t >>> 14)) >>> 0) % 90)));
  }
  return chars.join('');
}

describe('a share URL', () => {
  it('replaces the page hash with the plan and reads back the same plan', () => {
    const plan = example('auth-abort.json');
    const result = createShareLink(plan, 'https://toolwave.example/editor?x=1#plan=v1.old');
    if (!result.ok) throw new Error(result.message);
    expect(result.url.startsWith('https://toolwave.example/editor?x=1#plan=v1.')).toBe(true);
    expect(result.url).not.toContain('old');
    expect(result.warning).toBeNull();
    expect(decodePlanLink(new URL(result.url).hash)).toStrictEqual({ ok: true, plan });
  });

  it('warns when the link is long enough for some apps to cut it', () => {
    const plan = example('parallel-fetches.json');
    const result = createShareLink({ ...plan, calls: [{ ...plan.calls[0], output: noise(8000, 1) }] }, 'https://t.example/');
    if (!result.ok) throw new Error(result.message);
    expect(result.warning).toMatch(/^This link is [0-9,]+ characters long: some apps cut links/);
  });

  it('is refused, pointing to export, when the plan is too large for a link', () => {
    const base = example('parallel-fetches.json');
    const calls = Array.from({ length: 24 }, (_, i) => ({ ...base.calls[0], id: `big_${i}`, output: noise(100_000, i + 2) }));
    const result = createShareLink({ ...base, calls, dependencies: [] }, 'https://t.example/');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^This plan is too large for a share link \([0-9,]+ characters, at most 2,000,000\): export it as a file instead\.$/,
    );
  });
});
