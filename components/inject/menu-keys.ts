// Keyboard for a menu (WAI-ARIA APG menu pattern): arrows move between items (wrapping), Home/End go to the ends,
// a letter goes to the next item starting with it. Items are the elements with a menuitem role inside the menu.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu === null ? [] : Array.from(menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
}

/** Focuses the item at `index` (wrapping), or the first item matching `pick`. */
export function focusItem(menu: HTMLElement | null, index: number): void {
  const items = menuItems(menu);
  if (items.length === 0) return;
  items[((index % items.length) + items.length) % items.length].focus();
}

/** Moves focus for a navigation key and returns true; false for any other key (the caller handles it). */
export function handleMenuNavigation(e: ReactKeyboardEvent, menu: HTMLElement | null): boolean {
  const items = menuItems(menu);
  if (items.length === 0) return false;
  const current = items.indexOf(document.activeElement as HTMLElement);
  const go = (i: number) => {
    e.preventDefault();
    focusItem(menu, i);
    return true;
  };
  switch (e.key) {
    case 'ArrowDown':
      return go(current + 1);
    case 'ArrowUp':
      return go(current === -1 ? -1 : current - 1);
    case 'Home':
    case 'PageUp':
      return go(0);
    case 'End':
    case 'PageDown':
      return go(items.length - 1);
  }
  if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
    // Type-ahead: the next item (after the focused one) whose text starts with the letter.
    e.preventDefault();
    const letter = e.key.toLowerCase();
    for (let step = 1; step <= items.length; step++) {
      const item = items[(current + step + items.length) % items.length];
      if ((item.textContent ?? '').trim().toLowerCase().startsWith(letter)) {
        item.focus();
        break;
      }
    }
    return true;
  }
  return false;
}

/**
 * A context menu's keydown: Escape or Tab closes it (`close` gives focus back); navigation keys move focus; Enter and
 * Space act on the focused item (a native button). None of them reaches the editor's shortcuts.
 */
export function closingMenuKeyDown(e: ReactKeyboardEvent, menu: HTMLElement | null, close: () => void): void {
  if (e.key === 'Escape' || e.key === 'Tab') {
    e.preventDefault();
    e.stopPropagation();
    close();
    return;
  }
  if (handleMenuNavigation(e, menu) || e.key === 'Enter' || e.key === ' ') e.stopPropagation();
}

/** Keeps a floating box inside the window: `at` is its wished top-left corner, in viewport pixels. */
export function placeInWindow(el: HTMLElement, at: { x: number; y: number }, margin = 8): { left: number; top: number } {
  const r = el.getBoundingClientRect();
  const w = window.innerWidth;
  const h = window.innerHeight;
  const left = Math.max(margin, Math.min(at.x, w - r.width - margin));
  const top = at.y + r.height > h - margin ? Math.max(margin, h - r.height - margin) : at.y;
  return { left, top };
}

/** A call node on the canvas (React Flow's wrapper of a toolCall node). */
export const NODE_SELECTOR = '.react-flow__node-toolCall';

/** The call node element with this id, to give focus back to. */
export function callNodeElement(callId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.tw-canvas-editor ${NODE_SELECTOR}[data-id="${CSS.escape(callId)}"]`);
}
