// The notes as React Flow nodes: ids a call can never have, no handles or connections, unchanged notes keep their
// node objects (so React Flow skips them), and a label that reads the text as plain words.
import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/plan';
import { CALL_ID_PATTERN } from '@/lib/plan';
import { barFromEnd, buildNoteNodes, noteIdOf, noteLabel, noteNodeId } from './note-nodes';

const note = (id: string, text = `about ${id}`): Note => ({ id, text, position: { x: 1, y: 2 }, color: 'yellow', width: 200 });
const none: ReadonlySet<string> = new Set();

describe('note nodes', () => {
  it('are named note:<id>, which no call id can be', () => {
    expect(noteNodeId('n1')).toBe('note:n1');
    expect(noteIdOf('note:n1')).toBe('n1');
    expect(noteIdOf('n1')).toBeNull();
    expect(noteIdOf('__wave_0')).toBeNull();
    expect(CALL_ID_PATTERN.test('note:n1')).toBe(false);
  });

  it('are not connectable, carry their width and colour, and are selected and opened as told', () => {
    const [a, b] = buildNoteNodes([], [note('a'), note('b')], new Set(['b']), 'a');
    expect(a).toMatchObject({
      id: 'note:a',
      type: 'note',
      connectable: false,
      deletable: false,
      width: 200,
      selected: false,
      position: { x: 1, y: 2 },
    });
    expect(a.data.editing).toBe(true);
    expect(a.className).toContain('tw-note-node--yellow');
    expect(b.selected).toBe(true);
    expect(b.data.editing).toBe(false);
  });

  it('keeps the node objects (and the list) of unchanged notes, and makes new ones for changed notes only', () => {
    const notes = [note('a'), note('b')];
    const first = buildNoteNodes([], notes, none, null);
    expect(buildNoteNodes(first, notes, none, null)).toBe(first);
    const next = buildNoteNodes(first, [notes[0], note('b', 'changed')], none, null);
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[1].data.note.text).toBe('changed');
    expect(buildNoteNodes(first, undefined, none, null)).toEqual([]);
  });

  it('label the node with its text as words, cut when long, and say when it is empty', () => {
    expect(noteLabel(note('a', '  <b>Slow</b>\n search  '))).toBe('Note: <b>Slow</b> search');
    expect(noteLabel(note('a', ''))).toBe('Note (empty)');
    expect(noteLabel(note('a', 'x'.repeat(200)))).toHaveLength('Note: '.length + 80);
  });
});

describe('where a note’s controls start', () => {
  const canvas = { left: 280, right: 900 };
  it('at the note’s left edge where they fit in the canvas', () => {
    expect(barFromEnd({ left: 400, right: 560 }, 230, canvas)).toBe(false);
  });
  it('from its right edge when they would pass the canvas’s right edge and fit that way', () => {
    expect(barFromEnd({ left: 720, right: 880 }, 230, canvas)).toBe(true);
  });
  it('at the left edge still when neither way fits (a view zoomed far in): the start stays in view', () => {
    expect(barFromEnd({ left: 700, right: 760 }, 500, canvas)).toBe(false);
  });
});
