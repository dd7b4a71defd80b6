// The simulation kernel (docs/engine.md): one event loop over typed arrays, shared by simulate() and Monte Carlo.
// With a Recorder it reports every step for the trace; without one it allocates nothing per run.
// Never: React, DOM, wall clock, Math.random. Same compiled plan + base key → same run.
import {
  EFFECT_NONE,
  FK_ERROR,
  FK_PARTIAL,
  FK_RATE,
  FK_SLOW,
  FK_TIMEOUT,
  LAT_FIXED,
  LAT_UNIFORM,
  ON_ABORT,
  STRATEGY_EAGER,
  STRATEGY_SEQUENTIAL,
  STRATEGY_WAVES,
  type CompiledPlan,
} from './compile';
import { TimedHeap } from './heap';
import { combine, combineMixed, draw, mixLeft, normalQuantile } from './random';

// Live statuses, then final ones (>= S_SUCCEEDED).
export const S_WAITING = 0;
export const S_QUEUED = 1;
export const S_RUNNING = 2;
export const S_RETRY_WAIT = 3;
export const S_SUCCEEDED = 10;
export const S_PARTIAL = 11;
export const S_FAILED = 12;
export const S_TIMED_OUT = 13;
export const S_SKIPPED = 14;
export const S_CANCELLED = 15;
export const S_NOT_STARTED = 16;
export const S_HUNG = 17;

// How the current attempt will end (decided when it starts).
export const R_OK = 0;
export const R_PARTIAL = 1;
export const R_ERROR = 2;
export const R_RATE = 3;
export const R_TIMEOUT = 4;
export const R_HANG = 5;

/** pendFault marker: the result comes from the sub-agent's nested outcome, not from a fault. */
export const FAULT_NESTED = -2;
export const FAULT_NONE = -1;

export const O_COMPLETE = 0;
export const O_PARTIAL = 1;
export const O_ABORTED = 2;
export const O_DEADLINE = 3;
export const O_STUCK = 4;

const EV_END = 0;
const EV_RETRY = 1;
const EV_GATE = 2;

/** What simulate() listens to; Monte Carlo passes none. Calls are indices; times virtual ms. */
export interface Recorder {
  /** A model turn emits its calls at t (every first attempt until the next turn belongs to it). */
  turn(t: number, wave: number | null): void;
  attemptStart(t: number, call: number, attempt: number): void;
  /** The attempt's planned result, known at its start: the kernel reports it at its end. */
  attemptEnd(t: number, call: number, attempt: number, result: number, fault: number, retryable: boolean): void;
  retry(t: number, call: number, nextAttempt: number, due: number, wait: number): void;
  final(t: number, call: number, status: number): void;
  /** A running attempt cut by a stop, or left hanging at the end (t null). */
  attemptCut(t: number | null, call: number): void;
  stop(t: number, reason: 'abort' | 'deadline', by: number): void;
  /** Recorder for the nested run of a sub-agent attempt, run by `child`. */
  nested(call: number, attempt: number, child: Kernel): Recorder;
  /** Called once the nested run of that attempt is over, with the child kernel's final state. */
  nestedDone(call: number, attempt: number, child: Kernel): void;
  /** Compensation phase (after a stop): call's compensation starts attempt k at t. */
  compStart(t: number, call: number, attempt: number): void;
  /** The compensation attempt ends at t (null: it hangs, and no compensation after it starts). */
  compEnd(t: number | null, call: number, attempt: number, result: number, fault: number, retryable: boolean): void;
  compRetry(t: number, call: number, nextAttempt: number, due: number, wait: number): void;
  /** The compensation's final status (S_SUCCEEDED, S_FAILED, S_TIMED_OUT, S_HUNG or S_NOT_STARTED; t NaN when it has no end). */
  compFinal(t: number, call: number, status: number): void;
  /** Called at the end of the run (compensations included). */
  done(kernel: Kernel): void;
}

export class Kernel {
  readonly cp: CompiledPlan;
  readonly status: Uint8Array;
  readonly attempts: Int32Array;
  /** When the call became final (NaN while not). */
  readonly finalTime: Float64Array;
  readonly keys: Uint32Array;
  outcome = O_COMPLETE;
  /** NaN when stuck. */
  makespan = 0;
  stopAt = NaN;
  /** Index of the call that aborted the plan, or -1. */
  stopBy = -1;
  /** When the run settled: the end of the last compensation, else the makespan; NaN when stuck or a compensation hung. */
  settled = 0;

