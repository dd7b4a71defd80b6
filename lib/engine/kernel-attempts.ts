// The kernel's attempts and side effects (docs/engine.md, docs/side-effects.md): the run's state arrays, how one
// attempt of a call or a compensation is drawn and ends, the retry wait, a stop, and the saga that undoes landed
// effects. The event loop that orders the attempts is Kernel (kernel.ts), which extends this class.
// Never: React, DOM, wall clock, Math.random.
import { EFFECT_NONE, FK_ERROR, FK_PARTIAL, FK_RATE, FK_SLOW, FK_TIMEOUT, LAT_FIXED, LAT_UNIFORM, type CompiledPlan } from './compile';
import { combineMixed, draw, normalQuantile } from './random';
import { FAULT_NONE, type Recorder } from './kernel-codes';
import { O_ABORTED, O_COMPLETE, O_DEADLINE } from './kernel-codes';
import { R_ERROR, R_HANG, R_OK, R_PARTIAL, R_RATE, R_TIMEOUT } from './kernel-codes';
import { S_CANCELLED, S_FAILED, S_HUNG, S_NOT_STARTED, S_QUEUED, S_RETRY_WAIT, S_RUNNING, S_SUCCEEDED, S_TIMED_OUT } from './kernel-codes';

export abstract class AttemptKernel {
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
  protected baseMix = 0;
  /** The product of the slow faults rollFaults saw fire. */
  protected rolledSlow = 1;
  protected readonly pend: Uint8Array;
  protected readonly pendFault: Int32Array;
  protected readonly stride: Int32Array;

  constructor(cp: CompiledPlan) {
    this.cp = cp;
    const n = cp.n;
    this.status = new Uint8Array(n);
    this.attempts = new Int32Array(n);
    this.finalTime = new Float64Array(n);
    const slots = n + cp.m;
    this.keys = new Uint32Array(slots);
    this.pend = new Uint8Array(slots);
    this.pendFault = new Int32Array(slots);
    this.effApplied = new Int32Array(n);
    this.effUnknown = new Int32Array(n);
    this.landedAt = new Float64Array(n);
    this.compStatus = new Uint8Array(n);
    this.compOrder = new Int32Array(cp.m);
    this.stride = new Int32Array(slots);
    for (let i = 0; i < slots; i++) this.stride[i] = cp.fStart[i + 1] - cp.fStart[i] + 2;
  }

  protected resetEffects(): void {
    this.effApplied.fill(0);
    this.effUnknown.fill(0);
    this.landedAt.fill(NaN);
    this.compStatus.fill(0);
  }

  /** What attempt of c that ended at t with `result` did to the world. */
  protected noteEffect(c: number, t: number, result: number): void {
    if (
      result === R_OK ||
      result === R_PARTIAL ||
      (result === R_ERROR && this.pendFault[c] >= 0 && this.cp.fApplied[this.pendFault[c]] === 1)
    ) {
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
  protected compensate(rec: Recorder | null): void {
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

  /** The wait before retry k (after attempt k failed with `result`): docs/engine.md#retries. */
  protected retryWait(c: number, k: number, result: number): number {
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
  protected retryableOf(c: number): boolean {
    const r = this.pend[c];
    if (r === R_RATE || r === R_TIMEOUT) return true;
    if (r === R_ERROR) {
      const f = this.pendFault[c];
      return f >= 0 && this.cp.fRetryable[f] === 1;
    }
    return false;
  }

  /**
   * Rolls every fault of slot c for attempt k (draws j0, j0 + 1, …; a probability-0 or listed fault still takes its
   * draw), multiplies the slow ones that fired into `rolledSlow`, and returns the first other one that fired.
   */
  protected rollFaults(c: number, k: number, key: number, j0: number): number {
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
  protected settleAttempt(c: number, dur: number, decider: number, result: number): number {
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
  protected planToolAttempt(c: number, k: number): number {
    const cp = this.cp;
    const key = this.keys[c];
    const j = (k - 1) * this.stride[c];
    const u = draw(key, j);
    const kind = cp.latKind[c];
    const latency =
      kind === LAT_FIXED
        ? cp.latA[c]
        : kind === LAT_UNIFORM
          ? cp.latA[c] + u * cp.latB[c]
          : Math.exp(cp.latA[c] + cp.latB[c] * normalQuantile(u));
    let decider = FAULT_NONE;
    let slow = 1;
    if (cp.fStart[c] !== cp.fStart[c + 1]) {
      decider = this.rollFaults(c, k, key, j + 1);
      slow = this.rolledSlow;
    }
    return this.settleAttempt(c, latency * slow, decider, R_OK);
  }

  /** Abort or deadline at t: running and retry-waiting calls are cancelled, the rest not started. */
  protected stopRun(t: number, reason: 'abort' | 'deadline', by: number, rec: Recorder | null): void {
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
}
