// fast-check arbitraries of VALID plans, already in parsed form (every default filled in, keys in schema order), for property tests.
// arbitraryPlan(options?) covers every schema feature; arbitraryFixedDag(options?) gives whole-number fixed latencies, no faults, no cap, no deadline (where docs/engine.md's closed forms hold).
// The parts of a call (latencies, retries, faults, effects) are in arbitrary-parts.ts.
import fc from 'fast-check';
import type {
  Dependency,
  Fault,
  JsonValue,
  Latency,
  OnFailure,
  Plan,
  RetryPolicy,
  Scenario,
  Settings,
  Strategy,
  ToolCall,
} from '../schema';
import { UINT32_MAX } from '../schema';
import {
  arbitraryEffect,
  arbitraryFault,
  arbitraryFaults,
  arbitraryLatency,
  arbitraryOnFailure,
  arbitraryRetry,
  fresh,
  jsonObject,
  jsonValue,
  ms,
  noFaults,
  noRetry,
  type EffectDraft,
} from './arbitrary-parts';

export { arbitraryFault, arbitraryLatency, arbitraryRetry } from './arbitrary-parts';

export interface ArbitraryPlanOptions {
  /** Fewest calls in the top plan (default 1; 0 is allowed). */
  minCalls?: number;
  /** Most calls in the top plan (default 8; keep it ≤ ~12 so shrinking stays quick). */
  maxCalls?: number;
  /** Allow `kind: "agent"` calls with a nested plan (default true). */
  agents?: boolean;
  /** Deepest nested plan: the top plan is depth 0 (default 2). */
  maxDepth?: number;
  /** Allow injected faults (default true). */
  faults?: boolean;
  /** Allow named scenarios, sometimes active (default true). */
  scenarios?: boolean;
  /**
   * List calls in a random order instead of topological order (default false). Edges are always drawn
   * from an acyclic order; with this on, the order of `calls` no longer follows it.
   */
  shuffleCalls?: boolean;
}

interface Config {
  minCalls: number;
  maxCalls: number;
  agents: boolean;
  maxDepth: number;
  faults: boolean;
  scenarios: boolean;
  shuffleCalls: boolean;
  /** Fixed latencies, no retry, no timeout, no cap, no deadline (arbitraryFixedDag). */
  fixedOnly: boolean;
}

function configOf(options: ArbitraryPlanOptions, fixedOnly: boolean): Config {
  const minCalls = options.minCalls ?? 1;
  const maxCalls = Math.max(minCalls, options.maxCalls ?? 8);
  return {
    minCalls,
    maxCalls,
    agents: !fixedOnly && (options.agents ?? true),
    maxDepth: options.maxDepth ?? 2,
    faults: !fixedOnly && (options.faults ?? true),
    scenarios: !fixedOnly && (options.scenarios ?? true),
    shuffleCalls: options.shuffleCalls ?? false,
    fixedOnly,
  };
}

const TOOLS = ['web_search', 'fetch_url', 'db_query', 'http_api', 'code_run', 'read_file', 'send_email', 'vector_search'] as const;

/** A call's own fields, before its id and references are known. */
interface CallDraft {
  tool: string;
  label: string | null;
  input: { [key: string]: JsonValue };
  output: JsonValue | null;
  latency: Latency;
  timeoutMs: number | null;
  retry: RetryPolicy;
  onFailure: OnFailure;
  faults: Fault[];
  position: { x: number; y: number } | null;
  agent: { plan: Plan; report: 'explicit' | 'opaque' } | null;
  effect: EffectDraft;
}

