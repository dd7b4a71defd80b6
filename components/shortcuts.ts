// The editor's keyboard shortcuts, in one list: the help overlay shows it and the handlers follow it.
export interface Shortcut {
  /** Keys as shown to people, e.g. ['Ctrl/⌘', 'Z']. */
  keys: string[];
  action: string;
}

export const SHORTCUTS: { group: string; items: Shortcut[] }[] = [
  {
    group: 'Edit',
    items: [
      { keys: ['Ctrl/⌘', 'Z'], action: 'Undo' },
      { keys: ['Ctrl/⌘', 'Shift', 'Z'], action: 'Redo (also Ctrl+Y)' },
      { keys: ['Delete'], action: 'Delete the selected calls or edge (also Backspace)' },
      { keys: ['Ctrl/⌘', 'D'], action: 'Duplicate the selected calls' },
      { keys: ['Ctrl/⌘', 'A'], action: 'Select every call' },
      { keys: ['Escape'], action: 'Clear the selection, close a dialog' },
    ],
  },
  {
    group: 'Canvas',
    items: [
      { keys: ['Shift', 'click'], action: 'Add to the selection' },
      { keys: ['Shift', 'drag'], action: 'Select with a box' },
      { keys: ['Arrow keys'], action: 'Move the selected calls 10 px (with Shift: 50 px)' },
      { keys: ['Tab'], action: 'Focus the next call; Enter selects it' },
      { keys: ['L'], action: 'Auto-layout by waves' },
      { keys: ['F'], action: 'Fit the plan to the view' },
      { keys: ['Shift', 'F10'], action: 'Inject a fault into the focused call: its menu (also the Menu key, or right-click)' },
    ],
  },
  {
    group: 'Plan',
    items: [
      { keys: ['R'], action: 'Run the plan' },
      { keys: ['Shift', 'R'], action: 'Re-roll: run again with a new seed' },
      { keys: ['P'], action: 'Presentation mode: full screen, narrated, step by model turn' },
      { keys: ['?'], action: 'Show or hide this help (the glossary and these shortcuts)' },
    ],
  },
  {
    group: 'Playback',
    items: [
      { keys: ['Space'], action: 'Play or pause the run' },
      { keys: ['.'], action: 'Next event (, for the previous one)' },
      { keys: [']'], action: 'Next model turn ([ for the previous one)' },
      { keys: ['Home'], action: 'Back to the start of the run' },
      { keys: ['End'], action: 'To the end of the run' },
      { keys: ['N'], action: 'Next difference, while the side-by-side comparison has focus (Shift+N: the previous)' },
    ],
  },
  {
    group: 'Presentation',
    items: [
      { keys: ['← / →'], action: 'Previous or next model turn (also Page Up / Page Down)' },
      { keys: ['Shift', '← / →'], action: 'Previous or next event (also , and .)' },
      { keys: ['Home'], action: 'Back to the start; End: to the end' },
      { keys: ['Space'], action: 'Play or pause' },
      { keys: ['N'], action: 'Show or hide the speaker notes: the plan’s lesson, hidden from the audience until then' },
      { keys: ['Esc'], action: 'Leave presentation mode (also P)' },
    ],
  },
];

/** True when a key press belongs to a text field, where the browser's own editing keys must win. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target === null || typeof (target as { closest?: unknown }).closest !== 'function') return false;
  const el = target as Element;
  return el.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]') !== null;
}

/** Whether a modal dialog is open (every <dialog> here is shown with showModal): the editor's keys then stay out. */
export function isModalOpen(doc: Pick<Document, 'querySelector'> = document): boolean {
  return doc.querySelector('dialog[open]') !== null;
}
