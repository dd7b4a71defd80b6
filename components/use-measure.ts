'use client';
// Measuring an element as it resizes: one ResizeObserver hook, and the measures the views take with it.
import { useEffect, useState, type RefObject } from 'react';

/**
 * `measure(el)` now and on every resize of the element; the view re-renders only when `same` says the measure
 * changed. Pass module-level functions (their identity keys the observer).
 */
export function useMeasure<T>(
  ref: RefObject<HTMLElement | null>,
  measure: (el: HTMLElement) => T,
  same: (a: T, b: T) => boolean,
  initial: T,
): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const update = () => {
      const next = measure(el);
      setValue((v) => (same(v, next) ? v : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, measure, same]);
  return value;
}

const widthOf = (el: HTMLElement) => Math.floor(el.clientWidth);

/** The content-box width of an element, kept current (0 until it is measured). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  return useMeasure(ref, widthOf, Object.is, 0);
}

export interface Size {
  width: number;
  height: number;
}

const sizeOf = (el: HTMLElement): Size => ({ width: Math.floor(el.clientWidth), height: Math.floor(el.clientHeight) });
const sameSize = (a: Size, b: Size) => a.width === b.width && a.height === b.height;
const NO_SIZE: Size = { width: 0, height: 0 };

/** The content box of an element, kept current (0 × 0 until measured). */
export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  return useMeasure(ref, sizeOf, sameSize, NO_SIZE);
}
