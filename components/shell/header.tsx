'use client';
// The top bar: the product, the plan's name and save state, undo/redo, Run, file actions and help. It never grows
// wider than the window (app/styles/shell.css): the name is cut short first, then labels give way to their icons.
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import {
  selectCanRedo,
  selectCanUndo,
  selectPlan,
  selectRedo,
  selectReroll,
  selectRun,
  selectRunLoading,
  selectSaveMessage,
  selectSaveStatus,
  selectSetHelpOpen,
  selectUndo,
} from '@/lib/store/selectors';
import { prefetchRunner } from '@/lib/store/run';
import { FileActions } from '../library/file-actions';
import { useLibraryView } from '../library/use-persistence';
import { enterPresentation } from '../present/present-actions';
import { LearnButton } from '../learn/learn-button';
import { LineIcon } from '../icons';

const SAVE_LABEL = { idle: '', saving: 'Saving…', saved: 'Saved', 'memory-only': 'Not saved', conflict: 'Changed in another tab' } as const;

export function Header() {
  const plan = useAppStore(selectPlan);
  // Until the first load has decided which plan to show, the empty placeholder's name would flash up.
  const { ready } = useLibraryView();
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const undo = useAppStore(selectUndo);
  const redo = useAppStore(selectRedo);
  const run = useAppStore(selectRun);
  const runLoading = useAppStore(selectRunLoading);
  const reroll = useAppStore(selectReroll);
  const setHelpOpen = useAppStore(selectSetHelpOpen);
  const store = useAppStoreApi();
  const saveStatus = useAppStore(selectSaveStatus);
  const saveMessage = useAppStore(selectSaveMessage);
  // The simulator is not part of the first load; the first click or key press anywhere fetches it, so that it is
  // there by the time Run is pressed (hovering or focusing Run does too).
  useEffect(() => {
    const options = { capture: true, once: true } as const;
    window.addEventListener('pointerdown', prefetchRunner, options);
    window.addEventListener('keydown', prefetchRunner, options);
    return () => {
      window.removeEventListener('pointerdown', prefetchRunner, options);
      window.removeEventListener('keydown', prefetchRunner, options);
    };
  }, []);
  return (
    <header className="tw-header">
      <svg className="tw-logo" viewBox="0 0 32 32" width="24" height="24" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="#1e293b" />
        <path d="M5 20c3-8 6-8 9 0s6 8 9 0 3-6 4-6" fill="none" stroke="#38bdf8" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <h1 className="tw-title">Toolwave</h1>
      <div className="tw-header__doc">
        {/* Cut short to fit the bar; the whole name on hover (title, tip) and on focus (tip): it can be tabbed to. */}
        <span
          className="tw-header__name"
          tabIndex={ready ? 0 : -1}
          title={ready ? plan.name : undefined}
          data-tip={ready ? plan.name : undefined}
        >
          <span className="tw-header__name-text">{ready ? plan.name : ''}</span>
        </span>
        {saveStatus !== 'idle' && (
          <span className={`tw-save tw-save--${saveStatus}`} title={saveMessage ?? undefined} role="status">
            {SAVE_LABEL[saveStatus]}
          </span>
        )}
      </div>
      <div className="tw-toolbar" role="toolbar" aria-label="Plan actions">
        <button type="button" className="tw-icon-button" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl/⌘+Z)">
          <LineIcon d="M7 5 3 9l4 4M3.5 9H12a5 5 0 0 1 0 10h-2" box={20} size={18} weight={1.8} />
        </button>
        <button type="button" className="tw-icon-button" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl/⌘+Shift+Z)">
          <LineIcon d="m13 5 4 4-4 4M16.5 9H8a5 5 0 0 0 0 10h2" box={20} size={18} weight={1.8} />
        </button>
        <span className="tw-toolbar__sep" aria-hidden="true" />
        <FileActions />
        <span className="tw-toolbar__sep" aria-hidden="true" />
        <button
          type="button"
          className="tw-button"
          onClick={() => void run()}
          onPointerEnter={prefetchRunner}
          onFocus={prefetchRunner}
          disabled={plan.calls.length === 0}
          aria-busy={runLoading || undefined}
          title={runLoading ? 'Loading the simulator…' : 'Run (R)'}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
          </svg>
          Run
        </button>
        <button
          type="button"
          className="tw-button tw-button--quiet"
          onClick={() => void reroll()}
          disabled={plan.calls.length === 0}
          title={`Run again with a new random seed (now ${plan.settings.seed}) (Shift+R)`}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="2.5" y="2.5" width="11" height="11" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <circle cx="5.6" cy="5.6" r="1.1" fill="currentColor" />
            <circle cx="10.4" cy="10.4" r="1.1" fill="currentColor" />
            <circle cx="8" cy="8" r="1.1" fill="currentColor" />
          </svg>
          <span className="tw-header__label">Re-roll</span>
        </button>
        <button
          type="button"
          className="tw-button tw-button--quiet"
          onClick={() => void enterPresentation(store)}
          disabled={plan.calls.length === 0}
          title="Presentation mode (P)"
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="1.5" y="2.5" width="13" height="8.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M8 11v2.5M5 14h6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
            <path d="M6.6 4.6v4.3L10.2 6.75z" fill="currentColor" />
          </svg>
          <span className="tw-header__label">Present</span>
        </button>
        <LearnButton />
        <button
          type="button"
          className="tw-icon-button"
          onClick={() => setHelpOpen(true)}
          aria-label="Help: glossary and keyboard shortcuts"
          title="Help: glossary and keyboard shortcuts (?)"
        >
          ?
        </button>
      </div>
    </header>
  );
}
