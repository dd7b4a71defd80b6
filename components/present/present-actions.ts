// Entering and leaving presentation mode. Entering remembers what the editor showed (selection, cursor, the run on view
// and the focused control), runs the plan if it has no current run, starts at the beginning and asks for full screen;
// leaving puts all of it back. The editor stays mounted underneath, so panes, tabs, the timeline and the canvas
// viewport are untouched by design.
import type { AppStore } from '@/lib/store/app-store';
import { validViewPath } from '@/lib/store/view';

interface Saved {
  selected: string[];
  cursorMs: number;
  viewPath: string[];
  /** The presentation made the run (there was none, or it was stale): on leaving, the cursor goes to its end. */
  ran: boolean;
  /** What had focus, to give it back. */
  focus: Element | null;
  /** Whether the page went full screen for the presentation (so leaving full screen leaves it too). */
  fullscreen: boolean;
}

const saved = new WeakMap<AppStore, Saved>();

function fullscreenElement(): Element | null {
  return typeof document === 'undefined' ? null : document.fullscreenElement;
}

/** On `fullscreenchange`: leaving the full screen the presentation asked for (Esc in a real browser) leaves it too. */
export function syncPresentationFullscreen(store: AppStore): void {
  const entry = saved.get(store);
  if (entry === undefined || !store.getState().presenting) return;
  if (fullscreenElement() !== null) entry.fullscreen = true;
  else if (entry.fullscreen) {
    entry.fullscreen = false;
    leavePresentation(store);
  }
}

/** Resolves once the presentation is on (after the plan has run, when it needed a run). */
export async function enterPresentation(store: AppStore): Promise<void> {
  const before = store.getState();
  if (before.presenting) return;
  if (before.plan.calls.length === 0) {
    before.notify({ tone: 'info', text: 'Add a call to the plan before presenting it.' });
    return;
  }
  const stale = before.trace === null || before.traceRevision !== before.revision;
  const entry: Saved = {
    selected: before.selected,
    cursorMs: before.cursorMs,
    viewPath: before.viewPath,
    ran: stale,
    focus: typeof document === 'undefined' ? null : document.activeElement,
    fullscreen: false,
  };
  if (stale) await before.run();
  const s = store.getState();
  if (s.trace === null) return; // The run failed: the editor shows why.
  if (s.presenting) return; // Entered twice while the first run was on its way.
  saved.set(store, entry);
  // A story is told from its beginning; the selection is cleared so no call stands out (and none can be moved).
  s.toStart();
  s.select([]);
  s.setPresenting(true);

  const root = typeof document === 'undefined' ? null : document.documentElement;
  if (root !== null && typeof root.requestFullscreen === 'function' && fullscreenElement() === null) {
    // Refused without a user gesture and in headless browsers: the overlay covers the window anyway.
    root.requestFullscreen().then(
      () => {
        if (store.getState().presenting && saved.get(store) === entry) entry.fullscreen = true;
        else void document.exitFullscreen().catch(() => undefined);
      },
      () => undefined,
    );
  }
}

export function leavePresentation(store: AppStore): void {
  const s = store.getState();
  if (!s.presenting) return;
  const entry = saved.get(store);
  saved.delete(store);
  s.pause();
  s.setPresenting(false);
  if (entry !== undefined) {
    const now = store.getState();
    const path = validViewPath(now.plan, entry.viewPath);
    if (path.length !== now.viewPath.length || path.some((id, i) => id !== now.viewPath[i])) store.setState({ viewPath: path });
    if (entry.ran) now.toEnd();
    else now.setCursor(entry.cursorMs);
    const ids = new Set(now.plan.calls.map((c) => c.id));
    now.select(entry.selected.filter((id) => ids.has(id)));
    if (entry.fullscreen && fullscreenElement() !== null) void document.exitFullscreen().catch(() => undefined);
    const focus = entry.focus;
    if (focus instanceof HTMLElement && focus.isConnected && focus !== document.body) {
      // After the dialog has gone and the editor is no longer inert.
      requestAnimationFrame(() => focus.focus({ preventScroll: true }));
    }
  }
}
