// The playback keys: which key asks for what, and where a key is left to the focused element.
import { describe, expect, it } from 'vitest';
import { playbackKeyAction, runPlaybackAction, type PlaybackAction } from './playback-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; repeat: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
/** A stand-in element that matches the selectors listed in `matches` (by substring of the selector list). */
const el = (matches: string) => ({ closest: (sel: string) => (matches !== '' && sel.includes(matches) ? {} : null) });

describe('playbackKeyAction', () => {
  it('maps the keys with nothing focused', () => {
    const body = el('');
    expect([' ', '.', ',', ']', '[', 'Home', 'End'].map((k) => playbackKeyAction(key(k), body))).toEqual([
      'toggle',
      'next-event',
      'prev-event',
      'next-turn',
      'prev-turn',
      'start',
      'end',
    ]);
  });

  it('leaves arrows, Delete and letters to others', () => {
    for (const k of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Delete', 'Backspace', 'r', 'l', 'f', 'Enter', 'Escape']) {
      expect(playbackKeyAction(key(k), null)).toBeNull();
    }
  });

  it('ignores modified keys and a held Space', () => {
    expect(playbackKeyAction(key('.', { ctrlKey: true }), null)).toBeNull();
    expect(playbackKeyAction(key(']', { metaKey: true }), null)).toBeNull();
    expect(playbackKeyAction(key('Home', { altKey: true }), null)).toBeNull();
    expect(playbackKeyAction(key(' ', { repeat: true }), null)).toBeNull();
  });

  it('Space stays with a focused button or canvas node; Home/End with tabs, lists, sliders and text', () => {
    expect(playbackKeyAction(key(' '), el('button'))).toBeNull();
    expect(playbackKeyAction(key(' '), el('.react-flow__node'))).toBeNull();
    expect(playbackKeyAction(key('Home'), el('[role="tablist"]'))).toBeNull();
    expect(playbackKeyAction(key('End'), el('pre'))).toBeNull();
    // Other keys still work there.
    expect(playbackKeyAction(key('.'), el('button'))).toBe('next-event');
    expect(playbackKeyAction(key('Home'), el('button'))).toBe('start');
  });
});

describe('runPlaybackAction', () => {
  it('calls the matching store action', () => {
    const calls: string[] = [];
    const s = {
      togglePlay: () => calls.push('toggle'),
      stepEvent: (d: 1 | -1) => calls.push(`event ${d}`),
      stepTurn: (d: 1 | -1) => calls.push(`turn ${d}`),
      toStart: () => calls.push('start'),
      toEnd: () => calls.push('end'),
    };
    const all: PlaybackAction[] = ['toggle', 'next-event', 'prev-event', 'next-turn', 'prev-turn', 'start', 'end'];
    for (const a of all) runPlaybackAction(s, a);
    expect(calls).toEqual(['toggle', 'event 1', 'event -1', 'turn 1', 'turn -1', 'start', 'end']);
  });
});
