'use client';
// The part of a scrolling box in view, for charts that draw only the rows a person can see: a plan of thousands of
// calls has thousands of timeline rows, and drawing them all stalls the page. Null while `enabled` is false (a chart
// of a few hundred rows draws them all, so every row stays reachable by keyboard).
import { useEffect, useState, type RefObject } from 'react';

/** The content's vertical span to draw, in px from the top of the scrolled content. */
export interface ScrollWindow {
  top: number;
  bottom: number;
}

/** From this many rows on, a chart draws only the rows in view (and a margin). */
export const WINDOWED_ROWS = 300;

/** Rows are drawn this far beyond what is in view, and the span moves in steps of this size (fewer redraws). */
const MARGIN = 600;
const STEP = 300;

/** Whether a row from `y` to `y + height` (content px) lies in the window; everything does when there is none. */
export function inWindow(win: ScrollWindow | null, y: number, height: number): boolean {
  return win === null || (y + height >= win.top && y <= win.bottom);
}

export function useScrollWindow(ref: RefObject<HTMLElement | null>, enabled: boolean): ScrollWindow | null {
  const [win, setWin] = useState<ScrollWindow | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || el === null) {
      setWin(null);
      return;
    }
    let frame: number | null = null;
    const measure = () => {
      frame = null;
      const top = Math.floor(el.scrollTop / STEP) * STEP - MARGIN;
      const bottom = top + el.clientHeight + STEP + 2 * MARGIN;
      setWin((w) => (w !== null && w.top === top && w.bottom === bottom ? w : { top, bottom }));
    };
    const onScroll = () => {
      frame ??= requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [ref, enabled]);
  return win;
}
