'use client';
// The keyboard help overlay, opened with "?": every shortcut the editor has, from the one list.
import { useAppStore } from '@/lib/store/provider';
import { selectHelpOpen, selectSetHelpOpen } from '@/lib/store/selectors';
import { SHORTCUTS } from '../shortcuts';
import { Modal } from './modal';

export function HelpOverlay() {
  const open = useAppStore(selectHelpOpen);
  const setOpen = useAppStore(selectSetHelpOpen);
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => setOpen(false)} className="tw-help">
      <div className="tw-help__groups">
        {SHORTCUTS.map((g) => (
          <section key={g.group} aria-label={g.group}>
            <h3 className="tw-h3">{g.group}</h3>
            <dl className="tw-help__list">
              {g.items.map((s) => (
                <div key={s.action} className="tw-help__row">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="tw-help__plus">+</span>}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="tw-modal__actions">
        <button type="button" className="tw-button" onClick={() => setOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
