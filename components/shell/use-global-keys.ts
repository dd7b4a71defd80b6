'use client';
// Keys that work anywhere in the editor (undo, redo, help, run), except inside text fields.
import { useEffect } from 'react';
import { useAppStoreApi } from '@/lib/store/provider';
import { isTypingTarget } from '../shortcuts';

export function useGlobalKeys(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
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
      } else if (e.key === 'Escape' && s.helpOpen) {
        s.setHelpOpen(false);
      } else if (!mod && !e.altKey && key === 'r') {
        e.preventDefault();
        if (e.shiftKey) s.reroll();
        else s.run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