function callDraft(cfg: Config, depth: number): fc.Arbitrary<CallDraft> {
  const tool = fc.record({
    tool: fc.constantFrom(...TOOLS),
    label: fc.option(fc.constantFrom('Search the web', 'Fetch page', 'Look up orders', 'Résumé ✓'), { nil: null, freq: 4 }),
    input: jsonObject,
    output: fc.option(jsonValue, { nil: null, freq: 3 }),
    latency: arbitraryLatency(cfg.fixedOnly),
    timeoutMs: cfg.fixedOnly ? fc.constant(null) : fc.option(ms(3000, 1), { nil: null }),
    retry: cfg.fixedOnly ? noRetry : fc.oneof(noRetry, arbitraryRetry),
    onFailure: cfg.fixedOnly ? fc.constant('degrade' as const) : arbitraryOnFailure,
    faults: cfg.faults ? fc.oneof({ weight: 1, arbitrary: noFaults }, { weight: 2, arbitrary: arbitraryFaults }) : noFaults,
    position: fc.option(
      fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }, { noNullPrototype: true }),
      { nil: null, freq: 4 },
    ),
    agent: fc.constant(null),
    effect: cfg.fixedOnly ? fc.constant(null) : arbitraryEffect(false),
  });
  if (!cfg.agents || depth >= cfg.maxDepth) return tool;
  const nested = planArbitrary({ ...cfg, minCalls: 1, maxCalls: Math.min(4, cfg.maxCalls), shuffleCalls: false }, depth + 1);
  const agent = fc.tuple(tool, nested, fc.constantFrom('explicit' as const, 'opaque' as const)).map(([draft, plan, report]): CallDraft => ({
    ...draft,
    tool: 'sub_agent',
    latency: { kind: 'fixed', ms: 0 },
    agent: { plan, report },
  }));
  return fc.oneof({ weight: 7, arbitrary: tool }, { weight: 1, arbitrary: agent });
}

const ID_STEMS: Record<string, string> = {
  web_search: 'search',
  fetch_url: 'fetch',
  db_query: 'query',
  http_api: 'api',
  code_run: 'run',
  read_file: 'read',
  send_email: 'email',
  vector_search: 'recall',
  sub_agent: 'agent',
};

/** One possible edge i → j: absent, or present (optional or not, referenced in `to`'s input or not). */
type EdgeCell = null | { optional: boolean; referenced: boolean };

/** For each call j, one cell per earlier call i: edges only go from a lower to a higher index, so the graph is acyclic. */
function edgeMatrix(n: number): fc.Arbitrary<EdgeCell[][]> {
  const cell: fc.Arbitrary<EdgeCell> = fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.record({ optional: fc.constant(false), referenced: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ optional: fc.constant(true), referenced: fc.boolean() }) },
  );
  return fc.tuple(...Array.from({ length: n }, (_, j) => fc.array(cell, { minLength: j, maxLength: j })));
}

function planArbitrary(cfg: Config, depth: number): fc.Arbitrary<Plan> {
  return fc.integer({ min: cfg.minCalls, max: cfg.maxCalls }).chain((n) =>
    fc
      .record({
        drafts: fc.tuple(...Array.from({ length: n }, () => callDraft(cfg, depth))),
        edges: edgeMatrix(n),
        order: cfg.shuffleCalls
          ? fc.shuffledSubarray(
              Array.from({ length: n }, (_, i) => i),
              { minLength: n, maxLength: n },
            )
          : fc.constant(Array.from({ length: n }, (_, i) => i)),
        name: fc.constantFrom('Research question', 'Order lookup', 'Nightly report', 'Specialist', 'x'),
        description: fc.option(fc.constantFrom('Generated for a property test.', ''), { nil: null }),
        settings: settingsArbitrary(cfg, depth),
        scenarioDrafts:
          cfg.scenarios && n > 0
            ? fc.oneof(
                { weight: 3, arbitrary: noScenarios },
                { weight: 1, arbitrary: fc.array(scenarioDraft(n), { minLength: 1, maxLength: 2 }) },
              )
            : noScenarios,
        activeScenario: fc.option(fc.nat(), { nil: null, freq: 2 }),
      })
      .map(({ drafts, edges, order, name, description, settings, scenarioDrafts, activeScenario }): Plan => {
        const ids = drafts.map((d, i) => `${ID_STEMS[d.tool] ?? 'call'}_${i}`);
        const dependencies: Dependency[] = [];
        const calls: ToolCall[] = drafts.map((d, j) => {
          const input = { ...d.input };
          edges[j].forEach((cell, i) => {
            if (cell === null) return;
            dependencies.push({ from: ids[i], to: ids[j], optional: cell.optional });
            if (cell.referenced) input[`from_${ids[i]}`] = `{{${ids[i]}.text}}`;
          });
          return toCall(ids[j], d, input);
        });
        const scenarios: Scenario[] = scenarioDrafts.map((s, k) => ({
          id: `scenario_${k}`,
          name: s.name,
          faults: Object.fromEntries(s.faults.map(([callIndex, faults]) => [ids[callIndex], faults])),
        }));
        const scenario = scenarios.length > 0 && activeScenario !== null ? scenarios[activeScenario % scenarios.length].id : null;
        return {
          format: 'toolwave.plan',
          version: 1,
          name,
          ...(description === null ? {} : { description }),
          settings: { ...settings, scenario },
          calls: order.map((i) => calls[i]),
          dependencies,
          scenarios,
        };
      }),
  );
}