  // Side effects (filled only when the plan has effects; see docs/side-effects.md).
  /** Per call: attempts that applied the effect (succeeded, partial, or an error that says `applied`). */
  readonly effApplied: Int32Array;
  /** Per call: attempts that may have applied it (cut by a timeout, cancelled by a stop, hung). */
  readonly effUnknown: Int32Array;
  /** Per call: end of the last applied or unknown attempt (NaN: none, or it never ended). */
  readonly landedAt: Float64Array;
  /** Per call: its compensation's status (0: it did not run; S_SUCCEEDED, S_FAILED, S_TIMED_OUT, S_HUNG, S_NOT_STARTED). */
  readonly compStatus: Uint8Array;
  /** Calls compensated by the last run, in the order their compensations ran (compCount of them). */
  readonly compOrder: Int32Array;
  compCount = 0;
  /** mixLeft(base): the run's half of every stream key. */
  private baseMix = 0;
  /** The product of the slow faults rollFaults saw fire. */
  private rolledSlow = 1;

  private readonly remUp: Int32Array;
  private readonly bad: Uint8Array;
  private readonly pend: Uint8Array;
  private readonly pendFault: Int32Array;
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
  private readonly stride: Int32Array;
  /** Whether runs without a recorder may try the event-free pass first. */
  private readonly fastPath: boolean;

