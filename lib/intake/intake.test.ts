// Reading imports and share links off the page's thread: the same decisions and messages as the plan import, a plan
// carried back in small slices and put together exactly as parsed, and a cancel that stops the worker at once.
import { describe, expect, it, vi } from 'vitest';
import { layeredPlan } from '../engine/layered';
import { parsePlan, serializePlan, type Plan } from '../plan';
import { encodePlanLink } from '../share/codec';
import { IntakeCancelled, prewarmIntake, startIntake, type IntakeWorkerLike } from './client';
import { precheckFiles, runIntake, type PlanFileLike } from './intake-core';
import { CALLS_PER_MESSAGE, createAssembler, postOutcome, type IntakeJob, type IntakeMessage } from './protocol';

function layered(calls: number): Plan {
  const r = parsePlan(layeredPlan({ calls }));
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.plan;
}
const file = (name: string, text: string, type = 'application/json'): PlanFileLike => ({
  name,
  size: text.length,
  type,
  text: async () => text,
});

describe('a plan carried back in slices', () => {
  it('is put together exactly as it was parsed, in messages of at most a few hundred calls', () => {
    const plan = layered(1234);
    const messages: IntakeMessage[] = [];
    postOutcome({ kind: 'plan', plan }, (m) => messages.push(structuredClone(m)));
    expect(messages.filter((m) => m.type === 'calls')).toHaveLength(Math.ceil(1234 / CALLS_PER_MESSAGE));
    expect(Math.max(...messages.map((m) => (m.type === 'calls' ? m.calls.length : 0)))).toBeLessThanOrEqual(CALLS_PER_MESSAGE);
    const assembler = createAssembler();
    const outcomes = messages.map((m) => assembler.add(m));
    expect(outcomes.slice(0, -1).every((o) => o === null)).toBe(true);
    const last = outcomes.at(-1);
    expect(last?.kind === 'plan' && serializePlan(last.plan)).toBe(serializePlan(plan));
  });

  it('sends a refusal as it is', () => {
    const messages: IntakeMessage[] = [];
    postOutcome({ kind: 'refused', problems: [{ path: '(plan)', message: 'is not valid JSON: x' }] }, (m) => messages.push(m));
    expect(messages).toEqual([
      { type: 'done', outcome: { kind: 'refused', problems: [{ path: '(plan)', message: 'is not valid JSON: x' }] } },
    ]);
  });
});

describe('what an intake decides', () => {
  it('reads a plan file as a plan, saying each stage', async () => {
    const plan = layered(30);
    const stages: string[] = [];
    const outcome = await runIntake({ kind: 'files', files: [file('p.json', serializePlan(plan))] }, (s) => stages.push(s));
    expect(outcome.kind === 'plan' && outcome.plan).toEqual(plan);
    expect(stages).toEqual(['reading', 'checking']);
  });

  it('refuses a bad plan with its problems by path, and a share link that is damaged', async () => {
    const bad = await runIntake({ kind: 'files', files: [file('p.json', serializePlan(layered(3)).replace('"p50Ms": ', '"p50Ms": -'))] });
    expect(bad.kind === 'refused' && bad.problems[0].path).toMatch(/^calls\[\d+\]\.latency/);
    const link = await runIntake({ kind: 'link', hash: '#plan=v1.AAAA' });
    expect(link.kind === 'refused' && link.problems[0].path).toBe('(link)');
  });

  it('opens a share link’s plan', async () => {
    const plan = layered(12);
    const outcome = await runIntake({ kind: 'link', hash: encodePlanLink(plan) });
    expect(outcome.kind === 'link' && outcome.plan).toEqual(plan);
  });

  it('refuses before reading a byte what is not JSON or too large, alone or among several', () => {
    expect(precheckFiles([{ ...file('x.png', 'x', 'image/png') }])?.[0].message).toMatch(/not a plan file/);
    expect(precheckFiles([{ ...file('big.json', '{}'), size: 17 * 1024 * 1024 }])?.[0].message).toMatch(/too large: 17\.0 MB/);
    expect(precheckFiles([file('a.json', '{}'), { ...file('b.txt', '', 'text/plain') }])?.[0]).toEqual({
      path: 'b.txt',
      message: expect.stringMatching(/not a file Toolwave imports/),
    });
    expect(precheckFiles([])).toHaveLength(1);
    expect(precheckFiles([file('a.json', '{}')])).toBeNull();
  });
});

