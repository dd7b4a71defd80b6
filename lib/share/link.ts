// What a share link looks like, without decoding it: the hash parameter, its limits, and whether a hash carries a
// plan at all. Light on purpose: the page asks on every load, and the codec (with its inflater) loads only for a link.
import { LIMITS } from '../plan/schema';

/** The hash parameter that carries a plan. */
export const LINK_PARAM = 'plan';
/** The payload's format version: a new payload format gets v2 and this codec keeps reading v1. */
export const LINK_VERSION = 'v1';
/** Longest hash decoded at all (characters), checked before any work. Chrome caps URLs near 2 MB. */
export const MAX_LINK_CHARS = 2_000_000;
/** Beyond this many characters some chat apps and mail clients cut links: the UI may say so. */
export const LONG_LINK_CHARS = 8_000;
/** Most bytes a link may unpack to: a plan file's own cap. */
export const MAX_INFLATED_BYTES = LIMITS.maxBytes;
/** Path of a problem with the link itself rather than the plan inside it. */
export const LINK_PATH = '(link)';

/** The plan payload of a hash (`#a=1&plan=v1.…`), or null when the hash carries no plan at all. */
export function planParam(hash: string): string | null {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.includes('%')) {
    try {
      h = decodeURIComponent(h);
    } catch {
      // Left as it is: a bad escape only matters if it sits inside the payload, and base64url decoding will say so.
    }
  }
  for (const part of h.split('&')) {
    if (part.startsWith(`${LINK_PARAM}=`)) return part.slice(LINK_PARAM.length + 1);
  }
  return null;
}

/**
 * Whether a hash is meant to carry a plan (well formed or not, too long included): the page then decodes it and
 * either asks before replacing anything or shows why the link is refused. Other hashes are none of its business.
 */
export function isPlanLink(hash: string): boolean {
  return typeof hash === 'string' && planParam(hash.slice(0, MAX_LINK_CHARS + 1)) !== null;
}
