'use client';
// An example's lesson in the gallery: two lines, and — when it is longer than that — a toggle to read it whole.
// Whether it is cut is measured (the pane's width decides), so a short lesson never shows a toggle that does nothing.
import { useId, useRef, useState } from 'react';
import { useMeasure } from '../use-measure';

const isClamped = (el: HTMLElement) => el.scrollHeight > el.clientHeight + 1;

export function ExampleLesson({ text, name }: { text: string; name: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  const clamped = useMeasure(ref, isClamped, Object.is, false);
  const id = useId();
  return (
    <>
      <p ref={ref} id={id} className={`tw-gallery__desc${open ? ' tw-gallery__desc--open' : ''}`}>
        {text}
      </p>
      {(open || clamped) && (
        <button
          type="button"
          className="tw-gallery__more"
          aria-expanded={open}
          aria-controls={id}
          aria-label={open ? `Show less of ${name}` : `Read the whole lesson of ${name}`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Show less' : 'Read the whole lesson'}
        </button>
      )}
    </>
  );
}
