// The built-in example plans: the slice that lists them for the picker, and loading them from /examples (the index,
// then one file, parsed like any untrusted plan). The index's exact shape is validated here (never cast), and only
// plain relative .json names are fetched.
import '@/lib/plan/zod-config';
import * as z from 'zod/mini';
import type { StateCreator } from 'zustand/vanilla';
import { parsePlanText, type ParseResult } from '@/lib/plan/parse';
import type { AppState } from './app-store';
import { errorText } from '@/lib/format/error';

export interface ExampleEntry {
  /** Stable key for the picker. */
  id: string;
  /** What the picker shows. */
  name: string;
  /** Path under /examples/, e.g. `research.json`. */
  file: string;
  description?: string;
}

export interface ExamplesSlice {
  examples: ExampleEntry[];
  examplesError: string | null;
  setExamples: (examples: ExampleEntry[]) => void;
  setExamplesError: (message: string) => void;
}

export const createExamplesSlice: StateCreator<AppState, [], [], ExamplesSlice> = (set) => ({
  examples: [],
  examplesError: null,
  setExamples: (examples) => set({ examples, examplesError: null }),
  setExamplesError: (message) => set({ examplesError: message }),
});

export const EXAMPLES_BASE = '/examples/';
/** The example the page opens with when the index lists it: it has waves, fan-out, optional inputs and scenarios. */
export const PREFERRED_EXAMPLE = 'research-agent';

/** The example to show first: the preferred one if listed, else the index's first. */
export function defaultExample(examples: readonly ExampleEntry[]): ExampleEntry | undefined {
  return examples.find((e) => e.id === PREFERRED_EXAMPLE) ?? examples[0];
}
const SAFE_FILE = /^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.json$/;

const entryObject = z
  .object({
    id: z.optional(z.string()),
    name: z.optional(z.string()),
    title: z.optional(z.string()),
    label: z.optional(z.string()),
    file: z.optional(z.string()),
    path: z.optional(z.string()),
    href: z.optional(z.string()),
    description: z.optional(z.string()),
  })
  .check(z.refine((e) => (e.file ?? e.path ?? e.href) !== undefined, { message: 'an example needs a file' }));
const entrySchema = z.union([z.string(), entryObject]);
const indexSchema = z.union([z.array(entrySchema), z.object({ examples: z.array(entrySchema) })]);

/** `/examples/research.json`, `examples/research.json` or `research.json` → `research.json`; null if unsafe. */
function normaliseFile(raw: string): string | null {
  const file = raw.replace(/^\/?examples\//, '').replace(/^\.\//, '');
  return SAFE_FILE.test(file) ? file : null;
}

function stem(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.json$/, '');
}

/** Reads the example index (a list, or `{ examples: [...] }`, of file names or `{ id, name, file }` entries). */
export function parseExampleIndex(data: unknown): { ok: true; examples: ExampleEntry[] } | { ok: false; message: string } {
  const result = indexSchema.safeParse(data);
  if (!result.success) return { ok: false, message: `The example index is not in the expected shape: ${z.prettifyError(result.error)}` };
  const list = Array.isArray(result.data) ? result.data : result.data.examples;
  const examples: ExampleEntry[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const rawFile = typeof entry === 'string' ? entry : (entry.file ?? entry.path ?? entry.href ?? '');
    const file = normaliseFile(rawFile);
    if (file === null) continue;
    const id = (typeof entry === 'string' ? undefined : entry.id) ?? stem(file);
    if (seen.has(id)) continue;
    seen.add(id);
    const name = (typeof entry === 'string' ? undefined : (entry.name ?? entry.title ?? entry.label)) ?? stem(file);
    const description = typeof entry === 'string' ? undefined : entry.description;
    examples.push(description === undefined ? { id, name, file } : { id, name, file, description });
  }
  if (examples.length === 0) return { ok: false, message: 'The example index lists no example.' };
  return { ok: true, examples };
}

async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  const res = await fetch(url, { signal, cache: 'no-store' });
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`.trim());
  return res.text();
}

export async function fetchExampleIndex(
  signal?: AbortSignal,
): Promise<{ ok: true; examples: ExampleEntry[] } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await fetchText(`${EXAMPLES_BASE}index.json`, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    return { ok: false, message: `Could not load the example index: ${errorText(err)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The example index is not valid JSON.' };
  }
  return parseExampleIndex(data);
}

/** Fetches one example and parses it with the same parser a user's file goes through. */
export async function fetchExamplePlan(entry: ExampleEntry, signal?: AbortSignal): Promise<ParseResult> {
  let text: string;
  try {
    text = await fetchText(`${EXAMPLES_BASE}${entry.file}`, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    return {
      ok: false,
      problems: [{ path: '(plan)', message: `could not be loaded: ${errorText(err)}` }],
    };
  }
  return parsePlanText(text);
}
