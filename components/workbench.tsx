'use client';
// The editor shell: top bar, library and examples on the left, the canvas in the middle, the inspector and
// the run on the right (both sides collapsible), plus notices, the help overlay and confirmations.
import { useState } from 'react';
import { AppStoreProvider, useAppStore } from '@/lib/store/provider';
import { selectLeftOpen, selectRightOpen, selectSetLeftOpen, selectSetRightOpen, selectTrace } from '@/lib/store/selectors';
import { PlanCanvas } from './canvas/plan-canvas';
import { ExamplesGallery } from './library/examples-gallery';
import { FileDropZone } from './library/file-drop-zone';
import { LibraryPanel } from './library/library-panel';
import { RunResults } from './run/run-results';
import { StatsPanel } from './stats/stats-panel';
import { TimelinePanel } from './run/timeline-panel';
import { Header } from './shell/header';
import { Inspector } from './inspector/inspector';
import { HelpOverlay } from './shell/help-overlay';
import { Notices } from './shell/notices';
import { OpenDialog } from './shell/open-dialog';
import { Presentation } from './present/presentation';
import { Pane } from './shell/pane';
import { maxSize, PANE_BOUNDS } from './shell/pane-sizes';
import { Splitter } from './shell/splitter';
import { usePaneSizes } from './shell/use-pane-sizes';
import { useBootstrap } from './shell/use-bootstrap';
import { useGlobalKeys } from './shell/use-global-keys';

function Editor() {
  useBootstrap();
  useGlobalKeys();
  const leftOpen = useAppStore(selectLeftOpen);
  const rightOpen = useAppStore(selectRightOpen);
  const setLeftOpen = useAppStore(selectSetLeftOpen);
  const setRightOpen = useAppStore(selectSetRightOpen);
  const trace = useAppStore(selectTrace);
  const [rightTab, setRightTab] = useState('inspect');
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
        style={{ ['--tw-left-w' as string]: `${sizes.left}px`, ['--tw-right-w' as string]: `${sizes.right}px`, ['--tw-tl-h' as string]: `${sizes.timeline}px` }}
      >
        <Pane side="left" label="Library" open={leftOpen} onToggle={setLeftOpen} tabs={[
            { id: 'library', label: 'Library', content: <LibraryPanel /> },
            { id: 'examples', label: 'Examples', content: <ExamplesGallery /> },
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
            { id: 'run', label: 'Run', content: <RunResults /> },
            { id: 'stats', label: 'Many runs', content: <StatsPanel /> },
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
      <Notices />
      <HelpOverlay />
      <OpenDialog />
      <Presentation />
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
