// A virtual clock for tests: timers fire in (time, registration) order and every promise chain settles before
// the next one fires, so a run that would take minutes takes milliseconds and lands on exact instants.
export class VirtualClock {
  private t = 0;
  private seq = 0;
  private timers: { time: number; seq: number; fire: () => void }[] = [];

  readonly now = (): number => this.t;

  /** Resolves `ms` from now, or at once when `signal` aborts (the runtime's sleep contract). */
  readonly sleep = (ms: number, signal: AbortSignal): Promise<void> => this.until(this.t + ms, signal).catch(() => undefined);

  /** Resolves at the absolute instant `time` (now, if that is past); rejects with an AbortError when `signal` aborts first. */
  until(at: number, signal: AbortSignal): Promise<void> {
    const time = Math.max(at, this.t);
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(abortError(signal));
        return;
      }
      const timer = {
        time,
        seq: this.seq++,
        fire: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      let i = this.timers.length;
      while (i > 0 && (this.timers[i - 1].time > time || (this.timers[i - 1].time === time && this.timers[i - 1].seq > timer.seq))) i--;
      this.timers.splice(i, 0, timer);
    });
  }

  /** Fires timers until none is left (every run ended, or only calls that never return remain). */
  async runUntilIdle(maxTimers = 1_000_000): Promise<void> {
    for (let fired = 0; ; fired++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const next = this.timers.shift();
      if (next === undefined) return;
      if (fired >= maxTimers) throw new Error(`the virtual clock fired ${maxTimers} timers without going idle`);
      if (next.time < this.t) throw new Error(`a timer for ${next.time} ms fired at ${this.t} ms`);
      this.t = next.time;
      next.fire();
    }
  }
}

/** Never resolves; rejects with an AbortError once `signal` aborts (a call that hangs until it is cut). */
export function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(abortError(signal));
    else signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
}

function abortError(signal: AbortSignal): Error {
  const e = new Error(signal.reason instanceof Error ? signal.reason.message : 'aborted');
  e.name = 'AbortError';
  return e;
}
