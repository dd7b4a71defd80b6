'use client';
// A collapsible section of the inspector (the disclosure pattern: a heading holding a button). Which sections
// are open is remembered for the whole inspector, so choosing another call keeps the same layout.
import { createContext, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { LineIcon } from '../icons';

interface SectionsState {
  isOpen: (id: string) => boolean;
  toggle: (id: string) => void;
}

const SectionsContext = createContext<SectionsState | null>(null);

export function SectionsProvider({ children }: { children: ReactNode }) {
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (id: string) =>
      setClosed((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const value = useMemo(() => ({ isOpen: (id: string) => !closed.has(id), toggle }), [closed, toggle]);
  return <SectionsContext.Provider value={value}>{children}</SectionsContext.Provider>;
}

export function Section({ id, title, summary, children }: { id: string; title: string; summary?: ReactNode; children: ReactNode }) {
  const ctx = useContext(SectionsContext);
  const [own, setOwn] = useState(true);
  const open = ctx ? ctx.isOpen(id) : own;
  const bodyId = useId();
  return (
    <section className={`tw-insp-section${open ? '' : ' tw-insp-section--closed'}`}>
      <h3 className="tw-insp-section__head">
        <button
          type="button"
          className="tw-insp-section__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => (ctx ? ctx.toggle(id) : setOwn(!own))}
        >
          <LineIcon className="tw-insp-section__chevron" d="M4 2.5 7.5 6 4 9.5" box={12} size={10} weight={1.6} />
          <span className="tw-insp-section__title">{title}</span>
          {summary !== undefined && <span className="tw-insp-section__summary">{summary}</span>}
        </button>
      </h3>
      <div id={bodyId} className="tw-insp-section__body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
