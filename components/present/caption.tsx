'use client';
// The narrated caption at the playback cursor (lib/engine/narrate.ts), as a polite live region. It selects only the
// caption's step (the index of the last event at or before the cursor), so playing re-renders it at events, not frames.
// Where the run's state says why (a failed input, the policy that applied, a retry, a timeout), a "Why" line follows.
import { useMemo } from 'react';
import { captionAtStep, captionStep } from '@/lib/engine/narrate';
import { spokenDuration } from '@/lib/format/duration';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore } from '@/lib/store/provider';
import { selectViewRun } from '@/lib/store/selectors';

/** The caption's step for the run on view; -2 with no run. A number, so the selector is stable. */
export const selectCaptionStep = (s: AppState): number => {
  const view = s.runOnView;
  return view === null ? -2 : captionStep(view.trace, s.cursorMs - view.offsetMs);
};

const closed = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

export function RunCaption({ className }: { className?: string }) {
  const view = useAppStore(selectViewRun);
  const step = useAppStore(selectCaptionStep);
  const caption = useMemo(() => (view === null || step === -2 ? null : captionAtStep(view.trace, view.plan, step)), [view, step]);
  const [lead, ...rest] = caption?.sentences ?? [];
  return (
    <div className={`tw-caption${caption ? ` tw-caption--${caption.kind}` : ''} ${className ?? ''}`}>
      {caption !== null && (
        <span className="tw-caption__time" aria-hidden="true">
          {caption.kind === 'start' ? 'Start' : caption.kind === 'end' ? 'End' : spokenDuration(caption.atMs)}
        </span>
      )}
      <p className="tw-caption__text" role="status" aria-live="polite" aria-atomic="true" aria-label="Caption">
        {caption === null ? (
          'Run the plan to narrate it.'
        ) : (
          <>
            <span className="tw-caption__lead">{closed(lead)}</span>
            {rest.map((s, i) => (
              <span key={i} className="tw-caption__more">
                {' '}
                {closed(s)}
              </span>
            ))}
            {caption.why !== null && (
              <span className="tw-caption__why" data-testid="caption-why">
                {' '}
                <span className="tw-caption__why-label">Why:</span> {closed(caption.why)}
              </span>
            )}
          </>
        )}
      </p>
    </div>
  );
}
