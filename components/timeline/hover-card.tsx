'use client';
// The editor timeline's hover card: which attempt bar the pointer is over, and that attempt's details in a small card
// placed under (or above) its bar, inside the window. Plain React text, never HTML.
import { useEffect, useState, type PointerEvent } from 'react';
import type { Trace } from '@/lib/engine';
import type { Plan } from '@/lib/plan/schema';
import { attemptDetails } from './attempt-words';
import { listen } from '../listen';

export interface Hover {
  row: number;
  attempt: number;
  /** The bar's box in the viewport, where the card is placed. */
  box: { left: number; top: number; bottom: number };
}

const CARD_WIDTH = 280;

/**
 * The attempt under the pointer, with the pointer handlers that follow it. The card goes when anything scrolls or
 * resizes (a fixed card would drift from its bar) and when a new run replaces the bars under it.
 */
export function useAttemptHover(trace: Trace) {
  const [hover, setHover] = useState<Hover | null>(null);
  const hoverKey = hover === null ? null : `${hover.row}:${hover.attempt}`;
  useEffect(() => {
    if (hover === null) return;
    const clear = () => setHover(null);
    return listen([window, 'scroll', clear, true], [window, 'resize', clear]);
  }, [hover]);
  const [hoverFor, setHoverFor] = useState(trace);
  if (hoverFor !== trace) {
    setHoverFor(trace);
    setHover(null);
  }
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const bar = e.target instanceof Element ? e.target.closest('rect[data-attempt]') : null;
    if (bar === null) {
      if (hover !== null) setHover(null);
      return;
    }
    const row = Number(bar.getAttribute('data-row'));
    const attempt = Number(bar.getAttribute('data-n'));
    if (hoverKey === `${row}:${attempt}`) return;
    const r = bar.getBoundingClientRect();
    setHover({ row, attempt, box: { left: r.left, top: r.top, bottom: r.bottom } });
  };
  return { hover, hoverKey, onPointerMove, onPointerLeave: () => setHover(null) };
}

/** The card of one attempt: call, attempt, times, result, code, retry. */
export function AttemptCard({ trace, plan, hover }: { trace: Trace; plan: Plan; hover: Hover }) {
  const call = trace.calls[hover.row];
  const a = call?.attempts.find((x) => x.n === hover.attempt);
  if (call === undefined || a === undefined) return null;
  const d = attemptDetails(call.id, plan.calls[hover.row]?.label ?? null, a, call.attempts.length);
  const vw = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const vh = typeof window === 'undefined' ? 720 : window.innerHeight;
  const left = Math.max(8, Math.min(hover.box.left, vw - CARD_WIDTH - 8));
  const below = hover.box.bottom + 170 < vh;
  const style = below ? { left, top: hover.box.bottom + 6 } : { left, top: hover.box.top - 6, transform: 'translateY(-100%)' };
  return (
    <div className={`tw-tl-card tw-tl-card--${d.tone}`} role="tooltip" style={{ ...style, width: CARD_WIDTH }}>
      <p className="tw-tl-card__title">{d.title}</p>
      {d.subtitle !== null && <p className="tw-tl-card__sub">{d.subtitle}</p>}
      <dl className="tw-tl-card__rows">
        {d.rows.map(([k, v]) => (
          <div key={k} className="tw-tl-card__row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
