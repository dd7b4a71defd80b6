// What went wrong, as words for a message: an Error's own message, anything else as a string.
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
