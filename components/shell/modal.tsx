'use client';
// A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes it. With `closeLabel`
// it ends with one action button of that name that closes it too.
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({
  title,
  onClose,
  children,
  className,
  closeLabel,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  closeLabel?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el !== null && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`tw-modal ${className ?? ''}`}
      aria-labelledby="tw-modal-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="tw-modal-title" className="tw-modal__title">
        {title}
      </h2>
      {children}
      {closeLabel !== undefined && (
        <div className="tw-modal__actions">
          <button type="button" className="tw-button" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
      )}
    </dialog>
  );
}
