'use client';
// The compact vertical toolbar on the canvas's left edge: the palette of common tools (click to add near the view's
// centre, or drag onto the canvas), a sticky note, and the canvas actions (auto-layout, fit, duplicate, delete).
import { memo, type DragEvent, type ReactNode } from 'react';
import { TOOL_PALETTE, type ToolKey } from '@/lib/plan/palette';
import { LineIcon, ToolIcon } from '../icons';
import { hideTipUntilLeave } from '../tip';
import type { CanvasActions } from './use-canvas-actions';

/** The drag-and-drop type a palette item carries (its value is the tool key). */
export const TOOL_DRAG_TYPE = 'application/x-toolwave-tool';

function onToolDragStart(e: DragEvent<HTMLButtonElement>, key: ToolKey): void {
  e.dataTransfer.setData(TOOL_DRAG_TYPE, key);
  e.dataTransfer.effectAllowed = 'copy';
}

interface ToolbarButtonProps {
  label: string;
  tip: string;
  /** The key that does the same, for assistive technology (aria-keyshortcuts). */
  keys?: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  className?: string;
}

function ToolbarButton({ label, tip, keys, onClick, disabled, children, className }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className={`tw-ghost-button tw-tool-button ${className ?? ''}`}
      aria-label={label}
      aria-keyshortcuts={keys}
      data-tip={tip}
      onClick={(e) => {
        hideTipUntilLeave(e.currentTarget);
        onClick();
      }}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

const icon = (d: string) => <LineIcon d={d} size={16} weight={1.6} />;

const NOTE_ICON = icon('M3 2.5h10v7l-3.5 4H3zM13 9.5H9.5V13.5M5.5 5.5h5M5.5 8h3');
const LAYOUT_ICON = icon('M2 3h3v3H2zM2 10h3v3H2zM11 6.5h3v3h-3zM5 4.5h2.5a1 1 0 0 1 1 1V8m0 0v2.5a1 1 0 0 1-1 1H5M8.5 8H11');
const FIT_ICON = icon('M2 5.5V2h3.5M10.5 2H14v3.5M14 10.5V14h-3.5M5.5 14H2v-3.5M5.5 6.5h5v3h-5z');
const DUPLICATE_ICON = icon('M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3');
const DELETE_ICON = icon('M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5');

/** `othersSelected`: the selected edges and notes, which Delete removes too. */
function CanvasToolbarView({
  actions,
  callsSelected,
  othersSelected,
  hasCalls,
}: {
  actions: CanvasActions;
  callsSelected: number;
  othersSelected: number;
  hasCalls: boolean;
}) {
  return (
    // A group, not an ARIA toolbar: arrow keys belong to the canvas (they move the selected calls), Tab moves here.
    <div className="tw-canvas-toolbar" role="group" aria-label="Canvas tools">
      <span className="tw-caps tw-canvas-toolbar__heading" aria-hidden="true">
        Add
      </span>
      <div role="group" aria-label="Add a tool call" className="tw-canvas-toolbar__group">
        {TOOL_PALETTE.map((t) => (
          <button
            key={t.key}
            type="button"
            className="tw-ghost-button tw-tool-button tw-tool-button--palette"
            aria-label={`Add ${t.label}`}
            data-tip={`${t.label}: ${t.description} Click to add, or drag onto the canvas.`}
            data-tool={t.key}
            draggable
            onDragStart={(e) => onToolDragStart(e, t.key)}
            onClick={(e) => {
              hideTipUntilLeave(e.currentTarget);
              actions.add(t.key);
            }}
          >
            <ToolIcon tool={t.tool} kind={t.kind} size={17} />
          </button>
        ))}
      </div>
      <ToolbarButton
        label="Add note"
        tip="Add a sticky note near the middle of the view: type, then Escape"
        onClick={actions.addNote}
        className="tw-tool-button--note"
      >
        {NOTE_ICON}
      </ToolbarButton>
      <span className="tw-canvas-toolbar__sep" aria-hidden="true" />
      <ToolbarButton label="Auto-layout" keys="L" tip="Auto-layout by waves (L)" onClick={actions.autoLayout} disabled={!hasCalls}>
        {LAYOUT_ICON}
      </ToolbarButton>
      <ToolbarButton label="Fit to view" keys="F" tip="Fit the plan to the view (F)" onClick={actions.fit} disabled={!hasCalls}>
        {FIT_ICON}
      </ToolbarButton>
      <span className="tw-canvas-toolbar__sep" aria-hidden="true" />
      <ToolbarButton
        label="Duplicate"
        keys="Control+D Meta+D"
        tip="Duplicate the selected calls (Ctrl/⌘+D)"
        onClick={actions.duplicateSelection}
        disabled={callsSelected === 0}
      >
        {DUPLICATE_ICON}
      </ToolbarButton>
      <ToolbarButton
        label="Delete"
        keys="Delete Backspace"
        tip="Delete the selection: calls, an edge, notes (Delete)"
        onClick={actions.deleteSelection}
        disabled={callsSelected + othersSelected === 0}
        className="tw-tool-button--danger"
      >
        {DELETE_ICON}
      </ToolbarButton>
    </div>
  );
}

export const CanvasToolbar = memo(CanvasToolbarView);
