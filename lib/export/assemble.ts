// Joins the runtime's source files (lib/export/runtime/*.ts) into the one module body every TypeScript export
// carries: local imports dropped, everything else kept as written. Pure text; never reads files itself.

/** The runtime's files, each after the ones it uses. */
export const RUNTIME_FILES = ['types', 'graph', 'references', 'outcomes', 'saga', 'instant', 'run', 'entry', 'wording', 'effect-words', 'context', 'render'] as const;

const LOCAL_IMPORT = /^import (type )?\{[^}]*\} from '\.\/[a-z-]+';$/;
const DECLARATION = /^(?:export )?(?:async )?(?:function|const|let|class|interface|type) ([A-Za-z_$][\w$]*)/;

/** The runtime as one module body; throws when a file imports anything but a sibling, or two files declare one name. */
export function assembleRuntime(files: readonly { name: string; text: string }[]): string {
  const seen = new Map<string, string>();
  const parts: string[] = [];
  for (const file of files) {
    const lines = file.text.replace(/\r\n/g, '\n').trimEnd().split('\n');
    const kept: string[] = [];
    for (const line of lines) {
      if (line.startsWith('import ')) {
        if (!LOCAL_IMPORT.test(line)) throw new Error(`runtime/${file.name}.ts: an exported module may import nothing: ${line}`);
        continue;
      }
      const decl = DECLARATION.exec(line);
      if (decl !== null) {
        const other = seen.get(decl[1]);
        if (other !== undefined && other !== file.name) throw new Error(`runtime/${file.name}.ts and runtime/${other}.ts both declare ${decl[1]}`);
        seen.set(decl[1], file.name);
      }
      kept.push(line);
    }
    parts.push(kept.join('\n').replace(/\n{3,}/g, '\n\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
