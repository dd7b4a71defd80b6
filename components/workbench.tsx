'use client';
// The editor shell: top bar, library and examples on the left, the canvas in the middle, the inspector and
// the run on the right (both sides collapsible), plus notices, the help overlay and confirmations.
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '@/lib/store/app-store';
import { AppStoreProvider, useAppStore } from '@/lib/store/provider';
import {
  selectHelpOpen,
  selectLeftOpen,
  selectPresenting,
  selectRightOpen,
  selectSetLeftOpen,
  selectSetRightOpen,
  selectTrace,
} from '@/lib/store/selectors';
import { PlanCanvas } from './canvas/plan-canvas';
import { FileDropZone } from './library/file-drop-zone';
import { LibraryPanel } from './library/library-panel';
import { TimelinePanel } from './run/timeline-panel';
import { Header } from './shell/header';
import { Inspector } from './inspector/inspector';
import { Notices } from './shell/notices';
import { OpenDialog } from './shell/open-dialog';
import { Pane } from './shell/pane';
import { maxSize, PANE_BOUNDS } from './shell/pane-sizes';
import { Splitter } from './shell/splitter';
import { usePaneSizes } from './shell/use-pane-sizes';
import { useBootstrap } from './shell/use-bootstrap';
import { useGlobalKeys } from './shell/use-global-keys';
import { LearnDriver } from './learn/learn-driver';
import { selectLeftTab, useLearn, useLearnStore } from './learn/learn-store';

// What the first screen does not show is loaded when it is first asked for: the Run tab, Many runs (with its
// charts), the examples gallery, the presentation and the help (and, elsewhere, the timeline chart, the node menu, import and
// share). Each shows a one-line placeholder while its code arrives.
const Loading = ({ what }: { what: string }) => (
  <p className="tw-muted tw-lazy" role="status">
    Loading {what}…
  </p>
);
const StatsPanel = dynamic(() => import('./stats/stats-panel').then((m) => m.StatsPanel), {
  ssr: false,
  loading: () => <Loading what="Many runs" />,
});
const RunResults = dynamic(() => import('./run/run-results').then((m) => m.RunResults), {
  ssr: false,
  loading: () => <Loading what="the run" />,
});
const ExamplesGallery = dynamic(() => import('./library/examples-gallery').then((m) => m.ExamplesGallery), {
  ssr: false,
  loading: () => <Loading what="the examples" />,
});
const Presentation = dynamic(() => import('./present/presentation').then((m) => m.Presentation), { ssr: false });
const LearnPanel = dynamic(() => import('./learn/learn-panel').then((m) => m.LearnPanel), {
  ssr: false,
  loading: () => <Loading what="the course" />,
});
/** Whether each side pane is open, and how to open or close it. */
const selectPanes = (s: AppState) => ({
  leftOpen: selectLeftOpen(s),
  rightOpen: selectRightOpen(s),
  setLeftOpen: selectSetLeftOpen(s),
  setRightOpen: selectSetRightOpen(s),
});
const selectComparingPolicies = (s: AppState) => s.policyCompareCall !== null;
const PolicyCompare = dynamic(() => import('./compare/policy-compare').then((m) => m.PolicyCompare), { ssr: false });
const HelpOverlay = dynamic(() => import('./shell/help-overlay').then((m) => m.HelpOverlay), { ssr: false });

function Editor() {
  useBootstrap();
  useGlobalKeys();
  const { leftOpen, rightOpen, setLeftOpen, setRightOpen } = useAppStore(useShallow(selectPanes));
  const trace = useAppStore(selectTrace);
  const helpOpen = useAppStore(selectHelpOpen);
  const presenting = useAppStore(selectPresenting);
  const comparingPolicies = useAppStore(selectComparingPolicies);
  const [rightTab, setRightTab] = useState('inspect');
  const leftTab = useLearn(selectLeftTab);
  const learn = useLearnStore();
  const { sizes, viewport, setSize, resetSize } = usePaneSizes({ left: leftOpen, right: rightOpen });
  // A new run brings its results into view.
  const [lastTrace, setLastTrace] = useState(trace);
  if (trace !== lastTrace) {
    setLastTrace(trace);
    if (trace !== null) setRightTab('run');
  }
  return (
    <div className="tw-shell">
      <Header />
      <main
        className="tw-main"
        style={{
          ['--tw-left-w' as string]: `${sizes.left}px`,
          ['--tw-right-w' as string]: `${sizes.right}px`,
          ['--tw-tl-h' as string]: `${sizes.timeline}px`,
        }}
      >
        <Pane
          side="left"
          label="Library"
          open={leftOpen}
          onToggle={setLeftOpen}
          tab={leftTab}
          onTab={(id) => learn.setState({ leftTab: id })}
          tabs={[
            { id: 'library', label: 'Library', content: <LibraryPanel /> },
            { id: 'examples', label: 'Examples', content: <ExamplesGallery /> },
            { id: 'learn', label: 'Learn', content: <LearnPanel /> },
          ]}
        />
        <div className="tw-center">
          <section className="tw-canvas" aria-label="Plan graph">
            <FileDropZone>
              <PlanCanvas />
            </FileDropZone>
          </section>
          <TimelinePanel
            height={sizes.timeline}
            maxHeight={maxSize('timeline', viewport, sizes)}
            onResize={(px) => setSize('timeline', px)}
            onResetSize={() => resetSize('timeline')}
          />
        </div>
        <Pane
          side="right"
          label="Inspector"
          open={rightOpen}
          onToggle={setRightOpen}
          tab={rightTab}
          onTab={setRightTab}
          tabs={[
            { id: 'inspect', label: 'Inspect', content: <Inspector /> },
            { id: 'run', label: 'Run', content: <RunResults />, term: 'run' },
            { id: 'stats', label: 'Many runs', content: <StatsPanel />, term: 'many-runs' },
          ]}
        />
        {leftOpen && (
          <Splitter
            className="tw-splitter--left"
            label="Resize the library"
            orientation="vertical"
            grows={1}
            value={sizes.left}
            min={PANE_BOUNDS.left.min}
            max={maxSize('left', viewport, sizes)}
            onChange={(px) => setSize('left', px)}
            onReset={() => resetSize('left')}
          />
        )}
        {rightOpen && (
          <Splitter
            className="tw-splitter--right"
            label="Resize the inspector"
            orientation="vertical"
            grows={-1}
            value={sizes.right}
            min={PANE_BOUNDS.right.min}
            max={maxSize('right', viewport, sizes)}
            onChange={(px) => setSize('right', px)}
            onReset={() => resetSize('right')}
          />
        )}
      </main>
      <LearnDriver />
      <Notices />
      {helpOpen && <HelpOverlay />}
      <OpenDialog />
      {presenting && <Presentation />}
      {comparingPolicies && <PolicyCompare />}
    </div>
  );
}

export function Workbench() {
  return (
    <AppStoreProvider>
      <Editor />
    </AppStoreProvider>
  );
}
