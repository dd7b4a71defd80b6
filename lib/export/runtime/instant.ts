// When to act: a run sleeps until something happens (a result comes in, a timer is due), then lets every other event
// of that instant arrive, its nested sub-agent runs' included, before it handles the instant as one.
import { turnEndMs } from '../../engine/portable/facts';
import type { RunReport } from './types';

/**
 * A run in the tree of runs (the top plan and the sub-agent runs inside it). An instant is over for a run once
 * none of its nested runs still has work at that instant and one more turn of the clock brought nothing new.
 */
export interface Node {
  parent: Node | null;
  /** Nested runs woken at this instant that have not handled it yet. */
  busyBelow: number;
  /** Counts everything that happens in this run and below: results in, timers due, attempts started. */
  activity: number;
}

export class Waker {
  readonly node: Node;
  /** Set when the enclosing sub-agent attempt ended: the run stops and reports nothing. */
  interrupted = false;
  private busy = false;
  private pending = true;
  private resume: (() => void) | null = null;

  constructor(
    parent: Node | null,
    private readonly clock: () => number,
    private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>,
    private readonly signal: AbortSignal,
  ) {
    this.node = { parent, busyBelow: 0, activity: 0 };
    this.setBusy(true);
  }

  /** Something happened in this run (or below): note it, and wake the loop. */
  bump(): void {
    for (let x: Node | null = this.node; x !== null; x = x.parent) x.activity++;
  }

  setBusy(b: boolean): void {
    if (b === this.busy) return;
    this.busy = b;
    for (let x = this.node.parent; x !== null; x = x.parent) x.busyBelow += b ? 1 : -1;
  }

  wake(): void {
    // A run that is over (or was interrupted) takes no more news; only the interruption itself wakes it.
    if (this.signal.aborted && !this.interrupted) return;
    this.bump();
    this.setBusy(true);
    const resume = this.resume;
    if (resume === null) this.pending = true;
    else {
      this.resume = null;
      resume();
    }
  }

  /** Wakes the loop at `due`, first sleeping `delay` (so a virtual clock lands on exactly due), then any remainder. */
  arm(due: number, delay: number): void {
    if (!(delay > 0) || !Number.isFinite(delay)) return;
    const check = () => {
      if (this.signal.aborted) return;
      const left = due - this.clock();
      if (left > 0) void this.sleep(left, this.signal).then(check, check);
      else this.wake();
    };
    void this.sleep(delay, this.signal).then(check, check);
  }

  /** Waits for the next wake, then until the instant has settled here and below. */
  async next(): Promise<void> {
    if (this.pending) this.pending = false;
    else await new Promise<void>((resolve) => (this.resume = resolve));
    let seen: number;
    do {
      seen = this.node.activity;
      await this.sleep(0, this.signal);
    } while (!this.signal.aborted && (this.node.busyBelow > 0 || this.node.activity !== seen));
  }
}

/** Partial results' warnings, opaque sub-agents' hidden failures, and when each model turn ended. */
export function closeReport(report: RunReport): void {
  for (const call of report.calls) {
    const last = call.attempts[call.attempts.length - 1];
    if (call.status === 'partial' && last !== undefined) call.warning = last.message;
    const agent = report.plan.calls[call.index].agent;
    if (agent?.report === 'opaque' && last?.nested !== undefined)
      call.hiddenFailures = last.nested.calls.filter((x) => x.status !== 'succeeded').length;
  }
  for (const turn of report.turns) turn.endMs = turnEndMs(turn, report.calls);
}

/** A nested run's report with its times counted from its own start, as Toolwave shows a sub-agent's run. */
export function shiftReport(r: RunReport, t0: number, deadline: number, deadlineMs: number | null): RunReport {
  // The deadline instant maps back to the plan's own figure, so it reads exactly as written.
  const at = (t: number) => (t === deadline && deadlineMs !== null ? deadlineMs : t - t0);
  const maybe = (t: number | null) => (t === null ? null : at(t));
  if (r.makespanMs !== null) r.makespanMs = at(r.makespanMs);
  if (r.stop !== null) r.stop.atMs = at(r.stop.atMs);
  for (const c of r.calls) {
    c.startMs = maybe(c.startMs);
    c.endMs = maybe(c.endMs);
    if (c.reason !== null && (c.reason.kind === 'abort' || c.reason.kind === 'deadline')) c.reason.atMs = at(c.reason.atMs);
    for (const a of c.attempts) {
      a.startMs = at(a.startMs);
      a.endMs = maybe(a.endMs);
    }
  }
  for (const turn of r.turns) {
    turn.startMs = at(turn.startMs);
    turn.emitMs = at(turn.emitMs);
    turn.endMs = maybe(turn.endMs);
  }
  return r;
}
