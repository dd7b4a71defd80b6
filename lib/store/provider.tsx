'use client';
// The store's React side: one store per provider instance (zustand's Next.js pattern), read through selectors.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createAppStore, type AppState, type AppStore } from './app-store';

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createAppStore);
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

/** The store itself, for event handlers that read state at the moment they run (never during render). */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (store === null) throw new Error('useAppStoreApi must be used inside <AppStoreProvider>');
  return store;
}

/** Reads one value through a selector; pass a module-level selector from ./selectors. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (store === null) throw new Error('useAppStore must be used inside <AppStoreProvider>');
  return useStore(store, selector);
}
