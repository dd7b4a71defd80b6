// Reactions: how a slice keeps itself in step with what other slices change, without those slices knowing it. Each
// reaction sees every change as (next, prev) and may add to it; the additions join the same update, so subscribers
// are told once, with a state that already holds them (never a half-done state, never a nested notification).
import type { StateCreator, StoreApi } from 'zustand/vanilla';

/** What a slice adds to a change it cares about, or null to leave the change as it is. */
export type Reaction<T> = (next: T, prev: T) => Partial<T> | null;

/** Wraps a store's creator so that every update, from actions and from `setState` alike, runs through `reactions` in order. */
export function withReactions<T extends object>(reactions: readonly Reaction<T>[], creator: StateCreator<T>): StateCreator<T> {
  return (set, get, api) => {
    function react(partial: T | Partial<T> | ((state: T) => T | Partial<T>)): void {
      const prev = get();
      let next: T = { ...prev, ...(typeof partial === 'function' ? partial(prev) : partial) };
      for (const reaction of reactions) {
        const more = reaction(next, prev);
        if (more !== null) next = { ...next, ...more };
      }
      set(next, true);
    }
    const reactingSet: StoreApi<T>['setState'] = react;
    api.setState = reactingSet;
    return creator(reactingSet, get, api);
  };
}
