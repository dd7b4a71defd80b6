// Event listeners an effect adds and must remove: listed once, removed together by the function it gives back.

type Listener = readonly [target: EventTarget, type: string, listener: (e: never) => void, options?: boolean | AddEventListenerOptions];

/** Adds each listener; the returned function (an effect's cleanup) removes them all, with the same capture. */
export function listen(...listeners: Listener[]): () => void {
  for (const [target, type, fn, options] of listeners) target.addEventListener(type, fn as EventListener, options);
  return () => {
    for (const [target, type, fn, options] of listeners) target.removeEventListener(type, fn as EventListener, options);
  };
}
