// How much one import may read: kept apart from the importers so the page can check a pick before loading them.
/** Most files imported together (runs of one agent). */
export const MAX_FILES = 200;
/** Most characters read across all files of one import. */
export const MAX_TOTAL_CHARS = 64 * 1024 * 1024;
