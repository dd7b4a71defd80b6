'use client';
// What an empty plan shows: an invitation to add the first call from the palette. Never blocks the canvas.
export function EmptyCanvas() {
  return (
    <div className="tw-canvas-empty-state" role="note" aria-label="Empty plan">
      <svg viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false">
        <rect x="4" y="14" width="16" height="12" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
        <rect x="28" y="6" width="16" height="12" rx="3" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
        <rect x="28" y="30" width="16" height="12" rx="3" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
        <path d="M20 20c4 0 4-8 8-8M20 20c4 0 4 16 8 16" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <p className="tw-canvas-empty-state__title">Start your plan</p>
      <p className="tw-canvas-empty-state__text">
        Add a tool call from the palette on the left: click a tool, or drag it onto the canvas. Then drag from a call’s right handle to
        another call’s left handle when the second needs the first’s output.
      </p>
    </div>
  );
}
