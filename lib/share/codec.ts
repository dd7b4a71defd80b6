// The share-link codec: a plan carried in the URL hash as `#plan=v1.<base64url of deflate-raw of its JSON>`.
// A link is untrusted input: decoding never throws, never inflates past LIMITS.maxBytes, and always ends in parsePlan.
import { Inflate, deflateSync } from 'fflate';
import type { Plan } from '../plan/schema';
import { parsePlan, type ParseResult, type Problem } from '../plan/parse';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { LINK_PARAM, LINK_PATH, LINK_VERSION, LONG_LINK_CHARS, MAX_INFLATED_BYTES, MAX_LINK_CHARS, planParam } from './link';

export { isPlanLink, LINK_PARAM, LINK_PATH, LINK_VERSION, LONG_LINK_CHARS, MAX_INFLATED_BYTES, MAX_LINK_CHARS } from './link';

/**
 * Compressed bytes fed to the inflater per step. Deflate expands at most ~1,032:1, so one step makes at
 * most ~1 MB of output and the cap is checked between steps: a bomb stops within a megabyte of the cap.
 */
const INFLATE_STEP = 1024;

const linkProblem = (message: string): ParseResult => ({ ok: false, problems: [{ path: LINK_PATH, message }] });

/** The canonical text a link carries: the plan's compact JSON (parsed plans list their keys in schema order). */
function canonicalJson(plan: Plan): string {
  return JSON.stringify(plan);
}

/** The hash (leading `#` included) that carries `plan`: `#plan=v1.…`. */
export function encodePlanLink(plan: Plan): string {
  const bytes = new TextEncoder().encode(canonicalJson(plan));
  return `#${LINK_PARAM}=${LINK_VERSION}.${encodeBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

export type ShareLinkResult = { ok: true; url: string; chars: number; warning: string | null } | { ok: false; message: string };

/** A full share URL for `plan` on the page at `pageUrl` (its own hash dropped), or why there can be none. */
export function createShareLink(plan: Plan, pageUrl: string): ShareLinkResult {
  let hash: string;
  try {
    hash = encodePlanLink(plan);
  } catch {
    return { ok: false, message: 'This plan could not be packed into a link: export it as a file instead.' };
  }
  if (hash.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      message: `This plan is too large for a share link (${hash.length.toLocaleString('en-US')} characters, at most ${MAX_LINK_CHARS.toLocaleString('en-US')}): export it as a file instead.`,
    };
  }
  const hashAt = pageUrl.indexOf('#');
  const url = (hashAt < 0 ? pageUrl : pageUrl.slice(0, hashAt)) + hash;
  const warning =
    url.length > LONG_LINK_CHARS
      ? `This link is ${url.length.toLocaleString('en-US')} characters long: some apps cut links longer than about ${LONG_LINK_CHARS.toLocaleString('en-US')}, so a file may travel better.`
      : null;
  return { ok: true, url, chars: url.length, warning };
}

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too_large'; inflatedBytes: number }
  | { ok: false; reason: 'corrupt' | 'truncated'; detail: string };

/**
 * Inflates raw deflate data, stopping as soon as the output passes `cap` bytes: a deflate bomb costs at most
 * about cap + 1 MB of memory, never its full size. Never throws.
 */
export function inflateWithCap(data: Uint8Array, cap: number): InflateResult {
  if (data.length === 0) return { ok: false, reason: 'truncated', detail: 'it holds no data' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
    else if (chunk.length > 0) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
      if (over) return { ok: false, reason: 'too_large', inflatedBytes: total };
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 0) return { ok: false, reason: 'truncated', detail: 'the compressed data ends too early' };
    const detail = err instanceof Error && err.message ? err.message : 'unreadable';
    return { ok: false, reason: 'corrupt', detail: `the compressed data is corrupt (${detail})` };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes: out };
}

/** Reads a share-link hash (`#plan=v1.…`, the `#` optional) back into a plan. Never throws. */
export function decodePlanLink(hash: string): ParseResult {
  try {
    return decode(hash);
  } catch {
    return linkProblem('could not be read');
  }
}

function decode(hash: string): ParseResult {
  if (typeof hash !== 'string') return linkProblem('is not text');
  if (hash.length > MAX_LINK_CHARS) {
    return linkProblem(`is too long: ${hash.length} characters (at most ${MAX_LINK_CHARS})`);
  }
  const payload = planParam(hash);
  if (payload === null) return linkProblem(`holds no plan (expected "#${LINK_PARAM}=${LINK_VERSION}.…")`);
  const dot = payload.indexOf('.');
  const version = dot < 0 ? '' : payload.slice(0, dot);
  if (version !== LINK_VERSION) {
    if (/^v[0-9]+$/.test(version)) {
      return linkProblem(`is a ${version} link; this version of Toolwave reads ${LINK_VERSION} links (it may come from a newer Toolwave)`);
    }
    return linkProblem(`is not a Toolwave plan link: "${LINK_PARAM}=" must be followed by "${LINK_VERSION}."`);
  }
  const base64 = decodeBase64Url(payload.slice(dot + 1));
  if (!base64.ok) return linkProblem(`is damaged: its data ${base64.message}`);
  const inflated = inflateWithCap(base64.bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    if (inflated.reason === 'too_large') {
      return linkProblem(`unpacks to more than ${MAX_INFLATED_BYTES} bytes (a plan is at most ${MAX_INFLATED_BYTES / (1024 * 1024)} MB)`);
    }
    const lead = inflated.reason === 'truncated' ? 'is cut short or damaged' : 'is damaged';
    return linkProblem(`${lead}: ${inflated.detail}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return linkProblem('is damaged: the plan inside is not valid UTF-8 text');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'unreadable';
    return linkProblem(`is damaged: the plan inside is not valid JSON (${detail})`);
  }
  return parsePlan(data);
}

export type { ParseResult, Problem };
