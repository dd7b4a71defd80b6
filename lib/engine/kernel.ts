// The simulation kernel (docs/engine.md): one event loop over typed arrays, shared by simulate() and Monte Carlo.
// With a Recorder it reports every step for the trace; without one it allocates nothing per run. Its codes live in
// kernel-codes.ts, attempts and side effects in kernel-attempts.ts, the event-free pass in kernel-fast.ts.
// Never: React, DOM, wall clock, Math.random. Same compiled plan + base key → same run.
import { EFFECT_NONE, ON_ABORT, STRATEGY_EAGER, STRATEGY_SEQUENTIAL, STRATEGY_WAVES, type CompiledPlan } from './compile';
import { TimedHeap } from './heap';
import { FastKernel } from './kernel-fast';
import {
  FAULT_NESTED,
  FAULT_NONE,
  O_COMPLETE,
  O_PARTIAL,
  O_STUCK,
  R_ERROR,
  R_HANG,
  R_OK,
  R_PARTIAL,
  R_TIMEOUT,
  S_FAILED,
  S_HUNG,
  S_NOT_STARTED,
  S_PARTIAL,
  S_QUEUED,
  S_RETRY_WAIT,
  S_RUNNING,
  S_SKIPPED,
  S_SUCCEEDED,
  S_TIMED_OUT,
  S_WAITING,
  type Recorder,
} from './kernel-codes';
import { combine, combineMixed, mixLeft } from './random';

export * from './kernel-codes';

const EV_END = 0;
const EV_RETRY = 1;
const EV_GATE = 2;

export class Kernel extends FastKernel {
  private readonly remUp: Int32Array;
  private readonly bad: Uint8Array;
  private readonly waveRem: Int32Array;
  private readonly children: (Kernel | null)[];
  // Events: (time, type × (n + 1) + argument).
  private readonly events: TimedHeap;
  // Ready queue: (ready time, wave × n + index). Uncapped, everything released at an instant starts at
  // that instant, so a buffer sorted by key replaces the heap (same order, no heap work).
  private readonly ready: TimedHeap;
  private readonly released: Int32Array;
  private releasedN = 0;
  private readonly uncapped: boolean;
  private readonly readyList: Int32Array;
  /** Whether runs without a recorder may try the event-free pass first. */
  private readonly fastPath: boolean;

  constructor(cp: CompiledPlan) {
    super(cp);
    const n = cp.n;
    this.remUp = new Int32Array(n);
    this.bad = new Uint8Array(n);
    this.waveRem = new Int32Array(Math.max(1, cp.waveCount));
    this.children = cp.nested.map((p) => (p === null ? null : new Kernel(p)));
    this.events = new TimedHeap(n + 2);
    this.ready = new TimedHeap(n + 1);
    this.released = new Int32Array(n + 1);
    this.uncapped = cp.cap >= n;
    this.readyList = new Int32Array(n + 1);
    this.fastPath = this.uncapped && cp.isAgent.every((a) => a === 0);
  }

