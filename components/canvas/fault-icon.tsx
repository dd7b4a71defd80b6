// Small inline icons for injected fault kinds (SVG, so they render without emoji fonts). Decorative: the caller names them.
import type { ReactNode } from 'react';
import type { FaultKind } from '@/lib/plan';

const PATHS: Record<FaultKind, ReactNode> = {
  // A lightning bolt.
  error: <path d="M9 1 3 9h4l-1 6 6-8H8l1-6Z" fill="currentColor" />,
  // A clock.
  timeout: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 4.5V8l2.5 1.8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  // A no-entry sign.
  rate_limit: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M4.8 8h6.4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  // Chevrons slowing down.
  slow: <path d="M2 4l4 4-4 4M7 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />,
  // A half-filled circle.
  partial: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 2a6 6 0 0 1 0 12Z" fill="currentColor" />
    </>
  ),
};

export function FaultIcon({ kind }: { kind: FaultKind }) {
  return (
    <svg className="tw-fault-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      {PATHS[kind]}
    </svg>
  );
}
