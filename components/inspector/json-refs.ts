// The input field's text cut into plain runs and `{{call.path}}` references, each judged against the plan's
// edges (docs/review.md): upstream (fine), this call itself, a call that is not an upstream, or no call at all.
// Pure; the field renders the segments as React elements (never as HTML). Tested in json-refs.test.ts.
import type { Plan } from '@/lib/plan';
import { scanReferences } from '@/lib/plan/references';

export type RefStatus = 'upstream' | 'self' | 'not-upstream' | 'unknown';

export type Segment = { kind: 'text'; text: string } | { kind: 'ref'; text: string; id: string; path: string; status: RefStatus };

export interface RefContext {
  /** Every call id of the plan. */
  ids: ReadonlySet<string>;
  /** Ids with an edge into this call (optional or not). */
  upstream: ReadonlySet<string>;
  self: string;
}

export function refContext(plan: Pick<Plan, 'calls' | 'dependencies'>, callId: string): RefContext {
  return {
    ids: new Set(plan.calls.map((c) => c.id)),
    upstream: new Set(plan.dependencies.filter((d) => d.to === callId).map((d) => d.from)),
    self: callId,
  };
}

export function refStatus(id: string, ctx: RefContext): RefStatus {
  if (id === ctx.self) return 'self';
  if (!ctx.ids.has(id)) return 'unknown';
  return ctx.upstream.has(id) ? 'upstream' : 'not-upstream';
}

/** Cuts the text into runs; joined back, the segments give the text exactly. */
export function segmentText(text: string, ctx: RefContext): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  // The same parser the engine resolves with, run over the raw text so each reference keeps its place.
  for (const m of scanReferences(text)) {
    if (m.start > last) out.push({ kind: 'text', text: text.slice(last, m.start) });
    out.push({ kind: 'ref', text: m.text, id: m.callId, path: m.path.map((p) => `.${p}`).join(''), status: refStatus(m.callId, ctx) });
    last = m.end;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** One sentence per distinct problem reference, for the message beside the field. */
export function refProblems(segments: readonly Segment[], ctx: RefContext): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of segments) {
    if (s.kind !== 'ref' || s.status === 'upstream' || seen.has(s.id)) continue;
    seen.add(s.id);
    out.push(refSentence(s.id, s.status, ctx.self));
  }
  return out;
}

export function refSentence(id: string, status: Exclude<RefStatus, 'upstream'>, self: string): string {
  switch (status) {
    case 'unknown':
      return `{{${id}}} names no call in this plan: the input would be sent unresolved.`;
    case 'self':
      return `{{${id}}} is this call itself: a call cannot use its own output.`;
    case 'not-upstream':
      return `{{${id}}} is not an upstream of ${self}: add the edge ${id} → ${self}, or the call is made with missing information.`;
  }
}
