'use client';
// The editor timeline's zoom and range controls in its header: zoom out, in and back to the whole run, the zoom
// level, and the selected range (with zoom-to-range and clear) or how to make one. Buttons only: state lives in use-zoom.
import { clockSeconds } from '@/lib/format/duration';
import type { TimelineZoom } from './use-zoom';
import { ZOOM_STEP, zoomLevel } from './zoom';

/** One icon button of the bar: `label` names it (and is its tooltip unless `title` says more); `glyph` is drawn hidden from readers, `text` shown as is. */
function ZoomButton({
  label,
  title = label,
  onClick,
  disabled,
  className,
  glyph,
  text,
}: {
  label: string;
  title?: string;
  onClick: () => void;
  disabled?: boolean;
  className?: string;
  glyph?: string;
  text?: string;
}) {
  return (
    <button
      type="button"
      className={`tw-icon-button tw-tl-zoom__btn${className ? ` ${className}` : ''}`}
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={title}
    >
      {glyph !== undefined ? <span aria-hidden="true">{glyph}</span> : text}
    </button>
  );
}

export function ZoomControls({ zoom }: { zoom: TimelineZoom }) {
  const { span, range, t1 } = zoom;
  const level = span === null ? 1 : zoomLevel(span, t1);
  return (
    <div className="tw-tl-zoom" role="group" aria-label="Timeline zoom and range">
      {range !== null ? (
        <span className="tw-tl-zoom__range" data-testid="timeline-range">
          <span className="tw-tl-zoom__range-text">
            Range {clockSeconds(range.from)}–{clockSeconds(range.to)} ({clockSeconds(range.to - range.from)})
          </span>
          <ZoomButton label="Zoom to the range" onClick={zoom.zoomToRange} glyph="⤢" />
          <ZoomButton label="Clear the range" onClick={() => zoom.setRange(null)} glyph="×" />
        </span>
      ) : (
        <span className="tw-tl-zoom__hint">Shift+drag the axis to select a range</span>
      )}
      <ZoomButton label="Start the range at the playback cursor" onClick={() => zoom.rangeEdgeAtCursor('from')} glyph="[" />
      <ZoomButton label="End the range at the playback cursor" onClick={() => zoom.rangeEdgeAtCursor('to')} glyph="]" />
      <span className="tw-tl-zoom__sep" aria-hidden="true" />
      <ZoomButton
        label="Zoom out the timeline"
        title="Zoom out (Ctrl/⌘ + wheel)"
        onClick={() => zoom.zoomBy(1 / ZOOM_STEP)}
        disabled={span === null}
        glyph="−"
      />
      <output className="tw-tl-zoom__level" aria-label="Timeline zoom level">
        {level < 10 ? level.toFixed(1) : Math.round(level)}×
      </output>
      <ZoomButton
        label="Zoom in the timeline"
        title="Zoom in (Ctrl/⌘ + wheel; Shift + wheel pans)"
        onClick={() => zoom.zoomBy(ZOOM_STEP)}
        disabled={level >= 999}
        glyph="+"
      />
      <ZoomButton label="Show the whole run" onClick={zoom.reset} disabled={span === null} className="tw-tl-zoom__reset" text="Fit" />
    </div>
  );
}
