// The editor's one zustand store, made per provider (never a module-level singleton), composed of one slice per file
// and the reactions by which slices keep in step (see reactions.ts). Vanilla (zustand/vanilla) so it can be created
// and tested without React. Views read it through selectors.
import { createStore } from 'zustand/vanilla';
import { createCompareSlice, type CompareSlice } from './compare';
import { createDocumentSlice, type DocumentSlice } from './document';
import { createExamplesSlice, type ExamplesSlice } from './examples';
import { createPersistenceSlice, type PersistenceSlice } from './persistence';
import { createPlaybackSlice, deriveRunOnView, type PlaybackSlice } from './playback';
import { withReactions } from './reactions';
import { createRunSlice, forgetRunOfAnotherDocument, type RunSlice } from './run';
import { createStatsSlice, forgetStatsOfAnotherDocument, type StatsSlice } from './stats';
import { createUiSlice, type UiSlice } from './ui';

export type AppState = ExamplesSlice & DocumentSlice & UiSlice & RunSlice & PersistenceSlice & PlaybackSlice & StatsSlice & CompareSlice;
export type AppStore = ReturnType<typeof createAppStore>;

/** In order: the run goes first, so the run on view is derived from what is left of it. */
const REACTIONS = [forgetRunOfAnotherDocument, forgetStatsOfAnotherDocument, deriveRunOnView];

export function createAppStore() {
  return createStore<AppState>()(
    withReactions(REACTIONS, (...a) => ({
      ...createDocumentSlice(...a),
      ...createUiSlice(...a),
      ...createRunSlice(...a),
      ...createPlaybackSlice(...a),
      ...createStatsSlice(...a),
      ...createExamplesSlice(...a),
      ...createPersistenceSlice(...a),
      ...createCompareSlice(...a),
    })),
  );
}
