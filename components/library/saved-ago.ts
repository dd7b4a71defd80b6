// "saved 2 min ago": when a plan was last saved, in words, and a coarse clock for views that show it.
import { useSyncExternalStore } from 'react';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "saved just now", "saved 5 min ago", "saved 3 h ago", "saved yesterday", "saved 4 days ago", "saved 12 Mar 2025". */
export function savedAgo(savedAt: number, now: number): string {
  const age = Math.max(0, now - savedAt);
  if (age < MINUTE) return 'saved just now';
  if (age < HOUR) return `saved ${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `saved ${Math.floor(age / HOUR)} h ago`;
  if (age < 2 * DAY) return 'saved yesterday';
  if (age < 7 * DAY) return `saved ${Math.floor(age / DAY)} days ago`;
  const d = new Date(savedAt);
  return `saved ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

const TICK = 15_000;
const subscribeClock = (onTick: () => void) => {
  const timer = setInterval(onTick, TICK);
  return () => clearInterval(timer);
};
// Rounded to the tick, so two reads in one render agree (useSyncExternalStore requires it).
const readClock = () => Math.floor(Date.now() / TICK) * TICK;
const serverClock = () => 0;

/** The time now to the nearest 15 s, re-rendering as it moves; 0 while rendering on the server. */
export function useClock(): number {
  return useSyncExternalStore(subscribeClock, readClock, serverClock);
}
