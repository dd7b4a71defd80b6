// Makes text safe to print on a terminal: every control character a terminal acts on is shown as a visible `\xNN`.
// Never changes any other character, and never lets ESC, CSI, OSC (titles, clipboard, hyperlinks) or CR through raw.

/** C0 controls but newline and tab, DEL, and the C1 controls (U+0080–U+009F, which some terminals obey in UTF-8). */
const CONTROL_IN_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** The same, newline and tab included: for text that must stay on one line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** The only controls JSON.stringify leaves raw inside its strings. */
const JSON_RAW_CONTROL = /[\u007f-\u009f]/g;

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * `text` with each control character written as `\x` and two hex digits of its code point (ESC as `\x1b`). With
 * `keepLayout`, newlines and tabs are kept (a multi-line block); without, they are escaped too (a one-line field).
 */
export function visible(text: string, keepLayout = false): string {
  return text.replace(keepLayout ? CONTROL_IN_LAYOUT : CONTROL, hex);
}

/**
 * Pretty JSON with DEL and the C1 controls written as `\u007f`…`\u009f` (JSON.stringify already escapes C0): the same
 * JSON value, byte for byte once parsed, and nothing a terminal acts on.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_RAW_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
