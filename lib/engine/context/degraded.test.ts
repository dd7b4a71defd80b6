// A call that runs degraded returns its degraded output, when it has one: the model and its downstream calls are
// told what it really returned, never a claim from an input that failed.
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { makePlan } from '../testing/build';
import { buildContext } from './index';

describe('a degraded call’s own output', () => {
  const plan = makePlan(
    [
      { id: 'fetch_a', output: { text: 'page A' } },
      { id: 'fetch_b', output: { text: 'page B' }, faults: [{ kind: 'error', message: '404', onAttempts: [1] }] },
      {
        id: 'extract',
        input: { pages: ['{{fetch_a.text}}', '{{fetch_b.text}}'] },
        output: { claims: ['from A', 'from B'] },
        degradedOutput: { claims: ['from A'], incomplete: true },
      },
      { id: 'summarize', input: { claims: '{{extract.claims}}' } },
    ],
    [
      ['fetch_a', 'extract', 'optional'],
      ['fetch_b', 'extract', 'optional'],
      ['extract', 'summarize'],
    ],
  );
  const text = buildContext(plan, simulate(plan), 'text').text;

  it('is what the model is told it returned, never a claim from the page that failed', () => {
    expect(text).toContain('result extract [ok]: {"claims":["from A"],"incomplete":true}');
    expect(text).not.toContain('from B');
  });

  it('is what its downstream calls are given', () => {
    expect(text).toContain('call summarize: tool({"claims":["from A"]})');
  });
});
