// The palette of common tools the editor offers: each entry makes a complete, valid call.
// Plain data and one factory; the defaults are plausible figures for teaching, not measurements of any real service.
import type { Compensation, Effect, JsonValue, Latency, Plan, ToolCall } from './schema';

export const TOOL_KEYS = [
  'web_search',
  'fetch_url',
  'db_query',
  'http_api',
  'code_run',
  'reserve',
  'charge_card',
  'send_email',
  'create_ticket',
  'sub_agent',
] as const;
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
  /** What the tool does to the world (absent: it only reads). */
  effect?: Exclude<Effect, 'none'>;
  /** The call that undoes it, for tools whose effect can be undone. */
  compensation?: Compensation;
}

const lognormal = (p50Ms: number, p95Ms: number): Latency => ({ kind: 'lognormal', p50Ms, p95Ms });

/** The call that undoes an effect: a fixed latency, a timeout, a few retries doubling from `initialIntervalMs`, no faults. */
function undoneBy(
  tool: string,
  input: { [key: string]: JsonValue },
  p: { ms: number; timeoutMs: number; maxAttempts: number; initialIntervalMs: number },
): Compensation {
  return {
    tool,
    input,
    latency: { kind: 'fixed', ms: p.ms },
    timeoutMs: p.timeoutMs,
    retry: { maxAttempts: p.maxAttempts, initialIntervalMs: p.initialIntervalMs, backoffCoefficient: 2, jitter: 'none' },
    faults: [],
  };
}

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

type EntryFields = Omit<PaletteEntry, 'key'>;

/** A new call made from an entry's fields, every default filled in (the parsed form), its JSON values fresh copies. */
function newCall(
  id: string,
  e: Pick<EntryFields, 'tool' | 'kind' | 'latency' | 'timeoutMs' | 'input' | 'output'> & Partial<EntryFields>,
): ToolCall {
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
    ...(e.effect === undefined ? {} : { effect: e.effect }),
    ...(e.compensation === undefined ? {} : { compensation: structuredClone(e.compensation) }),
    kind: e.kind,
    report: 'explicit',
    ...(e.plan === undefined ? {} : { plan: structuredClone(e.plan) }),
  };
}

/** A tool entry: what it is, its latency and timeout, an example input and output, and `more` (its effect and undo). */
function tool(
  name: string,
  label: string,
  description: string,
  latency: Latency,
  timeoutMs: number,
  input: { [key: string]: JsonValue },
  output: JsonValue,
  more: Pick<EntryFields, 'effect' | 'compensation'> = {},
): EntryFields {
  return { tool: name, kind: 'tool', label, description, latency, timeoutMs, input, output, ...more };
}

/** The one-call plan a new sub-agent starts with: a web search, every default filled in. */
function subAgentPlan(): Plan {
  return {
    format: 'toolwave.plan',
    version: 1,
    name: 'Sub-agent task',
    settings: { strategy: 'waves', maxConcurrency: null, modelTurnMs: 0, deadlineMs: null, seed: 1, scenario: null },
    calls: [newCall('web_search', { tool: 'web_search', kind: 'tool', ...WEB_SEARCH })],
    dependencies: [],
    scenarios: [],
  };
}