  constructor(cp: CompiledPlan) {
    this.cp = cp;
    const n = cp.n;
    this.status = new Uint8Array(n);
    this.attempts = new Int32Array(n);
    this.finalTime = new Float64Array(n);
    const slots = n + cp.m;
    this.keys = new Uint32Array(slots);
    this.remUp = new Int32Array(n);
    this.bad = new Uint8Array(n);
    this.pend = new Uint8Array(slots);
    this.pendFault = new Int32Array(slots);
    this.effApplied = new Int32Array(n);
    this.effUnknown = new Int32Array(n);
    this.landedAt = new Float64Array(n);
    this.compStatus = new Uint8Array(n);
    this.compOrder = new Int32Array(cp.m);
    this.waveRem = new Int32Array(Math.max(1, cp.waveCount));
    this.children = cp.nested.map((p) => (p === null ? null : new Kernel(p)));
    this.events = new TimedHeap(n + 2);
    this.ready = new TimedHeap(n + 1);
    this.released = new Int32Array(n + 1);
    this.uncapped = cp.cap >= n;
    this.readyList = new Int32Array(n + 1);
    this.stride = new Int32Array(slots);
    for (let i = 0; i < slots; i++) this.stride[i] = cp.fStart[i + 1] - cp.fStart[i] + 2;
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

  private resetEffects(): void {
    this.effApplied.fill(0);
    this.effUnknown.fill(0);
    this.landedAt.fill(NaN);
    this.compStatus.fill(0);
  }

  /** What attempt of c that ended at t with `result` did to the world. */
  private noteEffect(c: number, t: number, result: number): void {
    if (result === R_OK || result === R_PARTIAL || (result === R_ERROR && this.pendFault[c] >= 0 && this.cp.fApplied[this.pendFault[c]] === 1)) {
      this.effApplied[c]++;
      this.landedAt[c] = t;
    } else if (result === R_TIMEOUT) {
      this.effUnknown[c]++;
      this.landedAt[c] = t;
    }
  }

  /**
   * The saga rule: after a stop, every call whose effect landed and that has a compensation is undone, one at a
   * time from the stop instant, latest landing first (a tie: the later call first). The deadline does not cut them;
   * a compensation that hangs leaves the ones after it not started.
   */
  private compensate(rec: Recorder | null): void {
    const cp = this.cp;
    const n = cp.n;
    const order = this.compOrder;
    let k = 0;
    for (let c = 0; c < n; c++) if (cp.compOf[c] >= 0 && this.effApplied[c] + this.effUnknown[c] > 0) order[k++] = c;
    const landed = this.landedAt;
    order.subarray(0, k).sort((a, b) => landed[b] - landed[a] || b - a);
    this.compCount = k;
    let t = this.stopAt;
    let hung = false;
    for (let j = 0; j < k; j++) {
      const c = order[j];
      if (hung) {
        this.compStatus[c] = S_NOT_STARTED;
        if (rec !== null) rec.compFinal(NaN, c, S_NOT_STARTED);
        continue;
      }
      const slot = cp.compOf[c];
      this.keys[slot] = combineMixed(this.baseMix, cp.compMix[slot - n]);
      let fin = S_SUCCEEDED;
      for (let a = 1; ; a++) {
        if (rec !== null) rec.compStart(t, c, a);
        const dur = this.planToolAttempt(slot, a);
        const result = this.pend[slot];
        if (dur === Infinity) {
          hung = true;
          fin = S_HUNG;
          if (rec !== null) rec.compEnd(null, c, a, result, this.pendFault[slot], false);
          break;
        }
        const end = t + dur;
        const retryable = this.retryableOf(slot);
        if (rec !== null) rec.compEnd(end, c, a, result, this.pendFault[slot], retryable);
        t = end;
        if (result === R_OK || result === R_PARTIAL) break;
        if (retryable && a < cp.maxAttempts[slot]) {
          const wait = this.retryWait(slot, a, result);
          if (rec !== null) rec.compRetry(t, c, a + 1, t + wait, wait);
          t += wait;
          continue;
        }
        fin = result === R_TIMEOUT ? S_TIMED_OUT : S_FAILED;
        break;
      }
      this.compStatus[c] = fin;
      if (rec !== null) rec.compFinal(hung ? NaN : t, c, fin);
    }
    this.settled = hung ? NaN : t;
  }

  /**
   * The event-free pass: with no cap and no sub-agents, calls interact only through their inputs and the
   * model turns, so a run that neither stops nor hangs is one walk in topological order with exactly the
   * kernel's arithmetic. Returns false (and the event loop runs instead) when an abort, the deadline or a
   * hang would change the course of the run.
   */
  private runFast(): boolean {
    const cp = this.cp;
    const baseMix = this.baseMix;
    const idMix = cp.idMix;
    const n = cp.n;
    const status = this.status;
    const attempts = this.attempts;
    const fin = this.finalTime;
    const turnMs = cp.modelTurnMs;
    const strategy = cp.strategy;
    const order = strategy === STRATEGY_WAVES ? cp.waveList : cp.seqOrder;
    let makespan = 0;
    let allOk = true;
    const effects = cp.hasEffects;
    if (effects) this.resetEffects();
    // End of the last wave that ran (waves) or of the last call (sequential).
    let last = 0;
    let wave = -1;
    let gate = turnMs;
    let waveEnd = -1;
    for (let j = 0; j < n; j++) {
      const c = order[j];
      if (strategy === STRATEGY_WAVES && cp.wave[c] !== wave) {
        // A wave that ran ends when its last call is final; one whose calls were all skipped costs nothing.
        if (waveEnd >= 0) last = waveEnd;
        waveEnd = -1;
        wave = cp.wave[c];
        gate = last + turnMs;
      }
      let ready = 0;
      let bad = false;
      for (let e = cp.upStart[c]; e < cp.upStart[c + 1]; e++) {
        const u = cp.upList[e];
        if (fin[u] > ready) ready = fin[u];
        if (cp.upBlocks[e] === 1 && status[u] !== S_SUCCEEDED && status[u] !== S_PARTIAL) bad = true;
      }
      attempts[c] = 0;
      if (bad) {
        status[c] = S_SKIPPED;
        fin[c] = ready;
        allOk = false;
        continue;
      }
      let t = strategy === STRATEGY_WAVES ? gate : strategy === STRATEGY_EAGER ? (cp.upStart[c] === cp.upStart[c + 1] ? turnMs : ready) : last + turnMs;
      this.keys[c] = combineMixed(baseMix, idMix[c]);
      let s = 0;
      for (let k = 1; ; k++) {
        const dur = this.planToolAttempt(c, k);
        if (dur === Infinity) return false;
        attempts[c] = k;
        const end = t + dur;
        const result = this.pend[c];
        if (effects && cp.effect[c] !== EFFECT_NONE) this.noteEffect(c, end, result);
        if (result === R_OK || result === R_PARTIAL) {
          s = result === R_OK ? S_SUCCEEDED : S_PARTIAL;
          t = end;
          break;
        }
        if (this.retryableOf(c) && k < cp.maxAttempts[c]) {
          t = end + this.retryWait(c, k, result);
          continue;
        }
        if (cp.onFailure[c] === ON_ABORT) return false;
        s = result === R_TIMEOUT ? S_TIMED_OUT : S_FAILED;
        t = end;
        break;
      }
      status[c] = s;
      fin[c] = t;
      if (s !== S_SUCCEEDED) allOk = false;
      if (t > makespan) makespan = t;
      if (t > waveEnd) waveEnd = t;
      last = strategy === STRATEGY_SEQUENTIAL ? t : last;
    }
    if (makespan > cp.deadline) return false;
    this.outcome = allOk ? O_COMPLETE : O_PARTIAL;
    this.makespan = makespan;
    this.settled = makespan;
    this.stopBy = -1;
    this.stopAt = NaN;
    return true;
  }

  /** The wait before retry k (after attempt k failed with `result`): docs/engine.md#retries. */
  private retryWait(c: number, k: number, result: number): number {
    const cp = this.cp;
    let wait = cp.initialInterval[c];
    if (wait > 0 && k > 1) wait *= Math.pow(cp.coefficient[c], k - 1);
    if (wait > cp.maxInterval[c]) wait = cp.maxInterval[c];
    if (cp.jitterFull[c] === 1) wait *= draw(this.keys[c], k * this.stride[c] - 1);
    if (result === R_RATE) {
      const after = cp.fParam[this.pendFault[c]];
      if (after > wait) wait = after;
    }
    return wait;
  }

  /** Whether the pending failure of c may be retried. */
  private retryableOf(c: number): boolean {
    const r = this.pend[c];
    if (r === R_RATE || r === R_TIMEOUT) return true;
    if (r === R_ERROR) {
      const f = this.pendFault[c];
      return f >= 0 && this.cp.fRetryable[f] === 1;
    }
    return false;
  }

  /** Draws attempt k of call c and decides how it ends; returns its duration (Infinity: it hangs). */
  private planAttempt(c: number, k: number, rec: Recorder | null): number {
    return this.cp.isAgent[c] === 1 ? this.planAgentAttempt(c, k, rec) : this.planToolAttempt(c, k);
  }

  /**
   * Rolls every fault of slot c for attempt k (draws j0, j0 + 1, …; a probability-0 or listed fault still takes its
   * draw), multiplies the slow ones that fired into `rolledSlow`, and returns the first other one that fired.
   */
  private rollFaults(c: number, k: number, key: number, j0: number): number {
    const cp = this.cp;
    let j = j0;
    let slow = 1;
    let decider = FAULT_NONE;
    const fEnd = cp.fStart[c + 1];
    for (let f = cp.fStart[c]; f < fEnd; f++) {
      const uf = draw(key, j++);
      const p = cp.fProb[f];
      const fired = p >= 0 ? uf < p : k < 128 && ((cp.fMask[f * 4 + (k >>> 5)] >>> (k & 31)) & 1) === 1;
      if (!fired) continue;
      if (cp.fKind[f] === FK_SLOW) slow *= cp.fParam[f];
      else if (decider === FAULT_NONE) decider = f;
    }
    this.rolledSlow = slow;
    return decider;
  }

  /** How an attempt ends, given its duration and deciding fault; stores it in pend/pendFault and returns the duration. */
  private settleAttempt(c: number, dur: number, decider: number, result: number): number {
    const cp = this.cp;
    if (decider >= 0) {
      const fk = cp.fKind[decider];
      if (fk === FK_ERROR) result = R_ERROR;
      else if (fk === FK_RATE) result = R_RATE;
      else if (fk === FK_PARTIAL) result = R_PARTIAL;
      else if (fk === FK_TIMEOUT) {
        result = R_HANG;
        dur = Infinity;
      }
    }
    if (dur > cp.timeout[c]) {
      result = R_TIMEOUT;
      dur = cp.timeout[c];
    }
    this.pend[c] = result;
    this.pendFault[c] = decider;
    return dur;
  }

  /** An attempt of a tool call or a compensation: its latency, then its faults. */
  private planToolAttempt(c: number, k: number): number {
    const cp = this.cp;
    const key = this.keys[c];
    const j = (k - 1) * this.stride[c];
    const u = draw(key, j);
    const kind = cp.latKind[c];
    const latency = kind === LAT_FIXED ? cp.latA[c] : kind === LAT_UNIFORM ? cp.latA[c] + u * cp.latB[c] : Math.exp(cp.latA[c] + cp.latB[c] * normalQuantile(u));
    let decider = FAULT_NONE;
    let slow = 1;
    if (cp.fStart[c] !== cp.fStart[c + 1]) {
      decider = this.rollFaults(c, k, key, j + 1);
      slow = this.rolledSlow;
    }
    return this.settleAttempt(c, latency * slow, decider, R_OK);
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

  /** Abort or deadline at t: running and retry-waiting calls are cancelled, the rest not started. */
  private stopRun(t: number, reason: 'abort' | 'deadline', by: number, rec: Recorder | null): void {
    const status = this.status;
    if (rec !== null) rec.stop(t, reason, by);
    for (let c = 0; c < this.cp.n; c++) {
      const s = status[c];
      if (s >= S_SUCCEEDED) continue;
      if (s === S_RUNNING || s === S_RETRY_WAIT || (s === S_QUEUED && this.attempts[c] > 0)) {
        if (s === S_RUNNING && rec !== null) rec.attemptCut(t, c);
        // A request in flight when the plan stops may have gone through.
        if (s === S_RUNNING && this.cp.effect[c] !== EFFECT_NONE) {
          this.effUnknown[c]++;
          this.landedAt[c] = t;
        }
        status[c] = S_CANCELLED;
        this.finalTime[c] = t;
        if (rec !== null) rec.final(t, c, S_CANCELLED);
      } else {
        status[c] = S_NOT_STARTED;
        if (rec !== null) rec.final(t, c, S_NOT_STARTED);
      }
    }
    this.outcome = reason === 'abort' ? O_ABORTED : O_DEADLINE;
    this.makespan = t;
    this.stopAt = t;
    this.stopBy = by;
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
