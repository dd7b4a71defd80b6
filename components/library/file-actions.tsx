'use client';
// File actions in the top bar: Import (a plan file, or recorded agent runs, open as a new plan), Export (a menu: the
// canonical JSON file, or the plan as code) and Share (a link carrying the plan, copied, or shown to copy by hand).
import { useRef, useState } from 'react';
import { serializePlan } from '@/lib/plan/parse';
import { prewarmIntake } from '@/lib/intake/client';
import { useAppStoreApi } from '@/lib/store/provider';
import { IMPORT_ACCEPT, importFiles } from './import-runs';
import { ShareDialog } from './share-dialog';
import { ExportMenu } from '../export/export-menu';
import { fileStem } from '../format';
import { downloadText } from '../download';

/** A file name from the plan's name: `research-agent.toolwave.json`. */
export function exportFileName(name: string): string {
  return `${fileStem(name)}.toolwave.json`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard === undefined) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function FileActions() {
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState<{ url: string; warning: string | null } | null>(null);

  const exportPlan = () => {
    const plan = store.getState().plan;
    downloadText(exportFileName(plan.name), serializePlan(plan), 'application/json');
  };

  const share = async () => {
    const s = store.getState();
    // The link codec (and its compressor) loads on the first Share, not with the page.
    const { createShareLink } = await import('@/lib/share/codec');
    const link = createShareLink(s.plan, window.location.href);
    if (!link.ok) {
      s.notify({ tone: 'error', text: link.message });
      return;
    }
    if (await copyText(link.url)) {
      const text =
        link.warning === null
          ? `Link copied: it opens “${s.plan.name}” as a new plan for whoever follows it.`
          : `Link copied. ${link.warning}`;
      store.getState().notify({ tone: link.warning === null ? 'success' : 'warning', text });
    } else {
      setShown({ url: link.url, warning: link.warning });
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        multiple
        hidden
        tabIndex={-1}
        aria-label="Plan file to import"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared at once, so choosing the same file again imports it again.
          e.currentTarget.value = '';
          if (files.length > 0) void importFiles(store, files);
        }}
      />
      <button
        type="button"
        className="tw-button tw-button--quiet tw-file-button"
        onClick={() => input.current?.click()}
        // The reader's worker starts while the pointer is on its way, so the import does not wait for it.
        onPointerEnter={() => prewarmIntake()}
        onFocus={() => prewarmIntake()}
        title="Import a plan file, or recorded runs of an agent (transcripts, OTLP or Langfuse traces), as a new plan"
      >
        Import
      </button>
      <ExportMenu getPlan={() => store.getState().plan} onExportFile={exportPlan} />
      <button
        type="button"
        className="tw-button tw-button--quiet tw-file-button"
        onClick={() => void share()}
        title="Copy a link that carries this plan"
      >
        Share
      </button>
      {shown !== null && <ShareDialog url={shown.url} warning={shown.warning} onClose={() => setShown(null)} />}
    </>
  );
}
