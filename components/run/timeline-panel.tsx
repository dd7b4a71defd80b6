'use client';
// The timeline panel under the canvas: the playback bar on top (visible even when the chart is hidden), a legend,
// and the run on view drawn by the one timeline chart in its editor look (see components/timeline). Closed until the
// first run, then opened once where the window is tall enough for the canvas and the chart together.
import { useId, useRef, useState } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectViewRun } from '@/lib/store/selectors';
import { EDITOR_LAYOUT } from '../timeline/layout';
import { TimelineChart } from '../timeline/timeline-chart';
import { PANE_BOUNDS } from '../shell/pane-sizes';
import { Splitter } from '../shell/splitter';
import { useElementWidth } from '../use-measure';
import { PlaybackBar } from './playback-bar';
import { selectHasRun } from './playback-selectors';

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
  const bodyId = useId();

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
        {view !== null && open && <span className="tw-tl__legend" aria-hidden="true">
          <span className="tw-tl-key tw-tl-key--ok" />ok
          <span className="tw-tl-key tw-tl-key--partial" />partial
          <span className="tw-tl-key tw-tl-key--bad" />failed
          <span className="tw-tl-key tw-tl-key--wait" />retry wait
          <span className="tw-tl-key tw-tl-key--critical" />critical path
        </span>}
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
          <TimelineChart plan={view.plan} trace={view.trace} offsetMs={view.offsetMs} width={width} layout={EDITOR_LAYOUT} />
        ) : null}
      </div>
    </section>
  );
}
