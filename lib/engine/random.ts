// Deterministic, counter-based random streams (docs/engine.md#random-streams). No Math.random, no state to share.
// Draw j of a stream is a pure function of (stream key, j), so runs split across workers agree exactly.

/** MurmurHash3's 32-bit finaliser: a fast, well-mixing bijection on uint32. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes two uint32 values into one key; order matters. combine(a, b) = combineMixed(mixLeft(a), mixRight(b)). */
export function combine(a: number, b: number): number {
  return combineMixed(mixLeft(a), mixRight(b));
}

/** The half of combine() that depends on its first argument only (hoisted out of loops over many b). */
export function mixLeft(a: number): number {
  return fmix32((a ^ 0x243f6a88) >>> 0);
}

/** The half of combine() that depends on its second argument only (precomputed per call id). */
export function mixRight(b: number): number {
  return Math.imul((b + 0x6a09e667) | 0, 0x9e3779b1);
}

export function combineMixed(left: number, right: number): number {
  return fmix32((left ^ right) >>> 0);
}

/** FNV-1a over UTF-16 code units, finalised: the stable 32-bit name of a call id. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h >>> 0);
}

/** The base key of run r of seed s; a call's stream key is combine(base, hashString(id)). */
export function runBase(seed: number, run: number): number {
  return combine(seed >>> 0, run >>> 0);
}

/**
 * Draw j (0-based) of the stream `key`: mulberry32's output for state key + (j + 1) × its increment,
 * mapped to the open interval (0, 1) so that `u < 1` always holds and `u < 0` never does.
 */
export function draw(key: number, j: number): number {
  const a = (key + Math.imul(j + 1, 0x6d2b79f5)) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9), for u in (0, 1). */
export function normalQuantileExact(u: number): number {
  const a1 = -39.69683028665376,
    a2 = 220.9460984245205,
    a3 = -275.9285104469687;
  const a4 = 138.357751867269,
    a5 = -30.66479806614716,
    a6 = 2.506628277459239;
  const b1 = -54.47609879822406,
    b2 = 161.5858368580409,
    b3 = -155.6989798598866;
  const b4 = 66.80131188771972,
    b5 = -13.28068155288572;
  const c1 = -0.007784894002430293,
    c2 = -0.3223964580411365,
    c3 = -2.400758277161838;
  const c4 = -2.549732539343734,
    c5 = 4.374664141464968,
    c6 = 2.938163982698783;
  const d1 = 0.007784695709041462,
    d2 = 0.3224671290700398,
    d3 = 2.445134137142996,
    d4 = 3.754408661907416;
  const low = 0.02425;
  if (u < low) {
    const q = Math.sqrt(-2 * Math.log(u));
    return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  }
  if (u > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  }
  const q = u - 0.5;
  const r = q * q;
  return ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) / (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1);
}

const TABLE_SIZE = 8192;
const TAIL = 0.02425;
/** Φ⁻¹ at i / TABLE_SIZE: the central region is read from here and interpolated (|error| < 2e-6). */
const QUANTILES = (() => {
  const q = new Float64Array(TABLE_SIZE + 1);
  for (let i = 1; i < TABLE_SIZE; i++) q[i] = normalQuantileExact(i / TABLE_SIZE);
  return q;
})();

/** The standard normal quantile for u in (0, 1): a table in the centre, Acklam's formula in the tails. */
export function normalQuantile(u: number): number {
  if (u < TAIL || u > 1 - TAIL) return normalQuantileExact(u);
  const x = u * TABLE_SIZE;
  const i = x | 0;
  return QUANTILES[i] + (x - i) * (QUANTILES[i + 1] - QUANTILES[i]);
}

/** z of the 95th percentile: lognormal sigma = ln(p95 / p50) / Z95. */
export const Z95 = 1.6448536269514722;
