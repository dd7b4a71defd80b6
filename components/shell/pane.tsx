'use client';
// A collapsible side pane with tabs: the library on the left, the inspector on the right.
import { useId, useState, type ComponentProps, type KeyboardEvent, type ReactNode } from 'react';
import type { TermId } from '@/lib/glossary/terms';
import { useTermTip } from '../glossary/term-tip';

export interface PaneTab {
  id: string;
  label: string;
  content: ReactNode;
  /** The glossary term the tab's name is, explained on hover and focus. */
  term?: TermId;
}

/** A tab's name with its term's tip (hover and focus on the tab itself), when it has one. */
function TermTab({ term, children, tabProps }: { term: TermId; children: ReactNode; tabProps: ComponentProps<'button'> }) {
  const { trigger, tip } = useTermTip(term);
  return (
    <>
      <button
        {...tabProps}
        {...trigger}
        onKeyDown={(e) => {
          trigger.onKeyDown(e);
          tabProps.onKeyDown?.(e);
        }}
      >
        {children}
      </button>
      {tip}
    </>
  );
}

interface ToggleProps {
  side: 'left' | 'right';
  label: string;
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** Shows or hides the pane; its arrow points the way the pane will go (toward its edge to hide it). */
function PaneToggle({ side, label, open, onToggle }: ToggleProps) {
  const towardEdge = side === 'left' ? '«' : '»';
  const awayFromEdge = side === 'left' ? '»' : '«';
  return (
    <button
      type="button"
      className="tw-pane__toggle"
      aria-expanded={open}
      aria-label={`${open ? 'Hide' : 'Show'} ${label.toLowerCase()}`}
      onClick={() => onToggle(!open)}
    >
      {open ? towardEdge : awayFromEdge}
    </button>
  );
}

export function Pane({
  side,
  label,
  open,
  onToggle,
  tabs,
  tab,
  onTab,
}: ToggleProps & {
  tabs: PaneTab[];
  /** The shown tab, when the parent controls it. */
  tab?: string;
  onTab?: (id: string) => void;
}) {
  const base = useId();
  const [own, setOwn] = useState(tabs[0]?.id ?? '');
  const current = tab ?? own;
  const choose = onTab ?? setOwn;
  if (!open) {
    return (
      <aside className={`tw-pane tw-pane--${side} tw-pane--closed`} aria-label={label}>
        <PaneToggle side={side} label={label} open={false} onToggle={onToggle} />
      </aside>
    );
  }
  return (
    <aside className={`tw-pane tw-pane--${side}`} aria-label={label}>
      <div className="tw-pane__bar">
        <div role="tablist" aria-label={label} className="tw-tabs">
          {tabs.map((t) => {
            const tabProps = {
              type: 'button' as const,
              role: 'tab',
              id: `${base}-${t.id}-tab`,
              'aria-selected': t.id === current,
              'aria-controls': `${base}-${t.id}`,
              tabIndex: t.id === current ? 0 : -1,
              className: 'tw-tab',
              onClick: () => choose(t.id),
              onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const i = tabs.findIndex((x) => x.id === current);
                const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
                choose(next.id);
                document.getElementById(`${base}-${next.id}-tab`)?.focus();
              },
            };
            return t.term === undefined ? (
              <button key={t.id} {...tabProps}>
                {t.label}
              </button>
            ) : (
              <TermTab key={t.id} term={t.term} tabProps={tabProps}>
                {t.label}
              </TermTab>
            );
          })}
        </div>
        <PaneToggle side={side} label={label} open onToggle={onToggle} />
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-${t.id}`}
          aria-labelledby={`${base}-${t.id}-tab`}
          hidden={t.id !== current}
          className="tw-pane__body"
        >
          {t.id === current && t.content}
        </div>
      ))}
    </aside>
  );
}
