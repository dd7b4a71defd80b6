// The palette of common tools the editor offers (issue 3): each entry makes a complete, valid call.
// Plain data and one factory; the defaults are plausible figures for teaching, not measurements of any real service.
import type { JsonValue, Latency, Plan, ToolCall } from './schema';

export const TOOL_KEYS = ['web_search', 'fetch_url', 'db_query', 'http_api', 'code_run', 'sub_agent'] as const;
export type ToolKey = (typeof TOOL_KEYS)[number];

export interface PaletteEntry {
  key: ToolKey;
  /** The call's `tool` name; also the stem of its id (`web_search`, `web_search_2`, …). */
  tool: string;
  kind: 'tool' | 'agent';
  /** Short name shown in the palette. */
  label: string;
  /** One line on what the tool does. */
  description: string;
  latency: Latency;
  timeoutMs: number;
  input: { [key: string]: JsonValue };
  output: JsonValue;
  /** The nested plan of a sub-agent (kind "agent" only). */
  plan?: Plan;
}

const lognormal = (p50Ms: number, p95Ms: number): Latency => ({ kind: 'lognormal', p50Ms, p95Ms });

const WEB_SEARCH = {
  latency: lognormal(600, 1800),
  timeoutMs: 5000,
  input: { query: 'best practices for parallel tool calls', max_results: 5 },
  output: {
    results: [
      { title: 'Parallel tool use', url: 'https://example.com/parallel-tools', snippet: 'Independent calls can run in one batch…' },
      { title: 'Handling partial failure', url: 'https://example.com/partial-failure', snippet: 'Report what failed and why…' },
    ],
  },
};

/** The one-call plan a new sub-agent starts with: a web search, every default filled in. */
function subAgentPlan(): Plan {
  return {
    format: 'toolwave.plan',
    version: 1,
    name: 'Sub-agent task',
    settings: { strategy: 'waves', maxConcurrency: null, modelTurnMs: 0, deadlineMs: null, seed: 1, scenario: null },
    calls: [
      {
        id: 'web_search',
        tool: 'web_search',
        input: structuredClone(WEB_SEARCH.input),
        output: structuredClone(WEB_SEARCH.output),
        latency: WEB_SEARCH.latency,
        timeoutMs: WEB_SEARCH.timeoutMs,
        retry: { maxAttempts: 1, initialIntervalMs: 1000, backoffCoefficient: 2, jitter: 'none' },
        onFailure: 'degrade',
        faults: [],
        kind: 'tool',
        report: 'explicit',
      },
    ],
    dependencies: [],
    scenarios: [],
  };
}

const ENTRIES: { readonly [K in ToolKey]: Omit<PaletteEntry, 'key'> } = {
  web_search: {
    tool: 'web_search',
    kind: 'tool',
    label: 'Web search',
    description: 'Searches the web and returns ranked results with titles, links and snippets.',
    ...WEB_SEARCH,
  },
  fetch_url: {
    tool: 'fetch_url',
    kind: 'tool',
    label: 'Fetch URL',
    description: 'Downloads one page and returns its text.',
    latency: lognormal(400, 2000),
    timeoutMs: 8000,
    input: { url: 'https://example.com/article' },
    output: { status: 200, title: 'Example article', text: 'The page text, cleaned of markup…' },
  },
  db_query: {
    tool: 'db_query',
    kind: 'tool',
    label: 'Database query',
    description: 'Runs a read-only SQL query and returns the rows.',
    latency: lognormal(80, 400),
    timeoutMs: 2000,
    input: { sql: 'SELECT id, status, total FROM orders WHERE customer_id = $1 LIMIT 10', params: [42] },
    output: { rows: [{ id: 1017, status: 'shipped', total: 59.9 }], rowCount: 1 },
  },
  http_api: {
    tool: 'http_api',
    kind: 'tool',
    label: 'HTTP API',
    description: 'Calls a JSON HTTP API and returns the response body.',
    latency: lognormal(250, 1200),
    timeoutMs: 5000,
    input: { method: 'GET', url: 'https://api.example.com/v1/inventory/sku-123' },
    output: { status: 200, body: { sku: 'sku-123', inStock: 14 } },
  },
  code_run: {
    tool: 'code_run',
    kind: 'tool',
    label: 'Code run',
    description: 'Runs a short program in a sandbox and returns its output.',
    latency: lognormal(1200, 5000),
    timeoutMs: 30000,
    input: { language: 'python', code: 'print(sum(range(10)))' },
    output: { stdout: '45\n', exitCode: 0 },
  },
  sub_agent: {
    tool: 'sub_agent',
    kind: 'agent',
    label: 'Sub-agent',
    description: 'Delegates a task to a specialist agent that runs its own tool plan and reports back.',
    // Ignored when it runs (an agent call lasts its nested plan's makespan, SPEC §5), but the schema requires one.
    latency: lognormal(5000, 15000),
    timeoutMs: 60000,
    input: { task: 'Find three recent sources on the topic and summarise them.' },
    output: { summary: 'Three sources found; see the notes.', sources: 3 },
    plan: subAgentPlan(),
  },
};

/** The palette, in the order the editor shows it. */
export const TOOL_PALETTE: readonly PaletteEntry[] = TOOL_KEYS.map((key) => ({ key, ...ENTRIES[key] }));

export function isToolKey(key: string): key is ToolKey {
  return (TOOL_KEYS as readonly string[]).includes(key);
}

export function paletteEntry(key: ToolKey): PaletteEntry {
  return { key, ...ENTRIES[key] };
}

/** A new call from a palette entry, every default filled in (the parsed form), its JSON values fresh copies. */
export function callFromPalette(key: ToolKey, id: string): ToolCall {
  const e = paletteEntry(key);
  return {
    id,
    tool: e.tool,
    input: structuredClone(e.input),
    output: structuredClone(e.output),
    latency: { ...e.latency },
    timeoutMs: e.timeoutMs,
    retry: { maxAttempts: 1, initialIntervalMs: 1000, backoffCoefficient: 2, jitter: 'none' },
    onFailure: 'degrade',
    faults: [],
    kind: e.kind,
    report: 'explicit',
    ...(e.plan === undefined ? {} : { plan: structuredClone(e.plan) }),
  };
}
