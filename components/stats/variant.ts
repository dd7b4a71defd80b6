// Variant B's editor, as pure functions: each field read as text, a typed text applied to B through the plan's own
// edit helpers (the schema decides, so B is always a plan parsePlan accepts), and B's differences from A in words.
import { updateCall, updateSettings, type EditResult } from '@/lib/plan/edit';
import { EFFECTS, effectOf, type Effect, type OnFailure, type Plan, type Strategy } from '@/lib/plan';
import { exactMs } from '@/lib/format/duration';

export type VariantField =
  | { kind: 'strategy' }
  | { kind: 'maxConcurrency' }
  | { kind: 'maxAttempts'; id: string }
  | { kind: 'onFailure'; id: string }
  | { kind: 'timeoutMs'; id: string }
  | { kind: 'effect'; id: string };

export const STRATEGIES: readonly Strategy[] = ['waves', 'eager', 'sequential'];
export const ON_FAILURE: readonly OnFailure[] = ['degrade', 'abort', 'ignore'];
export const EFFECT_CHOICES: readonly Effect[] = EFFECTS;

/** A stable key per field (for drafts, messages and highlighting). */
export function fieldKey(f: VariantField): string {
  return f.kind === 'strategy' || f.kind === 'maxConcurrency' ? f.kind : `${f.kind}:${f.id}`;
}

/** What the field is called in a message. */
export function fieldLabel(f: VariantField): string {
  switch (f.kind) {
    case 'strategy':
      return 'Strategy';
    case 'maxConcurrency':
      return 'Max concurrency';
    case 'maxAttempts':
      return 'Max attempts';
    case 'onFailure':
      return 'On failure';
    case 'timeoutMs':
      return 'Timeout';
    case 'effect':
      return 'Effect';
  }
}

/** The field's value in `plan` as the editor shows it ('' for none: unlimited concurrency, no timeout); null if the call is gone. */
export function fieldText(plan: Plan, f: VariantField): string | null {
  if (f.kind === 'strategy') return plan.settings.strategy;
  if (f.kind === 'maxConcurrency') return plan.settings.maxConcurrency === null ? '' : String(plan.settings.maxConcurrency);
  const call = plan.calls.find((c) => c.id === f.id);
  if (call === undefined) return null;
  if (f.kind === 'maxAttempts') return String(call.retry.maxAttempts);
  if (f.kind === 'onFailure') return call.onFailure;
  if (f.kind === 'effect') return effectOf(call);
  return call.timeoutMs === null ? '' : String(call.timeoutMs);
}

export type FieldResult = { ok: true; plan: Plan } | { ok: false; message: string };

/** A number typed in a field: digits, an optional decimal part, thousands separators allowed; null for empty; NaN if not a number. */
export function parseNumberText(text: string): number | null {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

function fromEdit(f: VariantField, r: EditResult): FieldResult {
  if (r.ok) return r;
  return { ok: false, message: `${fieldLabel(f)} ${r.problems[0]?.message ?? 'is not valid'}.` };
}

/** Sets one field of B from the text typed (or chosen); a refusal says why, in the schema's words. */
export function setVariantField(plan: Plan, f: VariantField, text: string): FieldResult {
  switch (f.kind) {
    case 'strategy':
      if (!(STRATEGIES as readonly string[]).includes(text))
        return { ok: false, message: `Strategy must be one of ${STRATEGIES.join(', ')}.` };
      return fromEdit(f, updateSettings(plan, { strategy: text as Strategy }));
    case 'maxConcurrency': {
      const n = parseNumberText(text);
      if (Number.isNaN(n)) return { ok: false, message: 'Max concurrency must be a whole number, or empty for unlimited.' };
      return fromEdit(f, updateSettings(plan, { maxConcurrency: n }));
    }
    case 'maxAttempts': {
      const n = parseNumberText(text);
      if (n === null || Number.isNaN(n)) return { ok: false, message: 'Max attempts must be a whole number from 1 to 100.' };
      const call = plan.calls.find((c) => c.id === f.id);
      if (call === undefined) return { ok: false, message: `B has no call ${f.id}.` };
      return fromEdit(f, updateCall(plan, f.id, { retry: { ...call.retry, maxAttempts: n } }));
    }
    case 'onFailure':
      if (!(ON_FAILURE as readonly string[]).includes(text))
        return { ok: false, message: `On failure must be one of ${ON_FAILURE.join(', ')}.` };
      return fromEdit(f, updateCall(plan, f.id, { onFailure: text as OnFailure }));
    case 'timeoutMs': {
      const n = parseNumberText(text);
      if (Number.isNaN(n)) return { ok: false, message: 'Timeout must be a number of ms, or empty for none.' };
      return fromEdit(f, updateCall(plan, f.id, { timeoutMs: n }));
    }
    case 'effect': {
      if (!(EFFECTS as readonly string[]).includes(text)) return { ok: false, message: `Effect must be one of ${EFFECTS.join(', ')}.` };
      const call = plan.calls.find((c) => c.id === f.id);
      // Back to none drops the compensation too: only a call with an effect can have one.
      const patch = text === 'none' ? { effect: undefined, compensation: undefined } : { effect: text as Effect };
      if (call !== undefined && text === 'none' && call.compensation !== undefined)
        return { ok: false, message: `${f.id} has a compensation: remove it in the plan before setting its effect to none.` };
      return fromEdit(f, updateCall(plan, f.id, patch));
    }
  }
}

/** The fields the editor offers: the two settings, then three per call of B, and the effect of a call that has one. */
export function variantFields(plan: Plan): VariantField[] {
  const out: VariantField[] = [{ kind: 'strategy' }, { kind: 'maxConcurrency' }];
  for (const c of plan.calls) {
    out.push({ kind: 'maxAttempts', id: c.id }, { kind: 'onFailure', id: c.id }, { kind: 'timeoutMs', id: c.id });
    if (effectOf(c) !== 'none') out.push({ kind: 'effect', id: c.id });
  }
  return out;
}

export interface VariantChange {
  key: string;
  /** `fetch_3 max attempts: 2 → 4`, `strategy: waves → eager`. */
  text: string;
}

function shown(f: VariantField, text: string): string {
  if (text !== '') return f.kind === 'timeoutMs' ? exactMs(Number(text)) : text;
  return f.kind === 'maxConcurrency' ? 'unlimited' : 'none';
}

/** B's fields that differ from A's (a call B has and A has not counts as changed in every field). */
export function variantChanges(a: Plan, b: Plan): VariantChange[] {
  const out: VariantChange[] = [];
  for (const f of variantFields(b)) {
    const was = fieldText(a, f);
    const now = fieldText(b, f) as string;
    if (was === now) continue;
    const name =
      f.kind === 'strategy' || f.kind === 'maxConcurrency' ? fieldLabel(f).toLowerCase() : `${f.id} ${fieldLabel(f).toLowerCase()}`;
    out.push({
      key: fieldKey(f),
      text: was === null ? `${name}: ${shown(f, now)} (not in A)` : `${name}: ${shown(f, was)} → ${shown(f, now)}`,
    });
  }
  return out;
}

/** Whether A and B have the same calls (by id, in order): if not, the plan changed after B was made from it. */
export function sameCalls(a: Plan, b: Plan): boolean {
  return a.calls.length === b.calls.length && a.calls.every((c, i) => c.id === b.calls[i].id);
}
