// The root layout: document language, title, global styles. Light and dark follow the system (styles/tokens.css).
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './styles/tokens.css';
import '@xyflow/react/dist/style.css';
import './globals.css';
import './styles/shell.css';
import './styles/canvas.css';
import './styles/inspector.css';
import './styles/library.css';
import './styles/run.css';
import './styles/timeline.css';
import './styles/stats.css';
import './styles/present.css';
import './styles/inject.css';
import './styles/intake.css';
import './styles/injected.css';
import './styles/node-zoom.css';
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
