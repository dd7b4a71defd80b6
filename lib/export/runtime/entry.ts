// The entry point: checks that every tool the plan calls has a function, fills in the defaults (a real clock,
// setTimeout, Math.random), and runs the plan. Every decision about the run itself is in run.ts.
import { defaultClassifier } from './outcomes';
import { execute } from './run';
import type { PlanSpec, RunOptions, RunReport, Tools } from './types';

function missingTools(plan: PlanSpec, tools: Tools, compensations: Tools, out: Set<string>): Set<string> {
  for (const c of plan.calls) {
    if (c.agent !== undefined) missingTools(c.agent.plan, tools, compensations, out);
    else if (typeof tools[c.tool] !== 'function') out.add(c.tool);
    if (c.compensation !== undefined && typeof compensations[c.compensation.tool] !== 'function')
      out.add(`${c.compensation.tool} (a compensation)`);
  }
  return out;
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

/** Runs `plan` with `tools` and resolves with the report once every call is final (or the plan stopped). */
export async function runPlanSpec(plan: PlanSpec, tools: Tools, options: RunOptions = {}): Promise<RunReport> {
  const compensations = options.compensations ?? {};
  const missing = [...missingTools(plan, tools, compensations, new Set())];
  if (missing.length > 0) throw new Error(`no function given for tool${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
  const background: Promise<unknown>[] = [];
  const now = options.now ?? (() => performance.now());
  const origin = now();
  const report = await execute(plan, tools, {
    clock: () => now() - origin,
    origin: 0,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    classify: options.classifyError ?? defaultClassifier,
    modelTurnMs: options.modelTurnMs,
    agentAnswer: options.agentAnswer,
    onEvent: options.onEvent ?? (() => {}),
    parents: [],
    outer: null,
    parent: null,
    compensations,
    background,
  });
  if (report === null) throw new Error('the run was interrupted');
  // Sub-agents' compensations that outlast their nested runs: the report is whole once they are over.
  for (let seen = 0; seen < background.length; seen = background.length) await Promise.all(background.slice(seen));
  return report;
}