/** A worker that answers through the real intake code, after the test lets it. */
function fakeWorker(): IntakeWorkerLike & { job: IntakeJob | null; answer(): Promise<void>; terminated: boolean } {
  const w = {
    job: null as IntakeJob | null,
    terminated: false,
    onmessage: null as IntakeWorkerLike['onmessage'],
    onerror: null as IntakeWorkerLike['onerror'],
    postMessage(job: IntakeJob) {
      w.job = job;
    },
    terminate() {
      w.terminated = true;
    },
    async answer() {
      const outcome = await runIntake((w.job as IntakeJob).request, (stage) =>
        w.onmessage?.({ data: { type: 'stage', stage } } as MessageEvent<IntakeMessage>),
      );
      postOutcome(outcome, (m) => {
        if (!w.terminated) w.onmessage?.({ data: structuredClone(m) } as MessageEvent<IntakeMessage>);
      });
    },
  };
  return w;
}

describe('an intake on a worker', () => {
  it('hands back the worker’s outcome and lets the worker go', async () => {
    const plan = layered(700);
    const worker = fakeWorker();
    const stages: string[] = [];
    const task = startIntake(
      { kind: 'files', files: [file('p.json', serializePlan(plan))] },
      (s) => stages.push(s),
      () => worker,
    );
    await worker.answer();
    const outcome = await task.done;
    expect(outcome.kind === 'plan' && serializePlan(outcome.plan)).toBe(serializePlan(plan));
    expect(stages).toEqual(['reading', 'checking']);
    expect(worker.terminated).toBe(true);
  });

  it('stops the worker at once on cancel, and says it was cancelled', async () => {
    const worker = fakeWorker();
    const task = startIntake(
      { kind: 'link', hash: encodePlanLink(layered(5)) },
      () => {},
      () => worker,
    );
    task.cancel();
    expect(worker.terminated).toBe(true);
    await expect(task.done).rejects.toBeInstanceOf(IntakeCancelled);
  });

  it('does the work on this thread when the worker cannot start', async () => {
    const worker = fakeWorker();
    const plan = layered(8);
    const task = startIntake(
      { kind: 'link', hash: encodePlanLink(plan) },
      () => {},
      () => worker,
    );
    worker.onerror?.({ message: 'blocked' } as ErrorEvent);
    const outcome = await task.done;
    expect(outcome.kind === 'link' && outcome.plan).toEqual(plan);
  });

  it('runs on this thread where there is no Worker at all', async () => {
    const onStage = vi.fn();
    const outcome = await startIntake({ kind: 'files', files: [file('x.json', '{ nope')] }, onStage, () => null).done;
    expect(outcome.kind === 'refused' && outcome.problems[0].message).toMatch(/^is not valid JSON/);
    expect(onStage).toHaveBeenCalledWith('checking');
  });
});

describe('a worker started ahead of an import', () => {
  it('is the one the next intake uses, once, and a second start ahead makes no second worker', async () => {
    const worker = fakeWorker();
    const made = vi.fn(() => worker);
    prewarmIntake(made);
    prewarmIntake(made);
    expect(made).toHaveBeenCalledTimes(1);
    const plan = layered(12);
    const task = startIntake({ kind: 'files', files: [file('p.json', serializePlan(plan))] });
    expect(worker.job?.request.kind).toBe('files');
    await worker.answer();
    const outcome = await task.done;
    expect(outcome.kind === 'plan' && serializePlan(outcome.plan)).toBe(serializePlan(plan));
    // Taken: the next intake starts its own (no Worker here, so it runs on this thread).
    const next = await startIntake({ kind: 'files', files: [file('x.json', '{ nope')] }).done;
    expect(next.kind).toBe('refused');
    expect(worker.job?.request.kind).toBe('files');
  });

  it('is set aside when it fails before an intake takes it, and the intake still gets its outcome', async () => {
    const worker = fakeWorker();
    prewarmIntake(() => worker);
    worker.onerror?.({ message: 'blocked' } as ErrorEvent);
    expect(worker.terminated).toBe(true);
    const plan = layered(6);
    const outcome = await startIntake({ kind: 'link', hash: encodePlanLink(plan) }).done;
    expect(worker.job).toBeNull();
    expect(outcome.kind === 'link' && outcome.plan).toEqual(plan);
  });
});
