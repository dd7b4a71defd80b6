'use client';
// A drag handle between two panes: a focusable separator (role="separator" with its value and bounds) that resizes
// the pane it belongs to by pointer drag, arrow keys (Shift for larger steps), Home and End; a double-click or Enter
// puts the pane back to its default size. It only reports sizes: the caller clamps, keeps and applies them.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

const STEP = 16;
const BIG_STEP = 64;

export interface SplitterProps {
  /** "Resize the library": the separator's accessible name. */
  label: string;
  /** 'vertical' is a line between columns (drag sideways); 'horizontal' a line between rows (drag up and down). */
  orientation: 'vertical' | 'horizontal';
  /** Whether dragging right (or down) makes the pane bigger (+1) or smaller (-1). */
  grows: 1 | -1;
  value: number;
  min: number;
  max: number;
  onChange: (px: number) => void;
  onReset: () => void;
  className?: string;
}

export function Splitter({ label, orientation, grows, value, min, max, onChange, onReset, className }: SplitterProps) {
  const drag = useRef<{ from: number; start: number } | null>(null);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const along = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    // Arrows move the line: right/down by +1 in screen terms, which grows or shrinks the pane by `grows`.
    const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    let next: number | null = null;
    if (move !== undefined) next = clamp(value + move * grows * step);
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    else if (e.key === 'Enter') {
      e.preventDefault();
      onReset();
      return;
    }
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      title={`${label}: drag, or use the arrow keys (Shift for bigger steps); double-click or Enter resets`}
      className={`tw-splitter tw-splitter--${orientation}${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
      onDoubleClick={onReset}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        e.currentTarget.focus();
        drag.current = { from: along(e), start: value };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d === null || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
        onChange(clamp(d.start + (along(e) - d.from) * grows));
      }}
      onPointerUp={(e) => {
        drag.current = null;
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
    />
  );
}
