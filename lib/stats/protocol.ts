// Messages between the page and the Monte Carlo workers. Plain data only: the plan as parsed JSON (each worker
// re-parses it with the schema: a worker trusts nothing it is sent) and chunk results as typed arrays, transferred.
import type { ChunkResult } from '../engine/montecarlo';
import type { Strategy } from '../plan/schema';

/** One worker's share: runs [offset, offset + count) of `plan` under `seed`, reported every `chunk` runs. */
export interface Job {
  type: 'job';
  /** Names the batch, so a late message of a cancelled batch is recognised and dropped. */
  batch: number;
  /** Which plan of the batch (0 = A, 1 = B, 2… = "what hurts most" variants). */
  variant: number;
  plan: unknown;
  seed: number;
  strategy?: Strategy;
  offset: number;
  count: number;
  chunk: number;
}

/** A chunk of runs done: the Monte Carlo chunk itself, addressed to its batch and variant. */
export interface ChunkMessage extends ChunkResult {
  type: 'chunk';
  batch: number;
  variant: number;
}

export interface DoneMessage {
  type: 'done';
  batch: number;
  variant: number;
  /** The call ids in compiled order (what the per-call arrays are indexed by). */
  ids: string[];
  /** Each call's effect code, in the same order (0: none; see lib/engine/compile.ts). */
  effects: number[];
}

export interface ErrorMessage {
  type: 'error';
  batch: number;
  variant: number;
  message: string;
}

export type WorkerMessage = ChunkMessage | DoneMessage | ErrorMessage;
