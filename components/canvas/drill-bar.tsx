'use client';
// The bar over a drilled-in canvas: a breadcrumb from the top plan down to the sub-agent on view (each level above
// it a button that goes back up), and a sentence on what its nested run did and whether the orchestrator knew.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectPlan, selectViewPath } from '@/lib/store/selectors';
import { breadcrumb } from '@/lib/store/view';
import { selectDrillNote } from './run-selectors';
import { LineIcon } from '../icons';

export function DrillBar() {
  const store = useAppStoreApi();
  const plan = useAppStore(selectPlan);
  const path = useAppStore(selectViewPath);
  const note = useAppStore(useShallow(selectDrillNote));
  if (path.length === 0) return null;
  const crumbs = breadcrumb(plan, path);
  const hidden = note?.tone === 'hidden';
  return (
    <div className="tw-drill">
      <nav aria-label="Breadcrumb" className="tw-drill__crumbs">
        <ol>
          {crumbs.map((c, depth) => {
            const current = depth === crumbs.length - 1;
            return (
              <li key={`${depth}:${c.id ?? ''}`}>
                {depth > 0 && <LineIcon className="tw-drill__sep" d="m6 3.5 4.5 4.5L6 12.5" size={12} weight={1.8} />}
                {current ? (
                  <span className="tw-drill__here" aria-current="page" title={c.label}>
                    {c.label}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="tw-drill__up"
                    onClick={() => store.getState().drillTo(depth)}
                    title={depth === 0 ? 'Back to the top plan' : `Back to ${c.label}`}
                  >
                    {depth === 0 && <LineIcon d="M10 3.5 5.5 8l4.5 4.5" size={12} weight={2} />}
                    {c.label}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      {note !== null && (
        <p className={`tw-drill__note${hidden ? ' tw-drill__note--hidden' : ''}`}>
          {hidden && (
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M8 1.8 15 14H1L8 1.8Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
              <path d="M8 6.2v3.6M8 11.6v.1" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          )}
          {note.text}
        </p>
      )}
    </div>
  );
}
