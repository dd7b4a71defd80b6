'use client';
// Asks before a plan from outside (a share link) is opened: it becomes a new plan, the current one stays.
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectPendingOpen } from '@/lib/store/selectors';
import { Modal } from './modal';

export function OpenDialog() {
  const pending = useAppStore(selectPendingOpen);
  const store = useAppStoreApi();
  if (pending === null) return null;
  const cancel = () => store.getState().askToOpen(null);
  const confirm = () => {
    const s = store.getState();
    const previous = s.plan.name;
    s.askToOpen(null);
    s.open(pending.plan, null);
    s.notify({ tone: 'success', text: `Opened “${pending.plan.name}” from ${pending.source} as a new plan. “${previous}” is unchanged.` });
  };
  return (
    <Modal title={`Open “${pending.plan.name}”?`} onClose={cancel}>
      <p>
        This plan comes from {pending.source}: {pending.plan.calls.length} {pending.plan.calls.length === 1 ? 'call' : 'calls'}. It opens as
        a new plan in your library; the plan you have open now stays as it is.
      </p>
      <div className="tw-modal__actions">
        <button type="button" className="tw-button tw-button--quiet" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="tw-button" onClick={confirm} autoFocus>
          Open plan
        </button>
      </div>
    </Modal>
  );
}
