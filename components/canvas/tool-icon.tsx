// Small inline icons for the common tools (SVG, 16×16, currentColor). Decorative: the caller names the tool.
import type { ReactNode } from 'react';

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const ICONS: Record<string, ReactNode> = {
  // A magnifying glass.
  search: (
    <>
      <circle cx="7" cy="7" r="4.5" {...stroke} />
      <path d="m10.5 10.5 3.5 3.5" {...stroke} />
    </>
  ),
  // A globe.
  fetch: (
    <>
      <circle cx="8" cy="8" r="6" {...stroke} />
      <path d="M2 8h12M8 2c-2.2 2.4-2.2 9.6 0 12M8 2c2.2 2.4 2.2 9.6 0 12" {...stroke} />
    </>
  ),
  // A database cylinder.
  database: (
    <>
      <ellipse cx="8" cy="4" rx="5" ry="2" {...stroke} />
      <path d="M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" {...stroke} />
    </>
  ),
  // Braces: an API.
  api: <path d="M5.5 2.5C4 2.5 4 3.5 4 5s-.5 3-2 3c1.5 0 2 1.5 2 3s0 2.5 1.5 2.5M10.5 2.5c1.5 0 1.5 1 1.5 2.5s.5 3 2 3c-1.5 0-2 1.5-2 3s0 2.5-1.5 2.5" {...stroke} />,
  // A terminal prompt.
  code: (
    <>
      <rect x="1.5" y="2.5" width="13" height="11" rx="2" {...stroke} />
      <path d="m4.5 6 2 2-2 2M8.5 10.5h3" {...stroke} />
    </>
  ),
  // A small graph of calls: a sub-agent with its own plan.
  agent: (
    <>
      <rect x="1.5" y="1.5" width="5" height="5" rx="1.2" {...stroke} />
      <rect x="9.5" y="9.5" width="5" height="5" rx="1.2" {...stroke} />
      <path d="M6.5 4H10a2 2 0 0 1 2 2v3.5" {...stroke} />
    </>
  ),
  // A paper plane.
  send: <path d="m2 7.5 12-5-4.5 12-2.2-4.8L2 7.5Zm5.3 2.2L14 2.5" {...stroke} />,
  // A wrench: any other tool.
  tool: <path d="M10.5 1.8a3.5 3.5 0 0 0-3.3 4.7L2 11.7a1.6 1.6 0 0 0 2.3 2.3l5.2-5.2a3.5 3.5 0 0 0 4.7-3.3l-2.1 2.1-2.1-.6-.6-2.1 2.1-2.1a3.5 3.5 0 0 0-1-.1Z" {...stroke} />,
};

/** Which icon a tool name gets (by the words in it), `agent` for sub-agents. */
export function toolIconKind(tool: string, kind: 'tool' | 'agent' = 'tool'): keyof typeof ICONS {
  if (kind === 'agent') return 'agent';
  const t = tool.toLowerCase();
  if (t.includes('agent')) return 'agent';
  if (t.includes('search')) return 'search';
  if (t.includes('fetch') || t.includes('url') || t.includes('scrape') || t.includes('browse')) return 'fetch';
  if (t.includes('db') || t.includes('sql') || t.includes('database') || t.includes('query')) return 'database';
  if (t.includes('http') || t.includes('api') || t.includes('rest')) return 'api';
  if (t.includes('code') || t.includes('python') || t.includes('exec') || t.includes('run')) return 'code';
  if (t.includes('mail') || t.includes('send') || t.includes('notify')) return 'send';
  return 'tool';
}

export function ToolIcon({ tool, kind = 'tool', size = 14 }: { tool: string; kind?: 'tool' | 'agent'; size?: number }) {
  return (
    <svg className="tw-tool-icon" viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" focusable="false">
      {ICONS[toolIconKind(tool, kind)]}
    </svg>
  );
}
