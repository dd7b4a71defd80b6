'use client';
// The help, opened with "?": the glossary first (every term the UI uses, one definition each, from lib/glossary), then
// every keyboard shortcut from the one list. It always opens at its top: the list scrolls, the Close button stays.
import { useLayoutEffect, useRef } from 'react';
import { GLOSSARY, glossaryAnchor } from '@/lib/glossary/terms';
import { useAppStore } from '@/lib/store/provider';
import { selectHelpOpen, selectSetHelpOpen } from '@/lib/store/selectors';
import { SHORTCUTS } from '../shortcuts';
import { Modal } from './modal';

const TERM_NAME = new Map<string, string>(GLOSSARY.map((t) => [t.id, t.term]));

function Glossary() {
  return (
    <section aria-labelledby="tw-help-glossary" className="tw-help__glossary">
      <h3 id="tw-help-glossary" className="tw-h3">
        Glossary
      </h3>
      <dl className="tw-glossary" aria-label="Glossary">
        {GLOSSARY.map((t) => {
          const also = 'seeAlso' in t ? t.seeAlso.map((id) => TERM_NAME.get(id) ?? id) : [];
          return (
            <div key={t.id} id={glossaryAnchor(t.id)} className="tw-glossary__row" data-term={t.id}>
              <dt className="tw-glossary__term">{t.term}</dt>
              <dd className="tw-glossary__def">
                {t.definition}
                {also.length > 0 && <span className="tw-glossary__also"> See also: {also.join(', ')}.</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function Shortcuts() {
  return (
    <section aria-labelledby="tw-help-keys" className="tw-help__keys">
      <h3 id="tw-help-keys" className="tw-h3">
        Keyboard shortcuts
      </h3>
      <div className="tw-help__groups">
        {SHORTCUTS.map((g) => (
          <section key={g.group} aria-label={g.group}>
            <h4 className="tw-caps tw-help__group">{g.group}</h4>
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
    </section>
  );
}

function HelpBody({ onClose }: { onClose: () => void }) {
  const body = useRef<HTMLDivElement>(null);
  // Opened again after scrolling down, it starts at the top (the glossary) all the same.
  useLayoutEffect(() => {
    if (body.current !== null) body.current.scrollTop = 0;
  }, []);
  return (
    <>
      <div ref={body} className="tw-help__body" tabIndex={-1} role="region" aria-label="Glossary and keyboard shortcuts">
        <Glossary />
        <Shortcuts />
      </div>
      <div className="tw-modal__actions tw-help__actions">
        <button type="button" className="tw-button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </>
  );
}

export function HelpOverlay() {
  const open = useAppStore(selectHelpOpen);
  const setOpen = useAppStore(selectSetHelpOpen);
  if (!open) return null;
  return (
    <Modal title="Help: glossary and keyboard shortcuts" onClose={() => setOpen(false)} className="tw-help">
      <HelpBody onClose={() => setOpen(false)} />
    </Modal>
  );
}
