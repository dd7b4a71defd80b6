'use client';
// The editor timeline's zoom and range controls in its header: zoom out, in and back to the whole run, the zoom
// level, and the selected range (with zoom-to-range and clear) or how to make one. Buttons only: state lives in use-zoom.
import { clockSeconds } from '@/lib/format/duration';
import type { TimelineZoom } from './use-zoom';
import { ZOOM_STEP, zoomLevel } from './zoom';

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
          <button
            type="button"
            className="tw-icon-button tw-tl-zoom__btn"
            onClick={zoom.zoomToRange}
            aria-label="Zoom to the range"
            title="Zoom to the range"
          >
            <span aria-hidden="true">⤢</span>
          </button>
          <button
            type="button"
            className="tw-icon-button tw-tl-zoom__btn"
            onClick={() => zoom.setRange(null)}
            aria-label="Clear the range"
            title="Clear the range"
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      ) : (
        <span className="tw-tl-zoom__hint">Shift+drag the axis to select a range</span>
      )}
      <button
        type="button"
        className="tw-icon-button tw-tl-zoom__btn"
        onClick={() => zoom.rangeEdgeAtCursor('from')}
        aria-label="Start the range at the playback cursor"
        title="Start the range at the playback cursor"
      >
        <span aria-hidden="true">[</span>
      </button>
      <button
        type="button"
        className="tw-icon-button tw-tl-zoom__btn"
        onClick={() => zoom.rangeEdgeAtCursor('to')}
        aria-label="End the range at the playback cursor"
        title="End the range at the playback cursor"
      >
        <span aria-hidden="true">]</span>
      </button>
      <span className="tw-tl-zoom__sep" aria-hidden="true" />
      <button
        type="button"
        className="tw-icon-button tw-tl-zoom__btn"
        onClick={() => zoom.zoomBy(1 / ZOOM_STEP)}
        disabled={span === null}
        aria-label="Zoom out the timeline"
        title="Zoom out (Ctrl/⌘ + wheel)"
      >
        <span aria-hidden="true">−</span>
      </button>
      <output className="tw-tl-zoom__level" aria-label="Timeline zoom level">
        {level < 10 ? level.toFixed(1) : Math.round(level)}×
      </output>
      <button
        type="button"
        className="tw-icon-button tw-tl-zoom__btn"
        onClick={() => zoom.zoomBy(ZOOM_STEP)}
        disabled={level >= 999}
        aria-label="Zoom in the timeline"
        title="Zoom in (Ctrl/⌘ + wheel; Shift + wheel pans)"
      >
        <span aria-hidden="true">+</span>
      </button>
      <button
        type="button"
        className="tw-icon-button tw-tl-zoom__btn tw-tl-zoom__reset"
        onClick={zoom.reset}
        disabled={span === null}
        aria-label="Show the whole run"
        title="Show the whole run"
      >
        Fit
      </button>
    </div>
  );
}
