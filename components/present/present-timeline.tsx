'use client';
// The presentation's timeline: the run on view drawn by the one timeline chart in its presentation look, sized to fill
// its box. It draws the chart only, never the editor's TimelinePanel: that panel carries the playback bar and its
// clock, which must be mounted once (a second one would play the run at double speed).
import { useMemo, useRef } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectViewRun } from '@/lib/store/selectors';
import { presentLayout } from '../timeline/layout';
import { TimelineChart } from '../timeline/timeline-chart';
import { useElementSize } from '../use-measure';

export function PresentTimeline() {
  const view = useAppStore(selectViewRun);
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const trace = view?.trace;
  const layout = useMemo(() => (trace === undefined ? null : presentLayout(trace, width, height)), [trace, width, height]);
  return (
    <div className="tw-tl__box" ref={ref}>
      {view === null || layout === null ? (
        <p className="tw-tl__empty tw-tl__empty--present">This level did not run, so it has no timeline.</p>
      ) : width > 200 && height > 40 ? (
        <TimelineChart plan={view.plan} trace={view.trace} offsetMs={view.offsetMs} width={width} layout={layout} />
      ) : null}
    </div>
  );
}
