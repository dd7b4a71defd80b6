// Joins the runtime's source files into the one module body every TypeScript export carries: imports between
// them dropped, everything else kept as written. Pure text; never reads files itself.

/**
 * The runtime's files under lib/, each after the ones it uses: the export's own (lib/export/runtime) and the
 * portable modules it shares with the engine (lib/engine/portable), so the two word a run identically.
 */
export const RUNTIME_FILES = [
  'engine/portable/facts',
  'export/runtime/types',
  'export/runtime/graph',
  'engine/portable/json-refs',
  'export/runtime/references',
  'export/runtime/outcomes',
  'export/runtime/saga',
  'export/runtime/instant',
  'export/runtime/scope',
  'export/runtime/run',
  'export/runtime/entry',
  'engine/portable/wording',
  'engine/portable/effect-words',
  'engine/portable/conversation',
  'export/runtime/context',
  'export/runtime/render',
] as const;

const IMPORT = /^import (?:type )?\{[^}]*\} from '(\.\.?\/[a-z/.-]+)';$/;
const DECLARATION = /^(?:export )?(?:async )?(?:function|const|let|class|interface|type) ([A-Za-z_$][\w$]*)/;

/** `from` (a file's path under lib/) joined with a relative import, `..` and `.` resolved. */
function resolveImport(from: string, target: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The runtime as one module body; throws when a file imports anything but another runtime file, or two files declare one name. */
export function assembleRuntime(files: readonly { name: string; text: string }[]): string {
  const names = new Set(files.map((f) => f.name));
  const seen = new Map<string, string>();
  const parts: string[] = [];
  for (const file of files) {
    const lines = file.text.replace(/\r\n/g, '\n').trimEnd().split('\n');
    const kept: string[] = [];
    for (const line of lines) {
      if (line.startsWith('import ')) {
        const target = IMPORT.exec(line);
        if (target === null || !names.has(resolveImport(file.name, target[1]))) {
          throw new Error(`lib/${file.name}.ts: an exported module may import only the runtime's own files: ${line}`);
        }
        continue;
      }
      const decl = DECLARATION.exec(line);
      if (decl !== null) {
        const other = seen.get(decl[1]);
        if (other !== undefined && other !== file.name) throw new Error(`lib/${file.name}.ts and lib/${other}.ts both declare ${decl[1]}`);
        seen.set(decl[1], file.name);
      }
      kept.push(line);
    }
    parts.push(kept.join('\n').replace(/\n{3,}/g, '\n\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
