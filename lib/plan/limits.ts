// The plan file's hard limits and numeric bounds (docs/plan-format.md#size-limits and "Bounds"): plain numbers, no
// zod, so that code which only needs a cap reads it without the schema.

export const CALL_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
export const UINT32_MAX = 4_294_967_295;

/** Hard caps that keep a hostile file from hanging the tab or the CLI (docs/plan-format.md#size-limits). */
export const LIMITS = {
  /** Bytes of plan text read at all. */
  maxBytes: 16 * 1024 * 1024,
  /** Calls in one plan (nested plans count separately, see maxTotalCalls). */
  maxCalls: 20_000,
  maxDependencies: 200_000,
  maxScenarios: 200,
  maxFaultsPerCall: 32,
  /** Calls across a plan and all its nested sub-agent plans. */
  maxTotalCalls: 50_000,
  /** Sub-agent nesting depth (a top plan is depth 0). */
  maxAgentDepth: 6,
  /** Worst-case attempts one run can make, nested retries multiplied out. */
  maxPotentialAttempts: 5_000_000,
  /** Nesting depth of any JSON value (input/output objects included). */
  maxJsonDepth: 64,
  maxStringLength: 100_000,
} as const;

/**
 * Upper bounds on every time and factor, so that no sum over a plan within LIMITS can overflow or blur: the worst
 * run they allow stays below 1e46 ms, far below Number.MAX_VALUE. docs/plan-format.md, "Bounds", works it out.
 */
export const BOUNDS = {
  /** Every time and interval, ms: 1e9 ms is about 11.6 days. */
  maxMs: 1_000_000_000,
  /** A slow fault's factor, a retry's backoffCoefficient, and a lognormal latency's p95Ms / p50Ms. */
  maxFactor: 1000,
  /** What the slow faults of one list multiply an attempt's latency by when they all fire. */
  maxSlowProduct: 1000,
  /** A canvas coordinate, px from the origin either way. */
  maxCoordinate: 1_000_000_000,
} as const;
