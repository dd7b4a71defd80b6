import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse';
import { applyLayout as placeWithoutLibrary, orderColumns as orderWithoutLibrary } from './layout-core';
import { applyLayout, orderColumns } from './layout';
import { PREFERRED_EXAMPLE } from '../store/examples';

function example(name: string) {
  const r = parsePlan(JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`${name}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.plan;
}

describe('layout without the layout library', () => {
  it('places the example the page opens with exactly as Auto-layout does', () => {
    const plan = example(PREFERRED_EXAMPLE);
    expect(placeWithoutLibrary(plan)).toEqual(applyLayout(plan));
  });

  it('never uses dagre, and is never worse than the order of the calls', () => {
    const plan = example('book-a-trip');
    const without = orderWithoutLibrary(plan);
    expect(without.method).not.toMatch(/dagre/);
    expect(without.crossings).toBeLessThanOrEqual(orderWithoutLibrary(plan, 'calls').crossings);
    expect(orderColumns(plan).method).toMatch(/dagre/);
    expect(orderColumns(plan).crossings).toBeLessThanOrEqual(without.crossings);
  });
});
