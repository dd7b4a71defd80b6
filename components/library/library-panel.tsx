'use client';
// The left pane's "Library" tab: the plans kept in this browser, the open one marked, with New plan, Open,
// Rename, Duplicate and Delete (after a confirmation). Storage trouble is said here plainly.
import { useRef, useState } from 'react';
import { EMPTY_PLAN } from '@/lib/store/document';
import { useAppStore } from '@/lib/store/provider';
import { selectDocId, selectPlan, selectSaveMessage, selectSaveStatus } from '@/lib/store/selectors';
import { DeleteDialog } from './delete-dialog';
import { LibraryRow } from './library-row';
import { useClock } from './saved-ago';
import { useLibraryController, useLibraryView } from './use-persistence';

export function LibraryPanel() {
  const view = useLibraryView();
  const controller = useLibraryController();
  const plan = useAppStore(selectPlan);
  const docId = useAppStore(selectDocId);
  const saveStatus = useAppStore(selectSaveStatus);
  const saveMessage = useAppStore(selectSaveMessage);
  const now = useClock();
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const confirmDelete = () => {
    if (deleting === null) return;
    controller.remove(deleting.id);
    setDeleting(null);
    newButton.current?.focus();
  };
  // The open plan has no line of its own yet (new, or lost from storage): show it anyway, marked open.
  const listed = docId !== null && view.items.some((i) => i.id === docId);
  const unsavedMeta = saveStatus === 'memory-only' ? 'not saved' : plan === EMPTY_PLAN ? 'saved on the first edit' : 'saving…';

  return (
    <div className="tw-library">
      <div className="tw-library__top">
        <button ref={newButton} type="button" className="tw-button tw-button--small tw-button--quiet" onClick={() => controller.newPlan()}>
          <span aria-hidden="true">+</span> New plan
        </button>
        <span className="tw-library__count">{view.items.length === 1 ? '1 plan' : `${view.items.length} plans`}</span>
      </div>
      {saveStatus === 'memory-only' && saveMessage !== null && (
        <p className="tw-library__problem" role="note">
          {saveMessage}{' '}
          {view.usage !== null && (
            <button type="button" className="tw-link" onClick={() => controller.showStorageNotice()}>
              Show what takes the space
            </button>
          )}
        </p>
      )}
      {view.listError !== null && (
        <p className="tw-library__problem" role="alert">
          {view.listError}
        </p>
      )}
      <ul className="tw-library__list" aria-label="Saved plans">
        {view.ready && !listed && (
          <li className="tw-lib-row tw-lib-row--current">
            <div className="tw-lib-row__main" aria-current="true">
              <span className="tw-lib-row__name">{plan.name}</span>
              <span className="tw-lib-row__meta">open · {unsavedMeta}</span>
            </div>
          </li>
        )}
        {view.items.map((item) => {
          const current = item.id === docId;
          const name = current ? plan.name : item.name;
          return (
            <LibraryRow
              key={item.id}
              item={item}
              name={name}
              current={current}
              damaged={view.damaged.includes(item.id) || (item.rev === 0 && item.updatedAt === 0)}
              now={now}
              onOpen={() => controller.openEntry(item.id)}
              onRename={(next) => controller.rename(item.id, next)}
              onDuplicate={() => controller.duplicate(item.id)}
              onDelete={() => setDeleting({ id: item.id, name })}
            />
          );
        })}
      </ul>
      {view.ready && view.items.length === 0 && view.listError === null && (
        <p className="tw-muted tw-library__empty">No saved plans yet: your first edit saves this one.</p>
      )}
      <p className="tw-library__hint">Plans are kept in this browser only. Export one to keep it as a file.</p>
      {deleting !== null && (
        <DeleteDialog name={deleting.name} isOpen={deleting.id === docId} onCancel={() => setDeleting(null)} onConfirm={confirmDelete} />
      )}
    </div>
  );
}
