// JSON drawn as React elements, with spans for keys, strings, numbers, booleans and null (never raw HTML).
// Its text is exactly JSON.stringify(value, null, 2), so what is copied is what is shown.
import type { ReactNode } from 'react';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A class for a value's block (e.g. a tool result with is_error), or null; `path` is its keys from the root. */
export type MarkFn = (value: Json, path: readonly (string | number)[]) => string | null;

function scalar(value: Json): ReactNode {
  if (value === null) return <span className="tw-json-null">null</span>;
  if (typeof value === 'string') return <span className="tw-json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="tw-json-number">{JSON.stringify(value)}</span>;
  if (typeof value === 'boolean') return <span className="tw-json-boolean">{String(value)}</span>;
  return null;
}

/** One line-led entry: indent, key, value and its comma; a marked entry is a block so a border can run down it. */
function entry(
  key: string | number,
  label: string | null,
  value: Json,
  indent: number,
  last: boolean,
  path: (string | number)[],
  mark?: MarkFn,
): ReactNode {
  const pad = '  '.repeat(indent);
  const here = [...path, key];
  const cls = mark?.(value, here) ?? null;
  const body = (
    <>
      {pad}
      {label !== null && (
        <>
          <span className="tw-json-key">{JSON.stringify(label)}</span>
          <span className="tw-json-punct">: </span>
        </>
      )}
      {node(value, indent, here, mark)}
      {last ? '' : ','}
      {'\n'}
    </>
  );
  return cls === null ? (
    <span key={String(key)}>{body}</span>
  ) : (
    <span key={String(key)} className={`tw-json-block ${cls}`}>
      {body}
    </span>
  );
}

function node(value: Json, indent: number, path: (string | number)[], mark?: MarkFn): ReactNode {
  const pad = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="tw-json-punct">[]</span>;
    return (
      <>
        <span className="tw-json-punct">[</span>
        {'\n'}
        {value.map((v, i) => entry(i, null, v, indent + 1, i === value.length - 1, path, mark))}
        {pad}
        <span className="tw-json-punct">]</span>
      </>
    );
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return <span className="tw-json-punct">{'{}'}</span>;
    return (
      <>
        <span className="tw-json-punct">{'{'}</span>
        {'\n'}
        {keys.map((k, i) => entry(k, k, value[k], indent + 1, i === keys.length - 1, path, mark))}
        {pad}
        <span className="tw-json-punct">{'}'}</span>
      </>
    );
  }
  return scalar(value);
}

export function JsonView({ value, mark }: { value: Json; mark?: MarkFn }) {
  return <>{node(value, 0, [], mark)}</>;
}
