'use client';
// Wraps the canvas: a plan file, or recorded agent runs, dropped anywhere on it are imported as a new plan (an
// overlay shows while files are dragged over). It also hosts what must show over the canvas: "Loading…" until the
// plan is decided, an import being read (with Cancel), the banner when another tab changed or deleted the open plan,
// and the last import's report.
// Drags that carry no file (the palette) pass through.
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { prewarmIntake } from '@/lib/intake/client';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectImportReportOnView } from '@/lib/store/selectors';
import { ImportProgress } from './import-progress';
import { importFiles } from './import-runs';
import { LibraryBanner } from './library-banner';
import { useLibraryView } from './use-persistence';

// The report's words and lists load with the first report: most sessions never import recorded runs.
const ImportReportPanel = dynamic(() => import('./import-report').then((m) => m.ImportReportPanel), { ssr: false });

const carriesFiles = (e: { dataTransfer: DataTransfer | null }): boolean => e.dataTransfer?.types.includes('Files') ?? false;

export function FileDropZone({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const { ready } = useLibraryView();
  const hasReport = useAppStore(selectImportReportOnView) !== null;
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  // A file dropped beside the canvas would make the browser navigate to it: refuse such drops page-wide.
  useEffect(() => {
    const refuse = (e: globalThis.DragEvent) => {
      if (carriesFiles(e) && !e.defaultPrevented) {
        e.preventDefault();
        if (e.dataTransfer !== null) e.dataTransfer.dropEffect = 'none';
      }
    };
    const reset = () => {
      depth.current = 0;
      setOver(false);
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
      window.removeEventListener('dragend', reset);
    };
  }, []);

  const onDragEnter = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth.current += 1;
    setOver(true);
    // The reader's worker starts while the files are over the page, so the drop does not wait for it.
    prewarmIntake();
  };
  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    void importFiles(store, Array.from(e.dataTransfer.files));
  };

  return (
    <div className="tw-dropzone" onDragEnter={onDragEnter} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <ImportProgress />
      <LibraryBanner />
      {hasReport && <ImportReportPanel />}
      <div className="tw-dropzone__body">{children}</div>
      {!ready && (
        <div className="tw-dropzone__veil" role="status">
          Loading your plan…
        </div>
      )}
      {over && (
        <div className="tw-dropzone__overlay" aria-hidden="true">
          <div className="tw-dropzone__target">
            <strong>Drop to import</strong>
            <span>
              A plan file, or recorded runs of an agent (transcripts, traces), open as a new plan; the open one stays in your library.
            </span>
          </div>
        </div>
      )}
    </div>
  );
}
