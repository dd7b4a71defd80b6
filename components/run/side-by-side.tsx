'use client';
// Two contexts in two columns, lines aligned (lib/engine/context/align.ts): a row per line pair, the rows that differ
// marked by a sign and a word (never colour alone), previous/next difference with "Difference 2 of 3", n / Shift+N
// while it has focus, and scrolled to the first difference whenever what it compares changes. Text only, never HTML.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Alignment, RowKind } from '@/lib/engine/context/align';
import { stepHunk } from './compare-choice';
import { markLines } from './context-diff';

export interface Side {
  title: string;
  /** Call ids whose lines are highlighted on this side. */
  ids: readonly string[];
}

const MARK: Record<RowKind, { sign: string; word: string }> = {
  same: { sign: '', word: '' },
  changed: { sign: '≠', word: 'differs' },
  left: { sign: '−', word: 'missing on the right' },
  right: { sign: '+', word: 'only on the right' },
};

type SideName = 'left' | 'right';

/** Which of the side's rows name its ids (for the highlight): per row, the ids it names, or undefined. */
function markedRows(rows: Alignment['rows'], side: SideName, ids: readonly string[]): (string | undefined)[] {
  if (ids.length === 0) return rows.map(() => undefined);
  const marks = markLines(rows.map((r) => r[side] ?? '').join('\n'), ids);
  return marks.map((m) => (m.ids.length > 0 ? m.ids.join(' ') : undefined));
}

/** One side's line in a row; a gap where the other side has a line this one lacks. */
function LineCell({ text, side, marked }: { text: string | null; side: SideName; marked: string | undefined }) {
  return (
    <td className={text === null ? 'tw-sbs__cell tw-sbs__cell--gap' : 'tw-sbs__cell'} data-side={side} data-marked={marked}>
      {text ?? ''}
    </td>
  );
}

export function SideBySide({ left, right, alignment, label }: { left: Side; right: Side; alignment: Alignment; label: string }) {
  const { rows, hunks } = alignment;
  const [pos, setPos] = useState<{ of: Alignment; i: number }>({ of: alignment, i: 0 });
  // A new comparison (another anti-pattern, the cursor moved on) starts again at its first difference.
  const current = pos.of === alignment ? Math.min(pos.i, Math.max(0, hunks.length - 1)) : 0;
  const scroller = useRef<HTMLDivElement>(null);
  const statusId = useId();

  const hunkOfRow = useMemo(() => {
    const of = new Int32Array(rows.length).fill(-1);
    hunks.forEach((h, k) => of.fill(k, h.start, h.end));
    return of;
  }, [rows, hunks]);
  const leftMarks = useMemo(() => markedRows(rows, 'left', left.ids), [rows, left.ids]);
  const rightMarks = useMemo(() => markedRows(rows, 'right', right.ids), [rows, right.ids]);

  useEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>(`[data-hunk-start="${current}"]`);
    if (!box || !row) return;
    // One whole row of context above the difference, under the sticky column headings; never a sliver of one.
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const before = row.previousElementSibling;
    const anchor = before instanceof HTMLElement && before.getBoundingClientRect().height < box.clientHeight / 3 ? before : row;
    const top = anchor.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, top - head);
  }, [current, alignment]);

  const go = (dir: 1 | -1) => setPos({ of: alignment, i: stepHunk(current, hunks.length, dir) });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key.toLowerCase() !== 'n') return;
    e.preventDefault();
    e.stopPropagation();
    go(e.shiftKey ? -1 : 1);
  };

  const status = hunks.length === 0 ? 'No difference' : `Difference ${current + 1} of ${hunks.length}`;
  return (
    <div className="tw-sbs" role="group" aria-label={label} aria-describedby={statusId} onKeyDown={onKeyDown}>
      <div className="tw-sbs__nav">
        <button type="button" className="tw-ctx__button" onClick={() => go(-1)} disabled={hunks.length < 2} aria-keyshortcuts="Shift+N">
          Previous difference
        </button>
        <button type="button" className="tw-ctx__button" onClick={() => go(1)} disabled={hunks.length < 2} aria-keyshortcuts="N">
          Next difference
        </button>
        <span className="tw-sbs__status" id={statusId} role="status" data-testid="difference-status">
          {status}
        </span>
        <span className="tw-sbs__keys" aria-hidden="true">
          <kbd>n</kbd> / <kbd>Shift</kbd>+<kbd>n</kbd>
        </span>
      </div>
      <div className="tw-sbs__scroll" ref={scroller} tabIndex={0} role="region" aria-label={`${label}, line by line`}>
        <table className="tw-sbs__table">
          <colgroup>
            <col className="tw-sbs__col" />
            <col className="tw-sbs__col--mark" />
            <col className="tw-sbs__col" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{left.title}</th>
              <th scope="col">
                <span className="tw-visually-hidden">Difference</span>
              </th>
              <th scope="col">{right.title}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => {
              const h = hunkOfRow[k];
              const isStart = h >= 0 && hunks[h].start === k;
              const cls = `tw-sbs__row tw-sbs__row--${r.kind}${h >= 0 && h === current ? ' tw-sbs__row--current' : ''}`;
              return (
                <tr
                  key={k}
                  className={cls}
                  data-kind={r.kind}
                  data-hunk-start={isStart ? h : undefined}
                  aria-current={isStart && h === current ? 'true' : undefined}
                >
                  <LineCell text={r.left} side="left" marked={leftMarks[k]} />
                  <td className="tw-sbs__mark" title={MARK[r.kind].word || undefined}>
                    {MARK[r.kind].sign !== '' && <span aria-hidden="true">{MARK[r.kind].sign}</span>}
                    {MARK[r.kind].word !== '' && <span className="tw-visually-hidden">{MARK[r.kind].word}</span>}
                  </td>
                  <LineCell text={r.right} side="right" marked={rightMarks[k]} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
