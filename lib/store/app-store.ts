// The editor's one zustand store, made per provider (never a module-level singleton), composed of one slice per file.
// Vanilla (zustand/vanilla) so it can be created and tested without React. Views read it through selectors.
import { createStore } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './document';
import { createExamplesSlice, type ExamplesSlice } from './examples';
import { createPersistenceSlice, type PersistenceSlice } from './persistence';
import { createPlaybackSlice, type PlaybackSlice } from './playback';
import { createRunSlice, type RunSlice } from './run';
import { createStatsSlice, type StatsSlice } from './stats';
import { createUiSlice, type UiSlice } from './ui';

export type AppState = ExamplesSlice & DocumentSlice & UiSlice & RunSlice & PersistenceSlice & PlaybackSlice & StatsSlice;
export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createUiSlice(...a),
    ...createRunSlice(...a),
    ...createPlaybackSlice(...a),
    ...createStatsSlice(...a),
    ...createExamplesSlice(...a),
    ...createPersistenceSlice(...a),
  }));
}
