// Presentation keys: arrows by model turn, Shift+arrows and , . by event, Home/End, Space, Escape and P to leave.
import { describe, expect, it } from 'vitest';
import { presentKeyAction } from './present-keys';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
/** A stand-in element whose closest() matches when `pressable`. */
const el = (pressable: boolean) => ({ closest: () => (pressable ? {} : null) });

describe('presentKeyAction', () => {
  it.each([
    ['ArrowRight', {}, 'next-turn'],
    ['ArrowLeft', {}, 'prev-turn'],
    ['PageDown', {}, 'next-turn'],
    ['PageUp', {}, 'prev-turn'],
    ['ArrowRight', { shiftKey: true }, 'next-event'],
    ['ArrowLeft', { shiftKey: true }, 'prev-event'],
    ['.', {}, 'next-event'],
    [',', {}, 'prev-event'],
    ['Home', {}, 'start'],
    ['End', {}, 'end'],
    [' ', {}, 'toggle'],
    ['Escape', {}, 'leave'],
    ['p', {}, 'leave'],
    ['n', {}, 'notes'],
  ] as const)('%s %o → %s', (k, mods, action) => {
    expect(presentKeyAction(key(k, mods), el(false))).toBe(action);
  });

  it('leaves browser and editor shortcuts alone', () => {
    expect(presentKeyAction(key('ArrowRight', { ctrlKey: true }), null)).toBeNull();
    expect(presentKeyAction(key('ArrowLeft', { altKey: true }), null)).toBeNull();
    expect(presentKeyAction(key('r'), null)).toBeNull();
    expect(presentKeyAction(key('Tab'), null)).toBeNull();
    expect(presentKeyAction(key('Enter'), null)).toBeNull();
  });

  it('lets Space press a focused button', () => {
    expect(presentKeyAction(key(' '), el(true))).toBeNull();
    expect(presentKeyAction(key(' '), null)).toBe('toggle');
  });
});
