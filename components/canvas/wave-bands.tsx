'use client';
// The wave bands behind the calls, labelled "Wave n · model turn n" under `waves`. Drawn as non-interactive React
// Flow nodes under the calls (so they pan and zoom with the graph), recomputed from node positions as they move.
// A band's node box stays empty (0 × 0) and the band is drawn inside it at its known size: React Flow watches every
// node's box for resizes and, on each, measures it and refreshes every node, so a band growing under a dragged call
// would cost a refresh of the whole canvas on every frame of the drag.
// After a run, the band of the model turn at the cursor is lit (see bandPhase in run-view.ts for which band that is
// under each strategy), saying whether the model is thinking or its calls are running.
import { memo, useMemo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { Strategy } from '@/lib/plan';
import { waveLabel, type LiveWaveBand } from '@/lib/plan/wave-bands';
import { useAppStore } from '@/lib/store/provider';
import { TermTip } from '../glossary/term-tip';
import { bandPhaseSelector } from './run-selectors';

export interface WaveBandNodeData extends Record<string, unknown> {
  wave: number;
  strategy: Strategy;
  count: number;
  /** What the band says to assistive technology: "Wave 1 · model turn 1: 3 calls". */
  name: string;
  /** The band's size on the canvas (the node's own box stays empty: see above). */
  width: number;
  height: number;
}

export type WaveBandNodeType = Node<WaveBandNodeData, 'waveBand'>;

export const bandNodeId = (wave: number) => `__wave_${wave}`;

function sameBand(n: WaveBandNodeType, b: LiveWaveBand, strategy: Strategy): boolean {
  return (
    n.position.x === b.x &&
    n.position.y === b.y &&
    n.data.width === b.width &&
    n.data.height === b.height &&
    n.data.count === b.callIds.length &&
    n.data.strategy === strategy
  );
}

/** Band nodes for `bands`, reusing the previous object of each band that did not move (so React Flow skips it). */
export function waveBandNodes(
  bands: readonly LiveWaveBand[],
  strategy: Strategy,
  previous: ReadonlyMap<string, WaveBandNodeType>,
): WaveBandNodeType[] {
  return bands.map((b) => {
    const id = bandNodeId(b.wave);
    const prev = previous.get(id);
    if (prev !== undefined && sameBand(prev, b, strategy)) return prev;
    return {
      id,
      type: 'waveBand',
      position: { x: b.x, y: b.y },
      // Known sizes: React Flow need not measure the DOM (see plan-canvas.tsx), and its box stays empty.
      measured: { width: b.width, height: b.height },
      handles: [],
      data: {
        wave: b.wave,
        strategy,
        count: b.callIds.length,
        name: `${b.label}: ${b.callIds.length} ${b.callIds.length === 1 ? 'call' : 'calls'}`,
        width: b.width,
        height: b.height,
      },
      draggable: false,
      selectable: false,
      focusable: false,
      connectable: false,
      deletable: false,
      zIndex: -1,
      // The band itself is the named group (its node's box is empty): the node is a plain container.
      domAttributes: { 'aria-roledescription': undefined, 'aria-describedby': undefined },
    };
  });
}

const PHASE_WORDS = { thinking: 'model thinking', executing: 'calls running' } as const;

function WaveBandView({ data }: NodeProps<WaveBandNodeType>) {
  const select = useMemo(() => bandPhaseSelector(data.wave), [data.wave]);
  const phase = useAppStore(select);
  return (
    <div
      className={`tw-band${phase === 'off' ? '' : ` tw-band--now tw-band--${phase}`}`}
      data-turn={phase}
      role="group"
      aria-label={data.name}
      style={{ width: data.width, height: data.height }}
    >
      <div className="tw-band__label">
        <span className="tw-band__name">
          <TermTip term="wave">{waveLabel(data.wave, data.strategy)}</TermTip>
        </span>
        {phase !== 'off' && (
          <span className="tw-band__now">
            <span className="tw-band__pulse" aria-hidden="true" />
            {PHASE_WORDS[phase]}
          </span>
        )}
        <span className="tw-band__count">
          {data.count} {data.count === 1 ? 'call' : 'calls'}
        </span>
      </div>
    </div>
  );
}

export const WaveBandNode = memo(WaveBandView);
