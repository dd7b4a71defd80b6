// The framework snippets map each field exactly (attempt counts, units, names), say in a comment what they cannot
// express, and are well-formed code whatever the plan's names and text hold.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse';
import type { Plan, ToolCall } from '../plan/schema';
import { codeFileName, emitCode, EXPORT_TARGETS } from './index';
import { emitLangGraph } from './langgraph';
import { emitPython } from './python';
import { emitTemporal } from './temporal';
import { emitVercel } from './vercel';

function example(name: string): Plan {
  const parsed = parsePlanText(readFileSync(join(process.cwd(), 'public/examples', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(name);
  return parsed.plan;
}

const flaky = example('flaky-api');
const research = example('research-agent');
const auth = example('auth-abort');

function withCall(plan: Plan, id: string, patch: Partial<ToolCall>): Plan {
  return { ...plan, calls: plan.calls.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

const hostile: Plan = {
  ...flaky,
  name: 'Evil\n# import os; os.system("x")\n// ${process.exit()} */ """',
  calls: flaky.calls.map((c, i) => (i === 0 ? { ...c, label: 'label\nbreak */', input: { 'q"\'': 'a\nb """ \' */ ${x}' } } : c)),
};

function syntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function pythonParses(code: string): boolean {
  execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
  return true;
}

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe('every export target', () => {
  it.each(EXPORT_TARGETS.filter((t) => t.language === 'typescript').map((t) => t.id))(
    '%s is TypeScript with no syntax error, hostile text included',
    (target) => {
      for (const plan of [flaky, research, auth, hostile]) expect(syntaxErrors(emitCode(plan, target))).toEqual([]);
    },
  );

  it.skipIf(!hasPython)('python is Python that parses, hostile text included', () => {
    for (const plan of [flaky, research, auth, hostile]) expect(pythonParses(emitPython(plan))).toBe(true);
  });

  it('names its file after the plan and the target', () => {
    expect(codeFileName('Research agent', 'ts')).toBe('research-agent.ts');
    expect(codeFileName('Research agent', 'python')).toBe('research_agent.py');
    expect(codeFileName('Research agent', 'temporal')).toBe('research-agent.temporal.ts');
    expect(codeFileName('<img onerror>', 'langgraph')).toBe('img-onerror.langgraph.ts');
    expect(codeFileName('***', 'vercel')).toBe('plan.vercel.ts');
  });
});

describe('Temporal', () => {
  const code = emitTemporal(flaky);

  it("maps a call's retry field by field: maximumAttempts counts the first attempt as maxAttempts does, intervals in ms", () => {
    expect(code).toContain(
      'const check_stock = proxyActivities<typeof activities>({\n  startToCloseTimeout: 2000, // ms, per attempt\n  retry: { maximumAttempts: 4, initialInterval: 200, backoffCoefficient: 2, maximumInterval: 2000, nonRetryableErrorTypes: [NON_RETRYABLE] },\n}).http_api;',
    );
  });

  it('says what RetryPolicy cannot hold and computes it in toFailure: full jitter, retry-after, an initial interval of 0', () => {
    const jittered = emitTemporal(research);
    expect(jittered).toContain('// Not expressible as is: full jitter is not in RetryPolicy');
    expect(jittered).toContain("if (r.jitter === 'full') wait *= Math.random();");
    expect(code).toContain('if (err.retryAfterMs !== undefined) wait = Math.max(wait, err.retryAfterMs);');
    const zero = emitTemporal(withCall(flaky, 'check_stock', { retry: { ...flaky.calls[1].retry, initialIntervalMs: 0 } }));
    expect(zero).toContain('Temporal refuses 0, so 1 ms');
    expect(zero).toContain('initialInterval: 1,');
  });

  it('bounds the workflow by the plan deadline, and a call with neither timeout nor deadline by a named limit', () => {
    expect(emitTemporal(research)).toContain('const scope = new CancellationScope({ timeout: 30000 }); // the plan deadline, ms');
    const open = emitTemporal(withCall(flaky, 'find_product', { timeoutMs: null }));
    expect(open).toContain("const NO_TIMEOUT_IN_PLAN = '1 day';");
    expect(open).toContain('// Not expressible as is: no timeout and no deadline in the plan');
  });

  it('runs waves together and cancels the rest when an abort call fails', () => {
    const abort = emitTemporal(auth);
    expect(abort).toContain('// Wave 1: one model turn emits these calls together');
    expect(abort).toContain('run("get_crm_token", [], "abort"');
    expect(abort).toContain("if (onFailure === 'abort') scope.cancel();");
  });
});

describe('LangGraph JS', () => {
  it('maps retryPolicy field by field, jitter off, timeout in ms, and no errorHandler on an abort call', () => {
    const code = emitLangGraph(flaky);
    expect(code).toContain(
      'retryPolicy: { maxAttempts: 4, initialInterval: 200, backoffFactor: 2, maxInterval: 2000, jitter: false, retryOn, logWarning: false },',
    );
    expect(code).toContain('timeout: 2000, // ms, per attempt');
    expect(code).toContain("// Not expressible: a rate limit's retryAfterMs: retryPolicy has no per-error wait.");
    expect(emitLangGraph(auth)).toContain('// onFailure "abort": no errorHandler, so the error stops the whole graph.');
  });

  it('joins a call on all its inputs (one superstep per wave), or chains calls under the sequential strategy', () => {
    expect(emitLangGraph(research)).toContain(
      '.addEdge(["search", "fetch_1", "fetch_2", "fetch_3"], "extract") // runs once all of them have',
    );
    const chain = emitLangGraph({ ...research, settings: { ...research.settings, strategy: 'sequential' } });
    expect(chain).toContain('.addEdge("fetch_3", "extract")');
    expect(chain).toContain('a chain of edges in dependency order');
  });

  it('passes the deadline and the concurrency cap as invoke options', () => {
    const capped = emitLangGraph({ ...research, settings: { ...research.settings, maxConcurrency: 2 } });
    expect(capped).toContain('await buildGraph(tools).invoke({}, { maxConcurrency: 2, signal: AbortSignal.timeout(30000) });');
  });
});

describe('Vercel AI SDK', () => {
  const code = emitVercel(flaky);

  it('wraps each tool in its policy and says maxRetries counts retries of the model request only', () => {
    expect(code).toContain("generateText's maxRetries counts retries, not attempts, and only of the model request");
    expect(code).toMatch(
      /http_api: \{\n {4}maxAttempts: 4,\n {4}initialIntervalMs: 200,\n {4}backoffCoefficient: 2,\n {4}maximumIntervalMs: 2000,\n {4}jitter: "none",\n {4}timeoutMs: 2000,/,
    );
    expect(code).toContain('execute: (input, { abortSignal }) => run("http_api", POLICY.http_api, abortSignal');
  });

  it('says when calls sharing a tool set different policies (the model picks tools, not calls)', () => {
    expect(code).toContain('// Not expressible per call: quote_shipping, reserve_stock set another policy than check_stock for this tool');
  });

  it('stops the run on an abort failure and at the deadline', () => {
    expect(emitVercel(auth)).toContain("if (p.onFailure === 'abort') stop.abort(err);");
    expect(emitVercel(research)).toContain('const signals = [stop.signal, AbortSignal.timeout(30000)]; // the plan deadline, ms');
  });
});

describe('Python (asyncio + tenacity)', () => {
  const code = emitPython(research);

  it('states each policy in seconds, and maps it to stop_after_attempt and wait_exponential / wait_random_exponential', () => {
    expect(code).toContain(
      '"search": Policy(max_attempts=2, initial_s=0.5, coefficient=2, maximum_s=50.0, full_jitter=True, timeout_s=4.0, on_failure="degrade"),',
    );
    expect(code).toContain(
      'base = (wait_random_exponential if p.full_jitter else wait_exponential)(multiplier=p.initial_s, max=p.maximum_s, exp_base=p.coefficient)',
    );
    expect(code).toContain('stop=stop_after_attempt(p.max_attempts),');
    expect(code).toContain('retry=retry_if_exception_type((RetryableToolError, TimeoutError)),');
    expect(code).toContain('async with asyncio.timeout(p.timeout_s):');
  });

  it("keeps a rate limit's retry-after as the least wait, and bounds the plan by its deadline", () => {
    expect(code).toContain('return max(base(state), after) if after is not None else base(state)');
    expect(code).toContain('async with asyncio.timeout(30.0):  # the plan deadline');
  });
});
