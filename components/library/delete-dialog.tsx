'use client';
// Asks before a plan is deleted from the library (from its row, or from the "storage is full" list).
import { Modal } from '../shell/modal';

export function DeleteDialog({
  name,
  isOpen,
  onCancel,
  onConfirm,
}: {
  name: string;
  isOpen: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Modal title={`Delete “${name}”?`} onClose={onCancel}>
      <p>
        It is removed from this browser’s library.
        {isOpen ? ' It is the plan you have open: the most recent other plan opens in its place.' : ''}
      </p>
      <div className="tw-modal__actions">
        <button type="button" className="tw-button tw-button--quiet" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="tw-button tw-button--danger" onClick={onConfirm}>
          Delete
        </button>
      </div>
    </Modal>
  );
}
