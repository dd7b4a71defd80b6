'use client';
// While browser storage is full: what each stored plan takes, largest first, with Export (keep it as a file) and
// Delete (after asking) on each line, so the user frees space where the notice says it is full. Deleting retries
// the save that failed. The open plan is listed for Export only: deleting it would not make room for itself.
import { useState } from 'react';
import { formatBytes } from '@/lib/intake/precheck';
import { serializePlan } from '@/lib/plan/parse';
import { useAppStore } from '@/lib/store/provider';
import { selectDocId } from '@/lib/store/selectors';
import { DeleteDialog } from './delete-dialog';
import { exportFileName } from './file-actions';
import { useLibraryController, useLibraryView } from './use-persistence';
import { downloadText } from '../download';

export function StorageUsage() {
  const { usage } = useLibraryView();
  const controller = useLibraryController();
  const docId = useAppStore(selectDocId);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  if (usage === null) return null;

  const exportPlan = (id: string) => {
    const plan = controller.storedPlan(id);
    if (plan !== null) downloadText(exportFileName(plan.name), serializePlan(plan), 'application/json');
  };

  return (
    <div className="tw-usage">
      <p className="tw-usage__lead">
        {usage.plans.length === 0
          ? 'No saved plan takes the space: other data of this site does. Export this plan to keep it.'
          : `What takes the space (${formatBytes(usage.totalChars)} in all), largest first: export a plan to keep it as a file, then delete it to make room.`}
      </p>
      {usage.plans.length > 0 && (
        <ul className="tw-usage__list" aria-label="Saved plans by size">
          {usage.plans.map((p) => {
            const size = formatBytes(p.chars);
            const open = p.id === docId;
            return (
              <li key={p.id} className="tw-usage__row">
                <span className="tw-usage__name" title={p.name}>
                  {p.name}
                  {open ? ' (open)' : ''}
                </span>
                <span className="tw-usage__size">{size}</span>
                <button
                  type="button"
                  className="tw-button tw-button--quiet"
                  aria-label={`Export “${p.name}” (${size})`}
                  onClick={() => exportPlan(p.id)}
                >
                  Export
                </button>
                {open ? (
                  <span />
                ) : (
                  <button
                    type="button"
                    className="tw-button tw-button--quiet"
                    aria-label={`Delete “${p.name}” (${size})`}
                    onClick={() => setDeleting({ id: p.id, name: p.name })}
                  >
                    Delete
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {deleting !== null && (
        <DeleteDialog
          name={deleting.name}
          isOpen={false}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            controller.remove(deleting.id);
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}
