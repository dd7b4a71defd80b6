// The persistence slice: what the page says about saving the document (the library writes it, the header shows it).
// It holds words and a status only; saving itself lives in components/library.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-store';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'memory-only' | 'conflict';

export interface PersistenceSlice {
  saveStatus: SaveStatus;
  /** What to tell the user about saving, when there is something to tell. */
  saveMessage: string | null;
  setSaveStatus: (status: SaveStatus, message?: string | null) => void;
}

export const createPersistenceSlice: StateCreator<AppState, [], [], PersistenceSlice> = (set) => ({
  saveStatus: 'idle',
  saveMessage: null,
  setSaveStatus: (saveStatus, saveMessage = null) => set({ saveStatus, saveMessage }),
});
