// The compare slice: whether the run panel sets the correct context beside an anti-pattern, which one, and the call
// whose policies are compared. Kept in the store so Present shows the comparison the editor chose.
import type { StateCreator } from 'zustand/vanilla';
import type { AntiPatternKind } from '@/lib/engine';
import type { AppState } from './app-store';

export interface CompareSlice {
  /** The correct context is shown beside an anti-pattern, in the run panel and in Present. */
  contextCompare: boolean;
  /** The anti-pattern beside it; null until chosen: the view takes the one that differs most. */
  compareAntiPattern: AntiPatternKind | null;
  /** The call whose policies are compared (the dialog is open); null when closed. */
  policyCompareCall: string | null;
  setContextCompare: (on: boolean) => void;
  setCompareAntiPattern: (kind: AntiPatternKind) => void;
  setPolicyCompareCall: (callId: string | null) => void;
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set) => ({
  contextCompare: false,
  compareAntiPattern: null,
  policyCompareCall: null,
  setContextCompare: (contextCompare) => set({ contextCompare }),
  setCompareAntiPattern: (compareAntiPattern) => set({ compareAntiPattern }),
  setPolicyCompareCall: (policyCompareCall) => set({ policyCompareCall }),
});