  /** Runs the plan once; `base` is runBase(seed, run) at the top, combine(agent key, attempt) when nested. */
  run(base: number, rec: Recorder | null): void {
    this.baseMix = mixLeft(base);
    this.compCount = 0;
    if (rec === null && this.fastPath && this.runFast()) return;
    const cp = this.cp;
    const n = cp.n;
    const status = this.status;
    const remUp = this.remUp;
    const finalTime = this.finalTime;
    const strategy = cp.strategy;
    const cap = cp.cap;
    const turnMs = cp.modelTurnMs;
    const deadline = cp.deadline;
    const nPlus = n + 1;

    status.fill(S_WAITING);
    this.attempts.fill(0);
    this.bad.fill(0);
    finalTime.fill(NaN);
    for (let i = 0; i < n; i++) {
      remUp[i] = cp.upStart[i + 1] - cp.upStart[i];
      this.keys[i] = combineMixed(this.baseMix, cp.idMix[i]);
    }
    for (let k = 0; k < cp.waveCount; k++) this.waveRem[k] = cp.waveStart[k + 1] - cp.waveStart[k];
    const events = this.events;
    events.size = 0;
    this.ready.size = 0;
    this.releasedN = 0;
    this.stopBy = -1;
    this.stopAt = NaN;
    const effects = cp.hasEffects;
    if (effects) this.resetEffects();

    let finalCount = 0;
    let lastFinal = 0;
    let inFlight = 0;
    let hanging = 0;
    let abortBy = -1;
    let gatePending = false;
    let currentWave = -1;
    let seqPos = 0;
    let eagerOpen = false;
    let rl = 0;
    let stopped = false;

    // The first model turn (wave 0, the eager batch, or the first sequential call) emits at modelTurnMs.
    if (n > 0) {
      events.push(turnMs, EV_GATE * nPlus + 0);
      gatePending = true;
    }

    while (finalCount < n) {
      let t: number;
      if (events.size > 0) t = events.time[0] < deadline ? events.time[0] : deadline;
      else if (deadline < Infinity) t = deadline;
      else break;

      // 1. Attempts that end at t.
      while (events.size > 0 && events.time[0] === t && events.key[0] < (EV_END + 1) * nPlus) {
        const c = events.key[0];
        events.pop();
        inFlight--;
        const result = this.pend[c];
        if (rec !== null) rec.attemptEnd(t, c, this.attempts[c], result, this.pendFault[c], this.retryableOf(c));
        if (effects && cp.effect[c] !== EFFECT_NONE) this.noteEffect(c, t, result);
        let fin = -1;
        if (result === R_OK) fin = S_SUCCEEDED;
        else if (result === R_PARTIAL) fin = S_PARTIAL;
        else {
          const retryable = this.retryableOf(c);
          const k = this.attempts[c];
          if (retryable && k < cp.maxAttempts[c]) {
            const wait = this.retryWait(c, k, result);
            status[c] = S_RETRY_WAIT;
            events.push(t + wait, EV_RETRY * nPlus + c);
            if (rec !== null) rec.retry(t, c, k + 1, t + wait, wait);
          } else {
            fin = result === R_TIMEOUT ? S_TIMED_OUT : S_FAILED;
            if (cp.onFailure[c] === ON_ABORT && abortBy === -1) abortBy = c;
          }
        }
        if (fin !== -1) {
          // Final: release downstreams (readiness is decided in step 3).
          status[c] = fin;
          finalTime[c] = t;
          finalCount++;
          if (t > lastFinal) lastFinal = t;
          this.waveRem[cp.wave[c]]--;
          if (rec !== null) rec.final(t, c, fin);
          const failed = fin !== S_SUCCEEDED && fin !== S_PARTIAL;
          for (let e = cp.downStart[c]; e < cp.downStart[c + 1]; e++) {
            const d = cp.downList[e];
            if (failed && cp.downBlocks[e] === 1) this.bad[d] = 1;
            if (--remUp[d] === 0) this.readyList[rl++] = d;
          }
        }
      }

      // 2. An abort, or the deadline, stops the plan.
      if (abortBy !== -1 || (t >= deadline && finalCount < n)) {
        this.stopRun(t, abortBy !== -1 ? 'abort' : 'deadline', abortBy, rec);
        stopped = true;
        break;
      }

      // 3. Skips and readiness (skips cascade at this instant).
      for (let r = 0; r < rl; r++) {
        const c = this.readyList[r];
        if (this.bad[c] === 1) {
          status[c] = S_SKIPPED;
          finalTime[c] = t;
          finalCount++;
          this.waveRem[cp.wave[c]]--;
          if (rec !== null) rec.final(t, c, S_SKIPPED);
          for (let e = cp.downStart[c]; e < cp.downStart[c + 1]; e++) {
            const d = cp.downList[e];
            if (cp.downBlocks[e] === 1) this.bad[d] = 1;
            if (--remUp[d] === 0) this.readyList[rl++] = d;
          }
        } else if (strategy === STRATEGY_EAGER && eagerOpen) {
          status[c] = S_QUEUED;
          this.release(t, cp.wave[c] * n + c);
        }
        // Under waves and sequential a ready call waits for its gate.
      }
      rl = 0;

      // Strategy bookkeeping: the next wave or turn once the current one is over.
      if (!gatePending) {
        if (strategy === STRATEGY_WAVES) {
          if (currentWave >= 0 && this.waveRem[currentWave] === 0) {
            let k = currentWave + 1;
            while (k < cp.waveCount && this.waveRem[k] === 0) k++;
            if (k < cp.waveCount) {
              events.push(t + turnMs, EV_GATE * nPlus + k);
              gatePending = true;
            }
          }
        } else if (strategy === STRATEGY_SEQUENTIAL) {
          if (status[cp.seqOrder[seqPos]] >= S_SUCCEEDED) {
            while (seqPos < n && status[cp.seqOrder[seqPos]] >= S_SUCCEEDED) seqPos++;
            if (seqPos < n) {
              events.push(t + turnMs, EV_GATE * nPlus + seqPos);
              gatePending = true;
            }
          }
        }
      }

      // 4. Retries that are due, then 5. wave or turn starts (the heap orders them so).
      while (events.size > 0 && events.time[0] === t) {
        const key = events.key[0];
        events.pop();
        if (key < EV_GATE * nPlus) {
          const c = key - nPlus;
          status[c] = S_QUEUED;
          this.release(t, cp.wave[c] * n + c);
        } else {
          const arg = key - EV_GATE * nPlus;
          gatePending = false;
          if (strategy === STRATEGY_WAVES) {
            currentWave = arg;
            const from = cp.waveStart[arg];
            const to = cp.waveStart[arg + 1];
            if (rec !== null) rec.turn(t, arg);
            for (let j = from; j < to; j++) {
              const c = cp.waveList[j];
              if (status[c] === S_WAITING) {
                status[c] = S_QUEUED;
                this.release(t, arg * n + c);
              }
            }
          } else if (strategy === STRATEGY_EAGER) {
            eagerOpen = true;
            if (rec !== null) rec.turn(t, null);
            for (let c = 0; c < n; c++) {
              if (status[c] === S_WAITING && remUp[c] === 0) {
                status[c] = S_QUEUED;
                this.release(t, cp.wave[c] * n + c);
              }
            }
          } else {
            const c = cp.seqOrder[arg];
            if (rec !== null) rec.turn(t, null);
            status[c] = S_QUEUED;
            this.release(t, cp.wave[c] * n + c);
          }
        }
      }

      // 6. Ready calls take free slots.
      if (this.uncapped && this.releasedN > 1) this.sortReleased();
      let next = 0;
      while ((this.uncapped ? this.releasedN > next : this.ready.size > 0) && inFlight < cap) {
        let c: number;
        if (this.uncapped) c = this.released[next++] % n;
        else {
          c = this.ready.key[0] % n;
          this.ready.pop();
        }
        inFlight++;
        const k = ++this.attempts[c];
        status[c] = S_RUNNING;
        if (rec !== null) rec.attemptStart(t, c, k);
        const dur = this.planAttempt(c, k, rec);
        if (dur === Infinity) {
          this.pend[c] = R_HANG;
          hanging++;
        } else {
          events.push(t + dur, c);
        }
      }
      this.releasedN = 0;
    }

    if (!stopped) {
      if (finalCount < n) {
        // Nothing more can happen: a call hangs for ever. A retry queued behind its slot started, and
        // never returns either, so it is hung too; everything else never started.
        for (let c = 0; c < n; c++) {
          const s = status[c];
          if (s === S_RUNNING || (s === S_QUEUED && this.attempts[c] > 0)) {
            // A hung attempt may have gone through: its effect is unknown, and never lands at a known instant.
            if (s === S_RUNNING && effects && cp.effect[c] !== EFFECT_NONE) this.effUnknown[c]++;
            status[c] = S_HUNG;
            if (rec !== null) {
              if (s === S_RUNNING) rec.attemptCut(null, c);
              rec.final(NaN, c, S_HUNG);
            }
          }
        }
        for (let c = 0; c < n; c++) {
          if (status[c] < S_SUCCEEDED) {
            status[c] = S_NOT_STARTED;
            if (rec !== null) rec.final(NaN, c, S_NOT_STARTED);
          }
        }
        this.outcome = hanging > 0 ? O_STUCK : O_PARTIAL;
        this.makespan = hanging > 0 ? NaN : lastFinal;
      } else {
        let all = true;
        for (let c = 0; c < n; c++) if (status[c] !== S_SUCCEEDED) all = false;
        this.outcome = all ? O_COMPLETE : O_PARTIAL;
        this.makespan = lastFinal;
      }
      this.settled = this.makespan;
    } else {
      this.settled = this.stopAt;
      if (cp.m > 0) this.compensate(rec);
    }
    if (rec !== null) rec.done(this);
  }

