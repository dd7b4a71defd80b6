'use client';
// "Compare policies…" under a call's On failure choice: opens the side-by-side run of its policies (components/compare).
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';

const selectOpen = (s: AppState) => s.setPolicyCompareCall;
const selectDrilled = (s: AppState) => s.viewPath.length > 0;

export function ComparePoliciesButton({ callId }: { callId: string }) {
  const open = useAppStore(selectOpen);
  const drilled = useAppStore(selectDrilled);
  if (drilled) return null;
  return (
    <button
      type="button"
      className="tw-ctx__button tw-pol__open"
      onClick={() => open(callId)}
      title={`Runs the same seed with ${callId} under retry, degrade and abort, side by side`}
    >
      Compare policies…
    </button>
  );
}
