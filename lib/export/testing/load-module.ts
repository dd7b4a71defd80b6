// Compiles an exported TypeScript module the way a team's build would (TypeScript's transpileModule) and loads it
// in memory, and type-checks modules with the compiler API under a strict configuration. Test use only.
import ts from 'typescript';
import type { ExportedRuntime } from './conformance';
import type { RuntimeLib } from './replay';

const PLAN_SECTION = '\n// ---- The plan:';
const transpiled = new Map<string, string>();

function transpile(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: false,
  }).outputText;
}

/**
 * The module's exports, from its source: transpiled to CommonJS and evaluated (it imports nothing). The runtime
 * part, the same in every export, is transpiled once and reused: transpiling is per statement, so the two halves
 * give the same JavaScript as the whole.
 */
export function loadModule(source: string): Record<string, unknown> {
  const at = source.indexOf(PLAN_SECTION);
  if (at < 0) throw new Error('not an exported plan module: no plan section');
  const head = source.slice(0, at);
  let headJs = transpiled.get(head);
  if (headJs === undefined) {
    headJs = transpile(head);
    transpiled.set(head, headJs);
  }
  const js = `${headJs}\n${transpile(source.slice(at))}`;
  const exports: Record<string, unknown> = {};
  // The module's own code, evaluated with nothing but an exports object in scope.
  const evaluate = new Function('exports', js);
  evaluate(exports);
  return exports;
}

function member<T>(mod: Record<string, unknown>, name: string, is: (x: unknown) => x is T): T {
  const x = mod[name];
  if (!is(x)) throw new Error(`the exported module has no ${name}`);
  return x;
}

// A loaded module's members are checked to be functions; their signatures are the generated code's, which
// typecheck() proves separately.
const isFn = <T>(x: unknown): x is T => typeof x === 'function';

/** The runtime an exported module provides, ready for compareWithEngine. */
export function runtimeOf(mod: Record<string, unknown>): ExportedRuntime {
  const lib: RuntimeLib = {
    ToolError: member(mod, 'ToolError', isFn<RuntimeLib['ToolError']>),
    RateLimitError: member(mod, 'RateLimitError', isFn<RuntimeLib['RateLimitError']>),
    partial: member(mod, 'partial', isFn<RuntimeLib['partial']>),
  };
  return {
    lib,
    run: member(mod, 'runPlan', isFn<ExportedRuntime['run']>),
    buildContext: member(mod, 'buildContext', isFn<ExportedRuntime['buildContext']>),
  };
}

/** Strict settings a demanding team uses; `env` picks the browser's lib or Node's types. */
export function strictOptions(env: 'dom' | 'node'): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: env === 'dom' ? ['lib.es2022.d.ts', 'lib.dom.d.ts'] : ['lib.es2022.d.ts'],
    types: env === 'dom' ? [] : ['node'],
  };
}

/** Every diagnostic of a program made of these in-memory files (name → source), as `file(line,col): message`. */
export function typecheck(files: Record<string, string>, options: ts.CompilerOptions): string[] {
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(files).map(([name, text]) => [`/virtual/${name}`, text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => {
    const text = virtual.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, lang, true) : getSourceFile(name, lang, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
    const file = d.file?.fileName.replace('/virtual/', '') ?? '(options)';
    return `${file}${where === null ? '' : `(${where.line + 1},${where.character + 1})`}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
