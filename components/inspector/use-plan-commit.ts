'use client';
// How the inspector writes the plan on view: every edit goes through the store's commitView() (the top plan, or a
// drilled-in sub-agent's nested plan written back into it), one undoable step, except
// that consecutive edits of one field in one focus session share a coalesce key and so make a single step
// (typing "1000" is one undo, not four).
import { useCallback } from 'react';
import type { Plan } from '@/lib/plan';
import { useAppStoreApi } from '@/lib/store/provider';

export type CommitPlan = (next: Plan, coalesceKey?: string) => boolean;

let sessions = 0;

/** A coalesce key no other field or focus session has used: `retry.maxAttempts#12`. */
export function newSessionKey(field: string): string {
  sessions += 1;
  return `inspector:${field}#${sessions}`;
}

export function usePlanCommit(): CommitPlan {
  const store = useAppStoreApi();
  return useCallback((next, coalesceKey) => store.getState().commitView(next, coalesceKey === undefined ? undefined : { coalesce: coalesceKey }), [store]);
}
