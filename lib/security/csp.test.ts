// The page's Content-Security-Policy: in production only this origin's scripts and the prerendered page's own
// inline scripts (by hash) run, nothing is evaluated from strings, and nothing may frame the page.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts, policyDirectives } from './csp';

const page = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script>
<script id="_R_">(globalThis.TURBOPACK || (globalThis.TURBOPACK = [])).push(1)</script></head>
<body><div style="width:100%"></div><script>(self.__next_f=self.__next_f||[]).push([0])</script>
<SCRIPT type="text/javascript">self.__next_f.push([1,"<\\/b>"])</SCRIPT><script src=/x.js></script><script></script></body></html>`;

const directive = (policy: string, name: string): string[] =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('the inline scripts of a built page', () => {
  it('are the scripts without a src, in page order, exactly as written', () => {
    expect(inlineScripts(page)).toEqual([
      '(globalThis.TURBOPACK || (globalThis.TURBOPACK = [])).push(1)',
      '(self.__next_f=self.__next_f||[]).push([0])',
      'self.__next_f.push([1,"<\\/b>"])',
    ]);
  });
});

describe('the production policy', () => {
  const hashes = inlineScripts(page).map((s) => createHash('sha256').update(s, 'utf8').digest('base64'));
  const policy = contentSecurityPolicy({ scriptHashes: hashes });

  it('runs this origin’s scripts and the page’s hashed inline scripts, and evaluates no string', () => {
    expect(directive(policy, 'script-src')).toEqual(["'self'", ...hashes.map((h) => `'sha256-${h}'`)]);
    expect(policy).not.toContain('unsafe-eval');
    expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
  });

  it.each([
    ['default-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s allows %j only', (name, sources) => {
    expect(directive(policy, name)).toEqual(sources);
  });

  it('names each directive once', () => {
    const names = policyDirectives({ scriptHashes: hashes }).map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the development policy', () => {
  it('lets the dev server’s inline and evaluated scripts and its hot-reload socket through', () => {
    const policy = contentSecurityPolicy({ scriptHashes: [], dev: true });
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
    expect(directive(policy, 'connect-src')).toContain('ws:');
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
  });
});
