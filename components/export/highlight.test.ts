// Highlighted code is React elements whose text React escapes: a plan name with markup shows as that text.
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emitCode } from '@/lib/export';
import { parsePlanText } from '@/lib/plan/parse';
import { highlight } from './highlight';

function markup(code: string, language: 'typescript' | 'python'): string {
  return renderToStaticMarkup(createElement(Fragment, null, ...highlight(code, language)));
}

describe('highlighted export code', () => {
  it('marks keywords and strings with highlight.js classes', () => {
    const html = markup('export const x: string = "hi";', 'typescript');
    expect(html).toContain('<span class="hljs-keyword">export</span>');
    expect(html).toContain('<span class="hljs-string">&quot;hi&quot;</span>');
  });

  it('shows a plan name holding markup as text, never as an element', () => {
    const parsed = parsePlanText(
      JSON.stringify({
        format: 'toolwave.plan',
        version: 1,
        name: '<img src=x onerror=alert(1)>',
        calls: [{ id: 'a', tool: 't', latency: { kind: 'fixed', ms: 1 } }],
        dependencies: [],
      }),
    );
    if (!parsed.ok) throw new Error('the plan does not parse');
    for (const [target, language] of [
      ['ts', 'typescript'],
      ['python', 'python'],
    ] as const) {
      const html = markup(emitCode(parsed.plan, target), language);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toMatch(/<img/i);
    }
  });

  it('keeps every character of the code: the text of the markup is the code', () => {
    const code = 'def f(x):\n    return x < 2 and "a&b"\n';
    const text = markup(code, 'python')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(text).toBe(code);
  });
});
