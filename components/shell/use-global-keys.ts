'use client';
// Keys that work anywhere in the editor (undo, redo, help, run, playback), except inside text fields and behind a modal dialog.
import { useEffect } from 'react';
import { useAppStoreApi } from '@/lib/store/provider';
import { enterPresentation } from '../present/present-actions';
import { playbackKeyAction, runPlaybackAction } from '../run/playback-keys';
import { isModalOpen, isTypingTarget } from '../shortcuts';

export function useGlobalKeys(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const s = store.getState();
      // Presentation mode handles its own keys (components/present); none of the editor's act behind it.
      if (s.presenting) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // A modal dialog takes the keyboard: no run, undo or playback behind it; only "?" closes the help it may show.
      if (isModalOpen()) {
        if (!mod && !e.altKey && e.key === '?' && s.helpOpen) {
          e.preventDefault();
          s.setHelpOpen(false);
        }
        return;
      }
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        s.redo();
      } else if (!mod && !e.altKey && e.key === '?') {
        e.preventDefault();
        s.setHelpOpen(!s.helpOpen);
      } else if (!mod && !e.altKey && key === 'r') {
        e.preventDefault();
        if (e.shiftKey) void s.reroll();
        else void s.run();
      } else if (!mod && !e.altKey && !e.shiftKey && key === 'p') {
        e.preventDefault();
        void enterPresentation(store);
      } else {
        // Playback: Space . , ] [ Home End (never arrows or Delete: those are the canvas's), with a run.
        const action = playbackKeyAction(e, e.target);
        if (action !== null && s.trace !== null) {
          e.preventDefault();
          runPlaybackAction(s, action);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
