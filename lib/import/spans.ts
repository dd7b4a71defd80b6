// Groups the tool spans of one trace into model turns, for the formats that record spans (OTLP, Langfuse).
// Pure: span times in, a turn per tool span out.

export interface SpanLike {
  id: string;
  parentId: string | null;
  startMs: number;
  endMs: number;
  role: 'tool' | 'llm' | 'other';
}

interface Group {
  key: string;
  firstStart: number;
  maxEnd: number;
}

/**
 * The model turn of each tool span. Tool spans under the same LLM span are one turn. Other tool spans with the same
 * parent share a turn while no LLM span starts between the first of them and the next (a model step in between means
 * a new turn); when the trace shows no LLM span at all, while they overlap in time. Turns are numbered by their
 * first start.
 */
export function turnsOf(spans: readonly SpanLike[]): Map<string, number> {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const llmStarts = spans
    .filter((s) => s.role === 'llm')
    .map((s) => s.startMs)
    .sort((a, b) => a - b);
  const tools = spans.filter((s) => s.role === 'tool').sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : 1));
  const modelStepBetween = (from: number, to: number): boolean => llmStarts.some((t) => t > from && t <= to);

  const groups: Group[] = [];
  const groupOf = new Map<string, Group>();
  const lastUnderParent = new Map<string, Group>();
  for (const t of tools) {
    const parent = t.parentId === null ? undefined : byId.get(t.parentId);
    let g: Group | undefined;
    if (parent !== undefined && parent.role === 'llm') {
      const key = `llm:${parent.id}`;
      g = groups.find((x) => x.key === key);
      if (g === undefined) {
        g = { key, firstStart: t.startMs, maxEnd: t.endMs };
        groups.push(g);
      }
    } else {
      const parentKey = `parent:${t.parentId ?? ''}`;
      const last = lastUnderParent.get(parentKey);
      const joins = last !== undefined && (llmStarts.length > 0 ? !modelStepBetween(last.firstStart, t.startMs) : t.startMs < last.maxEnd);
      if (joins && last !== undefined) g = last;
      else {
        g = { key: `${parentKey}#${groups.length}`, firstStart: t.startMs, maxEnd: t.endMs };
        groups.push(g);
        lastUnderParent.set(parentKey, g);
      }
    }
    g.maxEnd = Math.max(g.maxEnd, t.endMs);
    groupOf.set(t.id, g);
  }
  const order = [...groups].sort((a, b) => a.firstStart - b.firstStart);
  const index = new Map(order.map((g, i) => [g, i]));
  const out = new Map<string, number>();
  for (const [id, g] of groupOf) out.set(id, index.get(g) ?? 0);
  return out;
}
