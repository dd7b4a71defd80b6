// Every small icon of the product's controls and states, in one place: transport (playback and presentation), call
// status, fault kind and tool. Inline SVG on a 16-unit grid in currentColor, always decorative (aria-hidden): the
// control or the words beside an icon name what it shows, so an icon never carries meaning on its own.
import type { ReactNode } from 'react';
import type { FaultKind } from '@/lib/plan';
import type { NodePhase } from './canvas/run-view';

/** The one frame every icon is drawn in. */
function Svg({ size, className, children }: { size: number; className?: string; children: ReactNode }) {
  return (
    <svg className={className} viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** A control's one-path line icon: `d` stroked in currentColor, `weight` units wide, on a `box`-unit grid. */
export function LineIcon({
  d,
  size,
  weight,
  box = 16,
  className,
}: {
  d: string;
  size: number;
  weight: number;
  box?: number;
  className?: string;
}) {
  return (
    <svg className={className} viewBox={`0 0 ${box} ${box}`} width={size} height={size} aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth={weight} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const stroke16 = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
const stroke18 = { ...stroke16, strokeWidth: 1.8 } as const;
const chevron = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const TRANSPORT = {
  start: (
    <>
      <rect x="2.5" y="3" width="2" height="10" rx="0.6" fill="currentColor" />
      <path d="M13.5 3v10L5.5 8z" fill="currentColor" />
    </>
  ),
  prevTurn: <path d="M8 3.5v9L1.5 8zM14.5 3.5v9L8 8z" fill="currentColor" />,
  prevEvent: <path d="M11 3.5v9L4.5 8z" fill="currentColor" />,
  play: <path d="M4 2.5v11l9.5-5.5z" fill="currentColor" />,
  pause: (
    <>
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.8" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.8" fill="currentColor" />
    </>
  ),
  nextEvent: <path d="M5 3.5v9L11.5 8z" fill="currentColor" />,
  nextTurn: <path d="M1.5 3.5v9L8 8zM8 3.5v9L14.5 8z" fill="currentColor" />,
  end: (
    <>
      <path d="M2.5 3v10l8-5z" fill="currentColor" />
      <rect x="11.5" y="3" width="2" height="10" rx="0.6" fill="currentColor" />
    </>
  ),
  // Chevrons: the presentation's previous and next model turn.
  prev: <path d="M10.5 3 5.5 8l5 5" {...chevron} />,
  next: <path d="m5.5 3 5 5-5 5" {...chevron} />,
  // A cross: leave, close.
  close: <path d="m4 4 8 8M12 4l-8 8" {...chevron} />,
} satisfies Record<string, ReactNode>;

export type TransportIconName = keyof typeof TRANSPORT;

/** A playback or presentation control's icon: 14 px in the editor's playback bar, larger in the presentation. */
export function TransportIcon({ name, size = 14 }: { name: TransportIconName; size?: number }) {
  return <Svg size={size}>{TRANSPORT[name]}</Svg>;
}

// One icon per call phase, so a status never rests on colour alone.
const STATUS: Record<Exclude<NodePhase, 'none'>, ReactNode> = {
  // An hourglass: not started yet, its turn or its inputs have not come.
  waiting: <path d="M4.5 2.5h7M4.5 13.5h7M5.5 2.5c0 3 5 3.5 5 5.5s-5 2.5-5 5.5M10.5 2.5c0 3-5 3.5-5 5.5s5 2.5 5 5.5" {...stroke18} />,
  // A play triangle: an attempt is in flight.
  running: <path d="M5 3.2v9.6L12.8 8 5 3.2Z" fill="currentColor" stroke="currentColor" strokeWidth={1.2} strokeLinejoin="round" />,
  // A circular arrow: waiting to try again.
  retry_wait: (
    <>
      <path d="M12.6 6.2A5 5 0 1 0 13 9.5" {...stroke18} />
      <path d="M13 2.8v3.6H9.4" {...stroke18} />
    </>
  ),
  succeeded: <path d="m3 8.5 3.2 3.2L13 4.8" {...stroke18} strokeWidth={2.2} />,
  // A half-filled circle: a result, but incomplete.
  partial: (
    <>
      <circle cx="8" cy="8" r="5.2" {...stroke18} />
      <path d="M8 2.8a5.2 5.2 0 0 1 0 10.4Z" fill="currentColor" />
    </>
  ),
  failed: <path d="m4 4 8 8M12 4l-8 8" {...stroke18} strokeWidth={2.2} />,
  // A stopwatch run out.
  timed_out: (
    <>
      <circle cx="8" cy="9" r="5" {...stroke18} />
      <path d="M8 9V6.4M6.5 1.8h3M12.2 4.4l.9-.9" {...stroke18} />
    </>
  ),
  // Jumping past: not run because a required input failed.
  skipped: <path d="M2.5 11.5c1.5-5 6.5-6.5 9.5-3M12.5 4.5v4h-4M2.5 13.5h11" {...stroke18} />,
  // A no-entry sign: stopped by an abort or the deadline.
  cancelled: (
    <>
      <circle cx="8" cy="8" r="5.5" {...stroke18} />
      <path d="m4.2 11.8 7.6-7.6" {...stroke18} />
    </>
  ),
  // A dashed ring: never began.
  not_started: <circle cx="8" cy="8" r="5.2" {...stroke18} strokeDasharray="2.6 2.4" />,
  // Infinity: it never returns.
  hung: (
    <path
      d="M8 8c-1.2-1.6-2.2-2.6-3.6-2.6a2.6 2.6 0 0 0 0 5.2C5.8 10.6 6.8 9.6 8 8Zm0 0c1.2 1.6 2.2 2.6 3.6 2.6a2.6 2.6 0 0 0 0-5.2C10.2 5.4 9.2 6.4 8 8Z"
      {...stroke18}
    />
  ),
};

export function StatusIcon({ phase, size = 12 }: { phase: NodePhase; size?: number }) {
  if (phase === 'none') return null;
  return (
    <Svg size={size} className="tw-status-icon">
      {STATUS[phase]}
    </Svg>
  );
}

// One icon per fault kind, for the node's fault chips and the injection menus.
const FAULTS: Record<FaultKind, ReactNode> = {
  // A lightning bolt.
  error: <path d="M9 1 3 9h4l-1 6 6-8H8l1-6Z" fill="currentColor" />,
  // A clock.
  timeout: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 4.5V8l2.5 1.8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  // A no-entry sign.
  rate_limit: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M4.8 8h6.4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  // Chevrons slowing down.
  slow: (
    <path d="M2 4l4 4-4 4M7 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  ),
  // A half-filled circle.
  partial: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 2a6 6 0 0 1 0 12Z" fill="currentColor" />
    </>
  ),
};

export function FaultIcon({ kind }: { kind: FaultKind }) {
  return (
    <Svg size={12} className="tw-fault-icon">
      {FAULTS[kind]}
    </Svg>
  );
}

/** A rounded frame with strokes on and in it (a terminal, a card, a calendar page), both in the tool icons' line. */
function framed(frame: { x: number; y: number; width: number; height: number; rx: number }, d: string): ReactNode {
  return (
    <>
      <rect {...frame} {...stroke16} />
      <path d={d} {...stroke16} />
    </>
  );
}

// One icon per common kind of tool, chosen by the words in the tool's name.
const TOOLS = {
  // A magnifying glass.
  search: (
    <>
      <circle cx="7" cy="7" r="4.5" {...stroke16} />
      <path d="m10.5 10.5 3.5 3.5" {...stroke16} />
    </>
  ),
  // A globe.
  fetch: (
    <>
      <circle cx="8" cy="8" r="6" {...stroke16} />
      <path d="M2 8h12M8 2c-2.2 2.4-2.2 9.6 0 12M8 2c2.2 2.4 2.2 9.6 0 12" {...stroke16} />
    </>
  ),
  // A database cylinder.
  database: (
    <>
      <ellipse cx="8" cy="4" rx="5" ry="2" {...stroke16} />
      <path d="M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" {...stroke16} />
    </>
  ),
  // Braces: an API.
  api: (
    <path
      d="M5.5 2.5C4 2.5 4 3.5 4 5s-.5 3-2 3c1.5 0 2 1.5 2 3s0 2.5 1.5 2.5M10.5 2.5c1.5 0 1.5 1 1.5 2.5s.5 3 2 3c-1.5 0-2 1.5-2 3s0 2.5-1.5 2.5"
      {...stroke16}
    />
  ),
  // A terminal prompt.
  code: framed({ x: 1.5, y: 2.5, width: 13, height: 11, rx: 2 }, 'm4.5 6 2 2-2 2M8.5 10.5h3'),
  // A small graph of calls: a sub-agent with its own plan.
  agent: (
    <>
      <rect x="1.5" y="1.5" width="5" height="5" rx="1.2" {...stroke16} />
      <rect x="9.5" y="9.5" width="5" height="5" rx="1.2" {...stroke16} />
      <path d="M6.5 4H10a2 2 0 0 1 2 2v3.5" {...stroke16} />
    </>
  ),
  // A paper plane.
  send: <path d="m2 7.5 12-5-4.5 12-2.2-4.8L2 7.5Zm5.3 2.2L14 2.5" {...stroke16} />,
  // A payment card: charges, payments and refunds.
  payment: framed({ x: 1.5, y: 3.5, width: 13, height: 9, rx: 1.5 }, 'M1.5 6.5h13M4 10h3'),
  // A calendar page with a check: reservations and bookings.
  reserve: framed({ x: 2, y: 3, width: 12, height: 11, rx: 1.5 }, 'M2 6.5h12M5 1.8v2.4M11 1.8v2.4M5.8 10.2l1.5 1.5 3-3'),
  // A ticket with a notch: tickets and issues.
  ticket: <path d="M2 4.5h12v2.2a1.5 1.5 0 0 0 0 2.6v2.2H2V9.3a1.5 1.5 0 0 0 0-2.6V4.5ZM10 4.5v7" {...stroke16} />,
  // A wrench: any other tool.
  tool: (
    <path
      d="M10.5 1.8a3.5 3.5 0 0 0-3.3 4.7L2 11.7a1.6 1.6 0 0 0 2.3 2.3l5.2-5.2a3.5 3.5 0 0 0 4.7-3.3l-2.1 2.1-2.1-.6-.6-2.1 2.1-2.1a3.5 3.5 0 0 0-1-.1Z"
      {...stroke16}
    />
  ),
} satisfies Record<string, ReactNode>;

/** Which icon a tool name gets (by the words in it), `agent` for sub-agents. */
export function toolIconKind(tool: string, kind: 'tool' | 'agent' = 'tool'): keyof typeof TOOLS {
  if (kind === 'agent') return 'agent';
  const t = tool.toLowerCase();
  if (t.includes('agent')) return 'agent';
  if (t.includes('search')) return 'search';
  if (t.includes('fetch') || t.includes('url') || t.includes('scrape') || t.includes('browse')) return 'fetch';
  if (t.includes('db') || t.includes('sql') || t.includes('database') || t.includes('query')) return 'database';
  if (t.includes('http') || t.includes('api') || t.includes('rest')) return 'api';
  if (t.includes('code') || t.includes('python') || t.includes('exec') || t.includes('run')) return 'code';
  if (t.includes('mail') || t.includes('send') || t.includes('notify')) return 'send';
  if (t.includes('charge') || t.includes('pay') || t.includes('refund') || t.includes('card')) return 'payment';
  if (t.includes('reserv') || t.includes('book') || t.includes('hold')) return 'reserve';
  if (t.includes('ticket') || t.includes('issue')) return 'ticket';
  return 'tool';
}

export function ToolIcon({ tool, kind = 'tool', size = 14 }: { tool: string; kind?: 'tool' | 'agent'; size?: number }) {
  return (
    <Svg size={size} className="tw-tool-icon">
      {TOOLS[toolIconKind(tool, kind)]}
    </Svg>
  );
}
