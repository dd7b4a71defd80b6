// Export target "python": the plan in Python 3.11+ with asyncio and tenacity: per call AsyncRetrying
// (stop_after_attempt, wait_exponential / wait_random_exponential, retry_if_exception_type) inside asyncio.timeout,
// and run_plan() with the schedule and failure policies. Pure text; names checked against tenacity's source.
import type { Plan } from '../plan/schema';
import { commentText, pyLiteral, seconds } from './literal';
import { snippetPlan, toolFunction, type SnippetCall, type SnippetPlan } from './snippet-kit';

function policyLine(c: SnippetCall): string {
  const r = c.retry;
  const timeout = c.call.timeoutMs === null ? 'None' : seconds(c.call.timeoutMs);
  return `    ${JSON.stringify(c.id)}: Policy(max_attempts=${r.maxAttempts}, initial_s=${seconds(r.initialIntervalMs)}, coefficient=${r.backoffCoefficient}, maximum_s=${seconds(r.maximumIntervalMs)}, full_jitter=${r.jitter === 'full' ? 'True' : 'False'}, timeout_s=${timeout}, on_failure=${JSON.stringify(c.call.onFailure)}),`;
}

function runLine(c: SnippetCall, indent: string): string {
  return `run(${JSON.stringify(c.id)}, ${JSON.stringify(toolFunction(c.tool))}, ${pyLiteral(c.needs.map((n) => [n.id, n.optional]))}, ${pyLiteral(c.call.input, indent)})`;
}

function schedule(plan: Plan, sp: SnippetPlan): string[] {
  const calls = (ids: readonly string[]) => ids.flatMap((id) => sp.byId.get(id) ?? []);
  const pad = '            ';
  switch (plan.settings.strategy) {
    case 'waves':
      return sp.waves.flatMap((wave, k) => [
        `${pad}# Wave ${k + 1}: one model turn emits these calls together; the next waits for all of them.`,
        `${pad}async with asyncio.TaskGroup() as tg:`,
        ...calls(wave).map((c) => `${pad}    tg.create_task(${runLine(c, `${pad}    `)})`),
      ]);
    case 'sequential':
      return [`${pad}# One call per model turn, in dependency order.`, ...calls(sp.order).map((c) => `${pad}await ${runLine(c, pad)}`)];
    case 'eager':
      return [
        `${pad}# Each call starts as soon as every call it needs has ended.`,
        `${pad}done: dict[str, asyncio.Task[None]] = {}`,
        `${pad}async with asyncio.TaskGroup() as tg:`,
        ...calls(sp.order).flatMap((c) => [
          `${pad}    async def ${c.name}_when_ready() -> None:`,
          `${pad}        await asyncio.gather(${c.needs.map((n) => `done[${JSON.stringify(n.id)}]`).join(', ')})`,
          `${pad}        await ${runLine(c, `${pad}        `)}`,
          `${pad}    done[${JSON.stringify(c.id)}] = tg.create_task(${c.name}_when_ready())`,
        ]),
      ];
  }
}

