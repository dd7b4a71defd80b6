// The TypeScript export as a team receives it: the runtime it embeds is the one in lib/export/runtime, it passes a
// strict compiler in the browser's and in Node's setting, and a plan's odd names or text cannot break out of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan/parse';
import type { Plan } from '../plan/schema';
import { assembleRuntime, RUNTIME_FILES } from './assemble';
import { RUNTIME_SOURCE } from './runtime-source';
import { loadModule, strictOptions, typecheck } from './testing/load-module';
import { emitTypeScript } from './typescript';

const root = process.cwd();
const examples: [string, Plan][] = readdirSync(join(root, 'public/examples'))
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .map((f) => {
    const parsed = parsePlanText(readFileSync(join(root, 'public/examples', f), 'utf8'));
    if (!parsed.ok) throw new Error(f);
    return [f.replace('.json', ''), parsed.plan];
  });

/** A plan whose name, tool names, ids and inputs hold everything that could end a string or a comment early. */
const hostile: Plan = {
  ...examples[0][1],
  name: 'Evil */ plan\n// injected();\u2028<img src=x onerror=alert(1)>',
  calls: [
    {
      ...examples[0][1].calls[0],
      id: 'call-1',
      tool: 'fetch url */ `${x}`',
      input: { 'key "quoted"': 'line\nbreak */ ${injected} \u2029', "it's": ['`', '\\', '</script>'] },
      output: { '*/': '/*' },
    },
  ],
  dependencies: [],
  scenarios: [],
  settings: { ...examples[0][1].settings, scenario: null },
};

describe('the exported TypeScript module', () => {
  it('embeds exactly the runtime in lib/export/runtime and lib/engine/portable (run `npm run export:runtime` after changing it)', () => {
    const files = RUNTIME_FILES.map((name) => ({ name, text: readFileSync(join(root, 'lib', `${name}.ts`), 'utf8') }));
    expect(RUNTIME_SOURCE).toBe(assembleRuntime(files));
  });

  it('imports nothing: standard library only', () => {
    for (const [, plan] of examples) expect(emitTypeScript(plan)).not.toMatch(/^\s*import\s/m);
  });

  it.each(['dom', 'node'] as const)(
    'passes tsc --strict (no unused names, exact optional properties) with the %s library',
    (env) => {
      const files = Object.fromEntries(
        [...examples, ['hostile', hostile] as const].map(([name, plan]) => [`${name}.ts`, emitTypeScript(plan)]),
      );
      expect(typecheck(files, strictOptions(env))).toEqual([]);
    },
    120_000,
  );

  it('keeps hostile plan text inside strings and comments: it loads, and says back exactly what it was given', () => {
    const mod = loadModule(emitTypeScript(hostile));
    const spec = mod.PLAN;
    expect(spec).toMatchObject({
      name: hostile.name,
      calls: [{ id: 'call-1', tool: hostile.calls[0].tool, input: hostile.calls[0].input }],
    });
    expect(Object.keys(mod).sort()).toContain('runPlan');
  });

  it('names the plan, its tools and the retry-helper decision in its opening comment', () => {
    const code = emitTypeScript(examples.find(([n]) => n === 'research-agent')?.[1] ?? examples[0][1]);
    const head = code.slice(0, code.indexOf('\n\n'));
    expect(head).toMatch(/^\/\/ Research agent: a tool plan exported from Toolwave/);
    expect(head).toContain('web_search: async (input, { signal, attempt })');
    expect(head).toMatch(/rather than taken from a retry library/);
    expect(code).toContain(
      'export type PlanTools = {\n  web_search: ToolFn;\n  fetch_url: ToolFn;\n  code_run: ToolFn;\n  summarize: ToolFn;\n};',
    );
  });
});
