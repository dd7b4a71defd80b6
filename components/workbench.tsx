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
  // A new run brings its results into view.
  const [lastTrace, setLastTrace] = useState(trace);
  if (trace !== lastTrace) {
    setLastTrace(trace);
    if (trace !== null) setRightTab('run');
  }
  return (
    <div className="tw-shell">
      <Header />
      <main className={`tw-main${leftOpen ? '' : ' tw-main--left-closed'}${rightOpen ? '' : ' tw-main--right-closed'}`}>
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
          <TimelinePanel />
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
