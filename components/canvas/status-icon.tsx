// One small icon per call phase (SVG, currentColor), so a status never rests on colour alone. Decorative: the
// status beside it says the same in words.
import type { ReactNode } from 'react';
import type { NodePhase } from './run-view';

const line = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const ICONS: Record<Exclude<NodePhase, 'none'>, ReactNode> = {
  // An hourglass: not started yet, its turn or its inputs have not come.
  waiting: <path d="M4.5 2.5h7M4.5 13.5h7M5.5 2.5c0 3 5 3.5 5 5.5s-5 2.5-5 5.5M10.5 2.5c0 3-5 3.5-5 5.5s5 2.5 5 5.5" {...line} />,
  // A play triangle: an attempt is in flight.
  running: <path d="M5 3.2v9.6L12.8 8 5 3.2Z" fill="currentColor" stroke="currentColor" strokeWidth={1.2} strokeLinejoin="round" />,
  // A circular arrow: waiting to try again.
  retry_wait: (
    <>
      <path d="M12.6 6.2A5 5 0 1 0 13 9.5" {...line} />
      <path d="M13 2.8v3.6H9.4" {...line} />
    </>
  ),
  succeeded: <path d="m3 8.5 3.2 3.2L13 4.8" {...line} strokeWidth={2.2} />,
  // A half-filled circle: a result, but incomplete.
  partial: (
    <>
      <circle cx="8" cy="8" r="5.2" {...line} />
      <path d="M8 2.8a5.2 5.2 0 0 1 0 10.4Z" fill="currentColor" />
    </>
  ),
  failed: <path d="m4 4 8 8M12 4l-8 8" {...line} strokeWidth={2.2} />,
  // A stopwatch run out.
  timed_out: (
    <>
      <circle cx="8" cy="9" r="5" {...line} />
      <path d="M8 9V6.4M6.5 1.8h3M12.2 4.4l.9-.9" {...line} />
    </>
  ),
  // Jumping past: not run because a required input failed.
  skipped: <path d="M2.5 11.5c1.5-5 6.5-6.5 9.5-3M12.5 4.5v4h-4M2.5 13.5h11" {...line} />,
  // A no-entry sign: stopped by an abort or the deadline.
  cancelled: (
    <>
      <circle cx="8" cy="8" r="5.5" {...line} />
      <path d="m4.2 11.8 7.6-7.6" {...line} />
    </>
  ),
  // A dashed ring: never began.
  not_started: <circle cx="8" cy="8" r="5.2" {...line} strokeDasharray="2.6 2.4" />,
  // Infinity: it never returns.
  hung: <path d="M8 8c-1.2-1.6-2.2-2.6-3.6-2.6a2.6 2.6 0 0 0 0 5.2C5.8 10.6 6.8 9.6 8 8Zm0 0c1.2 1.6 2.2 2.6 3.6 2.6a2.6 2.6 0 0 0 0-5.2C10.2 5.4 9.2 6.4 8 8Z" {...line} />,
};

export function StatusIcon({ phase, size = 12 }: { phase: NodePhase; size?: number }) {
  if (phase === 'none') return null;
  return (
    <svg className="tw-status-icon" viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" focusable="false">
      {ICONS[phase]}
    </svg>
  );
}
