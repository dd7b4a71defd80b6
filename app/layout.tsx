// The root layout: document language, title, global styles. Light and dark follow the system (styles/tokens.css).
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './styles/tokens.css';
import '@xyflow/react/dist/style.css';
import './globals.css';
import './styles/primitives.css';
import './styles/results.css';
import './styles/shell.css';
import './styles/shell-dialogs.css';
import './styles/canvas.css';
import './styles/canvas-graph.css';
import './styles/canvas-edges.css';
import './styles/canvas-run.css';
import './styles/canvas-drill.css';
import './styles/inspector.css';
import './styles/inspector-inputs.css';
import './styles/inspector-sections.css';
import './styles/library.css';
import './styles/library-dialogs.css';
import './styles/run.css';
import './styles/run-playback.css';
import './styles/timeline.css';
import './styles/stats.css';
import './styles/stats-results.css';
import './styles/stats-compare.css';
import './styles/present.css';
import './styles/inject.css';
import './styles/inject-menus.css';
import './styles/intake.css';
import './styles/injected.css';
import './styles/node-zoom.css';
import './styles/glossary.css';
import './styles/learn.css';
import './styles/notes.css';
import './styles/compare.css';

export const metadata: Metadata = {
  title: 'Toolwave',
  description: 'Design and simulate an AI agent’s tool plan: parallel waves, injected failures and the partial-state context.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
