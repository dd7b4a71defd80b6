'use client';
// The wave bands behind the calls: one column per graph wave, labelled "Wave n · model turn n" under `waves`.
// Drawn as non-interactive React Flow nodes under the calls, so they pan and zoom with the graph.
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { Strategy } from '@/lib/plan';
import type { WaveBand } from '@/lib/plan/layout';

export interface WaveBandNodeData extends Record<string, unknown> {
  wave: number;
  strategy: Strategy;
  count: number;
}

export type WaveBandNodeType = Node<WaveBandNodeData, 'waveBand'>;

/** "Wave 2 · model turn 2" under `waves` (each wave is one model turn); "Wave 2" otherwise. */
export function waveLabel(wave: number, strategy: Strategy): string {
  return strategy === 'waves' ? `Wave ${wave + 1} · model turn ${wave + 1}` : `Wave ${wave + 1}`;
}

export function waveBandNodes(bands: readonly WaveBand[], strategy: Strategy): WaveBandNodeType[] {
  return bands.map((b) => ({
    id: `__wave_${b.wave}`,
    type: 'waveBand',
    position: { x: b.x, y: b.y },
    width: b.width,
    height: b.height,
    style: { width: b.width, height: b.height },
    data: { wave: b.wave, strategy, count: b.callIds.length },
    draggable: false,
    selectable: false,
    focusable: false,
    connectable: false,
    zIndex: -1,
    ariaRole: 'group',
    ariaLabel: `${waveLabel(b.wave, strategy)}: ${b.callIds.join(', ')}`,
  }));
}

function WaveBandView({ data }: NodeProps<WaveBandNodeType>) {
  return (
    <div className="tw-band">
      <div className="tw-band__label">
        <span>{waveLabel(data.wave, data.strategy)}</span>
        <span className="tw-band__count">
          {data.count} {data.count === 1 ? 'call' : 'calls'}
        </span>
      </div>
    </div>
  );
}

export const WaveBandNode = memo(WaveBandView);
