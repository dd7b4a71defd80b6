'use client';
// A term's definition where the term appears (lib/glossary): shown on hover and on keyboard focus, closed by Escape or
// by leaving; the pointer may move onto the tip without it closing. The trigger carries the definition as its
// aria-description (no hidden text in the label's own text), and while the tip shows, aria-describedby names it. The tip
// is drawn in a portal (inside the open <dialog>, if any, so it shows in the top layer) and never takes focus.
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { glossaryTerm, type TermId } from '@/lib/glossary/terms';

/** How long the tip waits after the pointer leaves, so it can move onto the tip. */
const LEAVE_MS = 150;
const GAP = 6;
const MARGIN = 8;

/** The one tip open on the page: opening another closes it at once, so two never overlap. */
let openTip: { owner: object; close: () => void } | null = null;

interface Place {
  left: number;
  top: number;
}

/** Where a tip of `tip` size goes for a trigger at `r`: below it, above when there is no room, kept in the window. */
export function placeTip(
  r: { left: number; top: number; bottom: number; width: number },
  tip: { width: number; height: number },
  view: { width: number; height: number },
): Place {
  const below = r.bottom + GAP;
  const top = below + tip.height + MARGIN <= view.height ? below : Math.max(MARGIN, r.top - GAP - tip.height);
  const centred = r.left + r.width / 2 - tip.width / 2;
  const left = Math.min(Math.max(MARGIN, centred), Math.max(MARGIN, view.width - tip.width - MARGIN));
  return { left, top };
}

/** The trigger's props and the tip element, for a control that is already focusable (a tab). */
export function useTermTip(term: TermId) {
  const entry = glossaryTerm(term);
  const tipId = useId();
  const triggerRef = useRef<HTMLElement | null>(null);
  const tipRef = useRef<HTMLDivElement | null>(null);
  const self = useRef({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Where the tip is drawn while open (the open dialog holding the trigger, else the body); null while closed.
  const [container, setContainer] = useState<Element | null>(null);
  const open = container !== null;

  // A press on the trigger hides the tip until the pointer leaves (as components/tip.ts does for data-tip): after a
  // click the pointer is still there, and the tip would cover what the click opened (a tab's panel, a menu).
  const pressed = useRef(false);

  const show = useCallback(() => {
    clearTimeout(timer.current);
    const t = triggerRef.current;
    if (t === null || pressed.current) return;
    if (openTip !== null && openTip.owner !== self.current) openTip.close();
    openTip = { owner: self.current, close: () => setContainer(null) };
    setContainer(t.closest('dialog[open]') ?? document.body);
  }, []);
  const hide = useCallback(() => {
    clearTimeout(timer.current);
    if (openTip?.owner === self.current) openTip = null;
    setContainer(null);
  }, []);
  const hideSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(hide, LEAVE_MS);
  }, [hide]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (openTip?.owner === self.current) openTip = null;
    },
    [],
  );

  // Escape closes the tip before anything else hears it (a dialog or the presentation would close otherwise).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      hide();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open, hide]);

  useLayoutEffect(() => {
    if (!open) return;
    const t = triggerRef.current;
    const tip = tipRef.current;
    if (t === null || tip === null) return;
    const at = placeTip(t.getBoundingClientRect(), tip.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight });
    tip.style.left = `${at.left}px`;
    tip.style.top = `${at.top}px`;
    tip.setAttribute('data-placed', '');
  }, [open]);

  const trigger = {
    ref: (el: HTMLElement | null) => {
      triggerRef.current = el;
    },
    'aria-description': entry.definition,
    'aria-describedby': open ? tipId : undefined,
    onPointerEnter: show,
    onPointerLeave: () => {
      pressed.current = false;
      hideSoon();
    },
    onPointerDown: () => {
      pressed.current = true;
      hide();
    },
    // Focus that a press gives shows nothing (see pressed); keyboard focus shows the tip.
    onFocus: (e: FocusEvent<HTMLElement>) => {
      if (e.target === e.currentTarget) show();
    },
    onBlur: hide,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === 'Escape' && open) hide();
    },
  };

  const tip = (
    <>
      {container !== null &&
        createPortal(
          <div
            ref={tipRef}
            id={tipId}
            role="tooltip"
            className="tw-term-tip"
            data-term={entry.id}
            onPointerEnter={show}
            onPointerLeave={hideSoon}
          >
            <strong className="tw-term-tip__term">{entry.term}</strong>
            <span className="tw-term-tip__def">{entry.definition}</span>
            <span className="tw-term-tip__more">All terms: the help (?)</span>
          </div>,
          container,
        )}
    </>
  );
  return { trigger, tip, open, hide };
}

/**
 * Wraps a term label: a focusable span (a tab stop unless `focusable` is false, for labels repeated in a long list or
 * inside a focusable node, where the tip still shows on hover) with a dotted underline.
 */
export function TermTip({
  term,
  children,
  focusable = true,
  className,
}: {
  term: TermId;
  children: ReactNode;
  focusable?: boolean;
  className?: string;
}) {
  const { trigger, tip } = useTermTip(term);
  return (
    <>
      <span {...trigger} className={`tw-term${className ? ` ${className}` : ''}`} tabIndex={focusable ? 0 : undefined} data-term={term}>
        {children}
      </span>
      {tip}
    </>
  );
}
