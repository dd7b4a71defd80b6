// The kernel's event-free pass (docs/engine.md): a run with no cap and no sub-agents, walked in topological order.
// Kernel (kernel.ts) extends this class and falls back to its event loop when the pass returns false.
// Never: React, DOM, wall clock, Math.random.
import { EFFECT_NONE, ON_ABORT, STRATEGY_EAGER, STRATEGY_SEQUENTIAL, STRATEGY_WAVES } from './compile';
import { AttemptKernel } from './kernel-attempts';
import {
  O_COMPLETE,
  O_PARTIAL,
  R_OK,
  R_PARTIAL,
  R_TIMEOUT,
  S_FAILED,
  S_PARTIAL,
  S_SKIPPED,
  S_SUCCEEDED,
  S_TIMED_OUT,
} from './kernel-codes';
import { combineMixed } from './random';

export abstract class FastKernel extends AttemptKernel {
  /**
   * The event-free pass: with no cap and no sub-agents, calls interact only through their inputs and the
   * model turns, so a run that neither stops nor hangs is one walk in topological order with exactly the
   * kernel's arithmetic. Returns false (and the event loop runs instead) when an abort, the deadline or a
   * hang would change the course of the run.
   */
  protected runFast(): boolean {
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
      let t =
        strategy === STRATEGY_WAVES
          ? gate
          : strategy === STRATEGY_EAGER
            ? cp.upStart[c] === cp.upStart[c + 1]
              ? turnMs
              : ready
            : last + turnMs;
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
}