function toCall(id: string, d: CallDraft, input: { [key: string]: JsonValue }): ToolCall {
  return {
    id,
    tool: d.tool,
    ...(d.label === null ? {} : { label: d.label }),
    input,
    ...(d.output === null ? {} : { output: d.output }),
    latency: d.latency,
    timeoutMs: d.timeoutMs,
    retry: d.retry,
    onFailure: d.onFailure,
    faults: d.faults,
    ...(d.effect === null ? {} : { effect: d.effect.effect }),
    ...(d.effect === null || d.effect.compensation === null ? {} : { compensation: d.effect.compensation }),
    kind: d.agent === null ? 'tool' : 'agent',
    report: d.agent === null ? 'explicit' : d.agent.report,
    ...(d.position === null ? {} : { position: d.position }),
    ...(d.agent === null ? {} : { plan: d.agent.plan }),
  };
}

function settingsArbitrary(cfg: Config, depth: number): fc.Arbitrary<Omit<Settings, 'scenario'>> {
  const strategy = fc.constantFrom<Strategy>('waves', 'eager', 'sequential');
  const modelTurnMs = fc.oneof(fc.constant(0), cfg.fixedOnly ? fc.integer({ min: 1, max: 1500 }) : ms(1500, 1));
  const seed = depth === 0 ? fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: UINT32_MAX })) : fc.constant(1);
  if (cfg.fixedOnly) return fc.record({ strategy, maxConcurrency: fc.constant(null), modelTurnMs, deadlineMs: fc.constant(null), seed });
  return fc.record({
    strategy,
    maxConcurrency: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    modelTurnMs,
    deadlineMs: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: ms(20_000, 1) }),
    seed,
  });
}

interface ScenarioDraft {
  name: string;
  faults: [number, Fault[]][];
}

const noScenarios = fresh((): ScenarioDraft[] => []);

function scenarioDraft(n: number): fc.Arbitrary<ScenarioDraft> {
  return fc.record({
    name: fc.constantFrom('Search API down', 'Everything slow', 'Rate limited', 'Quiet day'),
    faults: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.array(arbitraryFault, { maxLength: 2 })), {
      maxLength: Math.min(n, 3),
      selector: ([i]) => i,
    }),
  });
}

/** Valid random plans of every feature (see ArbitraryPlanOptions). Parsing one gives it back unchanged. */
export function arbitraryPlan(options: ArbitraryPlanOptions = {}): fc.Arbitrary<Plan> {
  return planArbitrary(configOf(options, false), 0);
}

/**
 * Plans with whole-number fixed latencies and model turn, and no faults, retries, timeouts, cap, deadline, agents or
 * scenarios: docs/engine.md's closed forms hold exactly.
 */
export function arbitraryFixedDag(options: Pick<ArbitraryPlanOptions, 'minCalls' | 'maxCalls' | 'shuffleCalls'> = {}): fc.Arbitrary<Plan> {
  return planArbitrary(configOf(options, true), 0);
}