export function emitPython(plan: Plan): string {
  const sp = snippetPlan(plan);
  const s = plan.settings;
  const tools = [...new Set(sp.calls.map((c) => c.tool))];
  const cap = s.maxConcurrency;
  return [
    `# ${commentText(plan.name)}: the plan in Python (3.11+, asyncio and tenacity), exported from Toolwave.`,
    '# Field by field, Toolwave → tenacity / asyncio (times in seconds here, milliseconds in Toolwave):',
    '#   maxAttempts (counts the first attempt) → stop_after_attempt(n) (counts attempts too; 1 = no retry)',
    '#   initialIntervalMs, backoffCoefficient,',
    '#   maximumIntervalMs                      → wait_exponential(multiplier=initial, exp_base=coefficient, max=maximum):',
    '#                                            before retry n it waits multiplier × exp_base^(n−1), capped: the same rule',
    '#   jitter "full"                          → wait_random_exponential(same arguments): a uniform draw in [0, that wait]',
    "#   rate limit retryAfterMs                → the wait is max(that, the error's retry_after_s)",
    '#   retryable failures                     → retry_if_exception_type((RetryableToolError, TimeoutError))',
    '#   timeoutMs (per attempt)                → asyncio.timeout(timeout_s) around each attempt',
    '#   onFailure, skips, strategy             → run_plan() below; an "abort" failure cancels the rest (TaskGroup)',
    `#   maxConcurrency                         → ${cap === null ? 'none in the plan' : `asyncio.Semaphore(${cap})`}`,
    `#   deadlineMs                             → ${s.deadlineMs === null ? 'none in the plan' : `asyncio.timeout(${seconds(s.deadlineMs)}) around the whole plan`}`,
    '#   modelTurnMs                            → nothing: a model turn is your own LLM call between batches',
    '',
    'from __future__ import annotations',
    '',
    'import asyncio',
    'import json',
    'import re',
    'from dataclasses import dataclass',
    'from typing import Any, Awaitable, Callable',
    '',
    'from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt, wait_exponential, wait_random_exponential',
    '',
    '',
    'class ToolError(Exception):',
    '    """A failure a retry will not fix (the plan\'s default for an error)."""',
    '',
    '',
    'class RetryableToolError(ToolError):',
    '    """A transient failure; for a 429, retry_after_s is the least wait before the next attempt."""',
    '',
    '    def __init__(self, message: str, retry_after_s: float | None = None) -> None:',
    '        super().__init__(message)',
    '        self.retry_after_s = retry_after_s',
    '',
    '',
    '@dataclass(frozen=True)',
    'class Policy:',
    '    max_attempts: int',
    '    initial_s: float',
    '    coefficient: float',
    '    maximum_s: float',
    '    full_jitter: bool',
    '    timeout_s: float | None',
    '    on_failure: str  # "degrade" | "abort" | "ignore"',
    '',
    '',
    'POLICIES: dict[str, Policy] = {',
    ...sp.calls.map(policyLine),
    '}',
    '',
    '',
    'def wait_for(p: Policy) -> Callable[[RetryCallState], float]:',
    '    base = (wait_random_exponential if p.full_jitter else wait_exponential)(multiplier=p.initial_s, max=p.maximum_s, exp_base=p.coefficient)',
    '',
    '    def wait(state: RetryCallState) -> float:',
    '        error = state.outcome.exception() if state.outcome is not None else None',
    '        after = getattr(error, "retry_after_s", None)',
    '        return max(base(state), after) if after is not None else base(state)',
    '',
    '    return wait',
    '',
    '',
    'async def with_policy(p: Policy, attempt: Callable[[], Awaitable[Any]]) -> Any:',
    '    """One call: each attempt cut at timeout_s, retryable failures retried as the plan says, the last error raised."""',
    '    async for retrying in AsyncRetrying(',
    '        stop=stop_after_attempt(p.max_attempts),',
    '        wait=wait_for(p),',
    '        retry=retry_if_exception_type((RetryableToolError, TimeoutError)),',
    '        reraise=True,',
    '    ):',
    '        with retrying:',
    '            async with asyncio.timeout(p.timeout_s):',
    '                return await attempt()',
    '',
    '',
    'REF = re.compile(r"\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]{0,63})((?:\\.[^.{}\\s]+)*)\\s*\\}\\}")',
    '',
    '',
    'def lookup(results: dict[str, dict[str, Any]], call_id: str, path: str) -> Any:',
    '    r = results.get(call_id)',
    '    cur = r.get("output") if r is not None and r["status"] == "succeeded" else None',
    '    for seg in path[1:].split(".") if path else []:',
    '        if isinstance(cur, list):',
    '            cur = cur[int(seg)] if seg.isdigit() and int(seg) < len(cur) else None',
    '        else:',
    '            cur = cur.get(seg) if isinstance(cur, dict) else None',
    '    return cur',
    '',
    '',
    'def resolve(value: Any, results: dict[str, dict[str, Any]]) -> Any:',
    '    """`{{id}}` / `{{id.path}}` from the results in hand: a lone reference becomes the value, an embedded one text."""',
    '    if isinstance(value, str):',
    '        whole = REF.fullmatch(value)',
    '        if whole:',
    '            return lookup(results, whole[1], whole[2])',
    '        return REF.sub(lambda m: v if isinstance(v := lookup(results, m[1], m[2]), str) else json.dumps(v), value)',
    '    if isinstance(value, list):',
    '        return [resolve(v, results) for v in value]',
    '    if isinstance(value, dict):',
    '        return {k: resolve(v, results) for k, v in value.items()}',
    '    return value',
    '',
    '',
    `Tools = dict[str, Callable[[Any], Awaitable[Any]]]  # one async function per tool: ${tools.map((t) => JSON.stringify(toolFunction(t))).join(', ')}`,
    '',
    '',
    'async def run_plan(tools: Tools) -> dict[str, dict[str, Any]]:',
    '    results: dict[str, dict[str, Any]] = {}',
    ...(cap === null ? [] : [`    slots = asyncio.Semaphore(${cap})  # at most ${cap} calls in flight`]),
    '',
    '    async def run(call_id: str, tool: str, needs: list[tuple[str, bool]], payload: Any) -> None:',
    '        blocker = next((n for n, optional in needs if not optional and results.get(n, {}).get("status") != "succeeded"), None)',
    '        if blocker is not None:',
    '            results[call_id] = {"status": "skipped", "reason": f"needs {blocker}, which did not succeed"}',
    '            return',
    '        p = POLICIES[call_id]',
    '        try:',
    ...(cap === null
      ? ['            output = await with_policy(p, lambda: tools[tool](resolve(payload, results)))']
      : ['            async with slots:', '                output = await with_policy(p, lambda: tools[tool](resolve(payload, results)))']),
    '            results[call_id] = {"status": "succeeded", "output": output}',
    '        except asyncio.CancelledError:',
    '            results[call_id] = {"status": "cancelled"}',
    '            raise',
    '        except Exception as error:',
    '            results[call_id] = {"status": "failed", "error": str(error)}',
    '            if p.on_failure == "abort":',
    '                raise  # leaves the TaskGroup: every call still running is cancelled',
    '',
    '    try:',
    `        async with asyncio.timeout(${s.deadlineMs === null ? 'None' : seconds(s.deadlineMs)}):${s.deadlineMs === null ? '  # the plan has no deadline' : '  # the plan deadline'}`,
    ...(plan.calls.length === 0 ? ['            pass'] : schedule(plan, sp)),
    '    except (TimeoutError, ExceptionGroup, ToolError):',
    '        pass  # stopped by the deadline or an abort: the results already in are kept',
    '    for call_id in POLICIES:',
    '        results.setdefault(call_id, {"status": "not_started"})',
    '    return results',
    ...(sp.agents.length > 0
      ? [
          '',
          `# Sub-agent calls (${sp.agents.join(', ')}) are nested plans in Toolwave: export each and await its run_plan inside its tool.`,
        ]
      : []),
    '',
  ].join('\n');
}
