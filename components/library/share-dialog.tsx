'use client';
// Shown when the clipboard refuses the share link: the link in a read-only field, already selected, to copy by hand.
import { useEffect, useRef } from 'react';
import { Modal } from '../shell/modal';

export function ShareDialog({ url, warning, onClose }: { url: string; warning: string | null; onClose: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <Modal title="Share this plan" onClose={onClose} className="tw-share" closeLabel="Done">
      <p>
        The browser did not let Toolwave copy the link. Copy it from here (Ctrl/⌘+C): whoever opens it is asked before the plan opens, as a
        new plan.
      </p>
      <label className="tw-share__field">
        <span className="tw-field__label">Share link</span>
        <input ref={field} className="tw-input" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      {warning !== null && <p className="tw-share__warning">{warning}</p>}
    </Modal>
  );
}