const ENTRIES: { readonly [K in ToolKey]: EntryFields } = {
  web_search: {
    tool: 'web_search',
    kind: 'tool',
    label: 'Web search',
    description: 'Searches the web and returns ranked results with titles, links and snippets.',
    ...WEB_SEARCH,
  },
  fetch_url: tool(
    'fetch_url',
    'Fetch URL',
    'Downloads one page and returns its text.',
    lognormal(400, 2000),
    8000,
    { url: 'https://engineering.example.com/2027/parallel-tool-calls' },
    {
      status: 200,
      title: 'Running tool calls in parallel without losing failures',
      text: 'Batch independent calls in one model turn, give each a timeout, and report every failure back to the model…',
    },
  ),
  db_query: tool(
    'db_query',
    'Database query',
    'Runs a read-only SQL query and returns the rows.',
    lognormal(80, 400),
    2000,
    { sql: 'SELECT id, status, total FROM orders WHERE customer_id = $1 LIMIT 10', params: [42] },
    { rows: [{ id: 1017, status: 'shipped', total: 59.9 }], rowCount: 1 },
  ),
  http_api: tool(
    'http_api',
    'HTTP API',
    'Calls a JSON HTTP API and returns the response body.',
    lognormal(250, 1200),
    5000,
    { method: 'GET', url: 'https://api.weather.example/v1/forecast?city=Lisbon&days=3' },
    {
      status: 200,
      body: {
        city: 'Lisbon',
        days: [
          { date: '2027-05-14', high_c: 24, low_c: 15, rain_mm: 0 },
          { date: '2027-05-15', high_c: 22, low_c: 14, rain_mm: 1.2 },
        ],
      },
    },
  ),
  code_run: tool(
    'code_run',
    'Code run',
    'Runs a short program in a sandbox and returns its output.',
    lognormal(1200, 5000),
    30000,
    { language: 'python', code: 'print(sum(range(10)))' },
    { stdout: '45\n', exitCode: 0 },
  ),
  reserve: tool(
    'reserve_room',
    'Reserve',
    'Holds a room, a seat or a table. Every attempt that goes through books again, so it is undone by cancelling.',
    lognormal(900, 2500),
    8000,
    { hotel_id: 'htl_lisbon_alfama_08', check_in: '2027-05-14', nights: 3, guest: 'Maya Lindqvist' },
    { reservation_id: 'RSV-730144', status: 'confirmed', free_cancellation_until: '2027-05-12' },
    {
      effect: 'once',
      compensation: undoneBy(
        'cancel_reservation',
        { reservation_id: 'RSV-730144', reason: 'plan stopped' },
        { ms: 450, timeoutMs: 4000, maxAttempts: 3, initialIntervalMs: 500 },
      ),
    },
  ),
  charge_card: tool(
    'charge_card',
    'Charge card',
    'Charges a card through a payment gateway. It sends an idempotency key, so a retry never charges twice; a refund undoes it.',
    lognormal(1200, 3500),
    10000,
    { amount_usd: 129.5, card_token: 'tok_visa_4242', idempotency_key: 'order-58213-charge', description: 'Order 58213' },
    { charge_id: 'ch_3Qm7Lp2', status: 'succeeded', amount_usd: 129.5 },
    {
      effect: 'idempotent',
      compensation: undoneBy(
        'refund_payment',
        { charge_id: 'ch_3Qm7Lp2', reason: 'order not completed' },
        { ms: 900, timeoutMs: 6000, maxAttempts: 3, initialIntervalMs: 1000 },
      ),
    },
  ),
  send_email: tool(
    'send_email',
    'Send email',
    'Sends one email. An email cannot be unsent: every attempt that goes through sends it again.',
    lognormal(300, 900),
    5000,
    { to: 'maya.lindqvist@example.com', subject: 'Your booking is confirmed', body: 'Room held for 3 nights from 14 May.' },
    { message_id: 'msg_01JR2X8N7', accepted: true },
    { effect: 'once' },
  ),
  create_ticket: tool(
    'create_ticket',
    'Create ticket',
    'Opens a support or issue-tracker ticket. A retry opens a second ticket; closing it undoes the first.',
    lognormal(500, 1500),
    6000,
    { project: 'SUP', title: 'Refund request for order 58213', priority: 'normal', reporter: 'support-bot' },
    { ticket_id: 'SUP-4127', url: 'https://tracker.example.com/SUP-4127', status: 'open' },
    {
      effect: 'once',
      compensation: undoneBy(
        'close_ticket',
        { ticket_id: 'SUP-4127', resolution: 'opened by mistake' },
        { ms: 400, timeoutMs: 4000, maxAttempts: 2, initialIntervalMs: 500 },
      ),
    },
  ),
  sub_agent: {
    tool: 'sub_agent',
    kind: 'agent',
    label: 'Sub-agent',
    description: 'Delegates a task to a specialist agent that runs its own tool plan and reports back.',
    // Ignored when it runs (an agent call lasts its nested plan's makespan), but the schema requires one.
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
  return newCall(id, ENTRIES[key]);
}

/** A compensation to start from for a call: its palette tool's, else an undo named after the tool. */
export function defaultCompensation(tool: string): Compensation {
  const known = TOOL_KEYS.map((k) => ENTRIES[k]).find((e) => e.tool === tool && e.compensation !== undefined);
  if (known?.compensation !== undefined) return structuredClone(known.compensation);
  const t = tool.toLowerCase();
  const undo = /reserve|book|hold/.test(t)
    ? 'cancel_reservation'
    : /charge|pay/.test(t)
      ? 'refund_payment'
      : /ticket|issue/.test(t)
        ? 'close_ticket'
        : `undo_${tool}`.slice(0, 64);
  return undoneBy(undo, {}, { ms: 500, timeoutMs: 5000, maxAttempts: 3, initialIntervalMs: 500 });
}
