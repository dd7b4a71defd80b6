'use client';
// The timeline panel under the canvas: the playback bar on top (visible even when the chart is hidden), a legend,
// and the run on view drawn by the one timeline chart in its editor look (see components/timeline). Closed until the
// first run, then opened once where the window is tall enough for the canvas and the chart together.
import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectViewRun } from '@/lib/store/selectors';
import { EDITOR_LAYOUT } from '../timeline/layout';
import { useTimelineZoom, ZOOM_STEP, type TimelineZoom } from '../timeline/use-zoom';
import { ZoomControls } from '../timeline/zoom-controls';
import { PANE_BOUNDS } from '../shell/pane-sizes';
import { Splitter } from '../shell/splitter';
import { useElementWidth } from '../use-measure';
import { useScrollWindow, WINDOWED_ROWS } from '../use-scroll-window';
import { PlaybackBar } from './playback-bar';
import { selectHasRun } from './playback-selectors';

// The chart's code loads with the first run, not with the page.
const TimelineChart = dynamic(() => import('../timeline/timeline-chart').then((m) => m.TimelineChart), {
  ssr: false,
  loading: () => (
    <p className="tw-tl__empty" role="status">
      Loading the timeline…
    </p>
  ),
});

/** Below this window height, opening the timeline by itself would squeeze the canvas too much. */
const OPEN_BY_ITSELF_MIN_HEIGHT = 900;

export interface TimelinePanelProps {
  /** The open panel's height in px (the playback bar and header included), and the most the window allows. */
  height: number;
  maxHeight: number;
  onResize: (px: number) => void;
  onResetSize: () => void;
}

export function TimelinePanel({ height, maxHeight, onResize, onResetSize }: TimelinePanelProps) {
  const hasRun = useAppStore(selectHasRun);
  // The run on view: the top run, or the nested run of the sub-agent drilled into (on its own clock).
  const view = useAppStore(selectViewRun);
  const [open, setOpen] = useState(false);
  // Closed until the first run exists, then opened once (the person may close it again) — but only where
  // the window is tall enough for the canvas and the timeline together; elsewhere it is one click away.
  const [seenRun, setSeenRun] = useState(false);
  if (hasRun && !seenRun) {
    setSeenRun(true);
    if (window.innerHeight >= OPEN_BY_ITSELF_MIN_HEIGHT) setOpen(true);
  }
  const bodyRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(bodyRef);
  // A run of hundreds of calls: only the rows in view are drawn.
  const rows = useScrollWindow(bodyRef, open && view !== null && view.trace.calls.length >= WINDOWED_ROWS);
  const bodyId = useId();
  const zoom = useTimelineZoom(view?.trace ?? null);
  useWheelZoom(bodyRef, zoom, width);

  return (
    <section className={`tw-tl${open ? ' tw-tl--open' : ''}`} aria-label="Timeline">
      {open && (
        <Splitter
          className="tw-splitter--timeline"
          label="Resize the timeline"
          orientation="horizontal"
          grows={-1}
          value={height}
          min={PANE_BOUNDS.timeline.min}
          max={maxHeight}
          onChange={onResize}
          onReset={onResetSize}
        />
      )}
      <PlaybackBar />
      <header className="tw-tl__head">
        <h2 className="tw-tl__title">Timeline</h2>
        {view !== null && open && (
          <span className="tw-tl__legend" aria-hidden="true">
            <span className="tw-tl-key tw-tl-key--ok" />
            ok
            <span className="tw-tl-key tw-tl-key--partial" />
            partial
            <span className="tw-tl-key tw-tl-key--bad" />
            failed
            <span className="tw-tl-key tw-tl-key--wait" />
            retry wait
            <span className="tw-tl-key tw-tl-key--critical" />
            critical path
          </span>
        )}
        {view !== null && open && <ZoomControls zoom={zoom} />}
        <button
          type="button"
          className="tw-icon-button tw-tl__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          aria-label={open ? 'Hide timeline' : 'Show timeline'}
          title={open ? 'Hide timeline' : 'Show timeline'}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▴'}</span>
        </button>
      </header>
      <div className="tw-tl__body" id={bodyId} ref={bodyRef} hidden={!open}>
        {!hasRun ? (
          <p className="tw-tl__empty">Run the plan to see its timeline.</p>
        ) : view === null ? (
          <p className="tw-tl__empty">This sub-agent did not run in the latest run, so it has no timeline.</p>
        ) : width > EDITOR_LAYOUT.labelWidth + 40 ? (
          <TimelineChart
            plan={view.plan}
            trace={view.trace}
            offsetMs={view.offsetMs}
            width={width}
            layout={EDITOR_LAYOUT}
            span={zoom.span}
            range={zoom.range}
            onRange={zoom.setRange}
            rows={rows}
          />
        ) : null}
      </div>
    </section>
  );
}

/**
 * Ctrl/⌘ + wheel over the chart zooms its time axis around the pointer; Shift + wheel (or a sideways wheel) pans it
 * when zoomed in. A plain wheel still scrolls the rows. Native listener: React's wheel handler cannot stop the
 * browser's own page zoom.
 */
function useWheelZoom(ref: RefObject<HTMLDivElement | null>, zoom: TimelineZoom, width: number) {
  const latest = useRef(zoom);
  useEffect(() => {
    latest.current = zoom;
  });
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const onWheel = (e: WheelEvent) => {
      const z = latest.current;
      const from = z.span?.from ?? 0;
      const to = z.span?.to ?? z.t1;
      const plot = Math.max(1, width - EDITOR_LAYOUT.rightPad - EDITOR_LAYOUT.labelWidth);
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const px = e.clientX - el.getBoundingClientRect().left - EDITOR_LAYOUT.labelWidth;
        const at = from + (Math.min(plot, Math.max(0, px)) / plot) * (to - from);
        z.zoomBy(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at);
        return;
      }
      const sideways = e.shiftKey ? e.deltaY || e.deltaX : Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : 0;
      if (sideways === 0 || z.span === null) return;
      e.preventDefault();
      z.pan((sideways / plot) * (to - from));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ref, width]);
}
