'use client';
// One-shot edits (a radio, a select, a button): built from the plan on view as it is at that moment and made through
// the store's editView as one undo step, or refused with the schema's message (the plan is then unchanged).
import { useCallback } from 'react';
import type { Plan } from '@/lib/plan';
import type { EditResult } from '@/lib/plan/edit';
import { refuse } from '@/lib/store/document';
import { useAppStoreApi } from '@/lib/store/provider';

export type Act = (build: (plan: Plan) => EditResult | Plan) => string | null;

export function useAct(): Act {
  const store = useAppStoreApi();
  return useCallback(
    (build) => {
      const r = store.getState().editView((plan) => {
        const result = build(plan);
        if ('format' in result || result.ok) return result;
        return refuse(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
      });
      return r.ok ? null : r.reason;
    },
    [store],
  );
}
