// The playback keys (listed in components/shortcuts.ts): Space plays or pauses, `.`/`,` step by event, `]`/`[` by
// model turn, Home/End go to the start/end. Arrow keys and Delete stay with the canvas. A key is left alone where
// the focused element has its own use for it: Space on a button or a canvas node, Home/End in tabs, lists, sliders
// and scrollable text. Text fields are excluded before this is asked (isTypingTarget).

export type PlaybackAction = 'toggle' | 'next-event' | 'prev-event' | 'next-turn' | 'prev-turn' | 'start' | 'end';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
}

/** Elements where Space already means "press this". */
const SPACE_OWNERS =
  'button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="switch"], [role="radio"], [role="option"], [role="menuitem"], .react-flow__node, .react-flow__edge';
/** Elements where Home/End already move within them. */
const HOME_END_OWNERS =
  '[role="tablist"], [role="listbox"], [role="menu"], [role="menubar"], [role="slider"], [role="grid"], [role="tree"], [role="radiogroup"], pre';

/** Whether the event's target is inside an element the selector matches (false for a target that is not an element). */
export function within(target: unknown, selector: string): boolean {
  if (target === null || typeof target !== 'object' || typeof (target as { closest?: unknown }).closest !== 'function') return false;
  return (target as Element).closest(selector) !== null;
}

/** The playback action a key press asks for, or null if it is not a playback key here. */
export function playbackKeyAction(e: KeyLike, target: unknown): PlaybackAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return e.repeat || within(target, SPACE_OWNERS) ? null : 'toggle';
    case '.':
      return 'next-event';
    case ',':
      return 'prev-event';
    case ']':
      return 'next-turn';
    case '[':
      return 'prev-turn';
    case 'Home':
      return within(target, HOME_END_OWNERS) ? null : 'start';
    case 'End':
      return within(target, HOME_END_OWNERS) ? null : 'end';
    default:
      return null;
  }
}

export interface PlaybackControls {
  togglePlay: () => void;
  stepEvent: (dir: 1 | -1) => void;
  stepTurn: (dir: 1 | -1) => void;
  toStart: () => void;
  toEnd: () => void;
}

/** Does what the action asks, with the store's playback actions. */
export function runPlaybackAction(s: PlaybackControls, action: PlaybackAction): void {
  switch (action) {
    case 'toggle':
      return s.togglePlay();
    case 'next-event':
      return s.stepEvent(1);
    case 'prev-event':
      return s.stepEvent(-1);
    case 'next-turn':
      return s.stepTurn(1);
    case 'prev-turn':
      return s.stepTurn(-1);
    case 'start':
      return s.toStart();
    case 'end':
      return s.toEnd();
  }
}