  /** Draws attempt k of call c and decides how it ends; returns its duration (Infinity: it hangs). */
  private planAttempt(c: number, k: number, rec: Recorder | null): number {
    return this.cp.isAgent[c] === 1 ? this.planAgentAttempt(c, k, rec) : this.planToolAttempt(c, k);
  }

  /** An attempt of a sub-agent: one run of its nested plan (keyed by its stream and the attempt), then its faults. */
  private planAgentAttempt(c: number, k: number, rec: Recorder | null): number {
    const cp = this.cp;
    const key = this.keys[c];
    // Draw j, the latency, is not used (the nested run decides how long it takes): the faults draw from j + 1 on, as a tool call's.
    const j = (k - 1) * this.stride[c];
    let decider = this.rollFaults(c, k, key, j + 1);
    const slow = this.rolledSlow;
    const child = this.children[c] as Kernel;
    const sub = rec === null ? null : rec.nested(c, k, child);
    child.run(combine(key, k), sub);
    if (rec !== null) rec.nestedDone(c, k, child);
    const latency = child.outcome === O_STUCK ? Infinity : child.makespan;
    let result = R_OK;
    if (decider === FAULT_NONE) {
      if (child.outcome === O_STUCK) result = R_HANG;
      else if (cp.opaque[c] === 1 || child.outcome === O_COMPLETE) result = R_OK;
      else if (child.outcome === O_PARTIAL) result = R_PARTIAL;
      else {
        result = R_ERROR;
        decider = FAULT_NESTED;
      }
    }
    return this.settleAttempt(c, latency * slow, decider, result);
  }

  /** Queues a ready call: into the heap under a cap, else into this instant's release buffer. */
  private release(time: number, key: number): void {
    if (this.uncapped) this.released[this.releasedN++] = key;
    else this.ready.push(time, key);
  }

  /** Insertion sort of the calls released at this instant by (wave, index); usually already in order. */
  private sortReleased(): void {
    const K = this.released;
    for (let i = 1; i < this.releasedN; i++) {
      const k = K[i];
      let j = i - 1;
      if (K[j] <= k) continue;
      while (j >= 0 && K[j] > k) {
        K[j + 1] = K[j];
        j--;
      }
      K[j + 1] = k;
    }
  }
}
