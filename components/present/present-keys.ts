// The keys of presentation mode (listed in components/shortcuts.ts): ←/→ (or PageUp/PageDown, as clickers send) step
// by model turn, Shift+←/→ or ,/. by event, Home/End to the start/end, Space plays or pauses, N shows or hides the
// speaker notes, Escape or P leaves.
// Pure: the presentation's handler asks this first and does what it says; every other key is left alone.

import { within, type KeyLike as PlaybackKeyLike } from '../run/playback-keys';

export type PresentAction = 'next-turn' | 'prev-turn' | 'next-event' | 'prev-event' | 'start' | 'end' | 'toggle' | 'notes' | 'leave';

export interface KeyLike extends PlaybackKeyLike {
  shiftKey: boolean;
}

/** Elements where Space and Enter already mean "press this". */
const PRESSABLE = 'button, a[href], summary, select, [role="button"], [role="tab"], [role="checkbox"], [role="switch"], [role="menuitem"]';

/** The presentation action a key press asks for, or null. Space on a focused button presses the button instead. */
export function presentKeyAction(e: KeyLike, target: unknown): PresentAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight':
      return e.shiftKey ? 'next-event' : 'next-turn';
    case 'ArrowLeft':
      return e.shiftKey ? 'prev-event' : 'prev-turn';
    case 'PageDown':
      return 'next-turn';
    case 'PageUp':
      return 'prev-turn';
    case '.':
    case '>':
      return 'next-event';
    case ',':
    case '<':
      return 'prev-event';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    case ' ':
    case 'Spacebar':
      return within(target, PRESSABLE) ? null : 'toggle';
    case 'Escape':
    case 'Esc':
      return 'leave';
    case 'n':
    case 'N':
      return e.shiftKey ? null : 'notes';
    case 'p':
    case 'P':
      return e.shiftKey ? null : 'leave';
    default:
      return null;
  }
}
