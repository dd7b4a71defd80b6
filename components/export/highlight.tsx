// Syntax highlighting for the code export: highlight.js grammars (through lowlight) give a syntax tree that is
// turned into React elements, so code and plan text are never injected as HTML. Loaded only with the export dialog.
import type { ElementContent } from 'hast';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import { createLowlight } from 'lowlight';
import type { ReactNode } from 'react';

export type CodeLanguage = 'typescript' | 'python';

const lowlight = createLowlight({ typescript, python });

function render(nodes: readonly ElementContent[], prefix: string): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const names = node.properties.className;
    const className = Array.isArray(names) ? names.filter((n) => typeof n === 'string').join(' ') : undefined;
    return (
      <span key={`${prefix}${i}`} className={className}>
        {render(node.children, `${prefix}${i}.`)}
      </span>
    );
  });
}

/** The code as highlighted React nodes (text nodes are plain strings: React escapes them). */
export function highlight(code: string, language: CodeLanguage): ReactNode[] {
  return render(
    lowlight.highlight(language, code).children.filter((n): n is ElementContent => n.type !== 'doctype'),
    '',
  );
}
