// The injection UI's own small state, one store per canvas (never a module singleton): whether a one-click
// injection acts on every attempt or on the first only (shared by the node toolbar and the context menu), and which
// call's context menu is open, where. Vanilla zustand, so each node reads only the one bit it needs.
import { createStore } from 'zustand/vanilla';
import type { InjectWhen } from '@/lib/plan/inject';

export interface NodeMenuState {
  callId: string;
  /** Viewport coordinates of the menu's top-left corner (before it is kept inside the window). */
  x: number;
  y: number;
}

export interface InjectUiState {
  when: InjectWhen;
  menu: NodeMenuState | null;
  setWhen: (when: InjectWhen) => void;
  openMenu: (menu: NodeMenuState) => void;
  closeMenu: () => void;
}

export type InjectUiStore = ReturnType<typeof createInjectStore>;

export function createInjectStore() {
  return createStore<InjectUiState>()((set) => ({
    when: 'every',
    menu: null,
    setWhen: (when) => set({ when }),
    openMenu: (menu) => set({ menu }),
    closeMenu: () => set({ menu: null }),
  }));
}
