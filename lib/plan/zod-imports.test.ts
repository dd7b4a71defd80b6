// Every schema in the app is built with zod/mini. The bundler shares a module between the page and its workers and
// keeps the exports any of them uses, so one module on full zod (its methods reach every schema class) would put
// all of zod's classes into the page's first load, even from a worker (README, Benchmark).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('zod imports', () => {
  it('no app, component or library module imports full zod', () => {
    const files = ['app', 'components', 'lib'].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    // Full zod by any of its names: `zod`, `zod/v4`, `zod/v4/classic`, `zod/v3`, imported or re-exported, or loaded on demand.
    const fullZod = /(?:from\s+|import\(\s*)['"]zod(?:\/v4(?:\/classic)?|\/v3)?(?:\/index\.js)?['"]/;
    const full = files.filter((f) => fullZod.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(full).toEqual([]);
  });

  it('the importers build their schemas with zod/mini', () => {
    for (const f of ['openai', 'anthropic', 'langfuse', 'otlp']) {
      expect(readFileSync(join(ROOT, 'lib', 'import', `${f}.ts`), 'utf8')).toMatch(/from 'zod\/mini'/);
    }
  });
});
