'use client';
// One-shot edits (a radio, a select, a button): build from the plan as it is at that moment, commit as one undo
// step, or hand back the schema's message when the edit is refused (the plan is then unchanged).
import { useCallback } from 'react';
import type { Plan } from '@/lib/plan';
import type { EditResult } from '@/lib/plan/edit';
import { useAppStoreApi } from '@/lib/store/provider';
import { selectViewPlan } from '@/lib/store/selectors';
import { usePlanCommit } from './use-plan-commit';

export type Act = (build: (plan: Plan) => EditResult | Plan) => string | null;

export function useAct(): Act {
  const store = useAppStoreApi();
  const commit = usePlanCommit();
  return useCallback(
    (build) => {
      const result = build(selectViewPlan(store.getState()));
      if ('format' in result) {
        commit(result);
        return null;
      }
      if (!result.ok) return result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      commit(result.plan);
      return null;
    },
    [commit, store],
  );
}
