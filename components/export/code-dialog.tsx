'use client';
// "Export as code": the plan as a runnable TypeScript module or a framework's policy snippet, previewed with syntax
// highlighting, to copy or download. Loaded on demand; the code is rendered as React text, never as HTML.
import { useEffect, useMemo, useRef, useState } from 'react';
import { codeFileName, emitCode, EXPORT_TARGETS, exportTarget, type ExportTarget } from '@/lib/export';
import type { Plan } from '@/lib/plan';
import { downloadText } from '../download';
import { Modal } from '../shell/modal';
import { highlight } from './highlight';

const ABOUT: Record<ExportTarget, string> = {
  ts: 'One self-contained module that runs the plan’s calls with its exact policies and builds the partial-state context. Give it your tools; it imports nothing.',
  python:
    'The policies in Python with asyncio and tenacity: each call’s retries and timeout, the schedule and failure policies in run_plan().',
  temporal:
    'Activity options per call (startToCloseTimeout, retry) and a workflow with the plan’s schedule; toFailure() covers what RetryPolicy cannot.',
  langgraph: 'A StateGraph with a node per call: retryPolicy, timeout and errorHandler as the plan says, edges that join on every input.',
  vercel: 'The plan’s tools for the AI SDK, each execute wrapped in its call’s policy; the model decides which calls go together.',
};

type CopyState = 'idle' | 'copied' | 'refused';

export default function CodeDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const [target, setTarget] = useState<ExportTarget>('ts');
  const [copy, setCopy] = useState<CopyState>('idle');
  const pre = useRef<HTMLPreElement>(null);
  const t = exportTarget(target);
  const code = useMemo(() => emitCode(plan, target), [plan, target]);
  const nodes = useMemo(() => highlight(code, t.language), [code, t.language]);
  const file = codeFileName(plan.name, target);
  const lines = code.split('\n').length - (code.endsWith('\n') ? 1 : 0);

  useEffect(() => {
    pre.current?.scrollTo({ top: 0 });
  }, [target]);

  const copyCode = async () => {
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      // Select the code so Ctrl/⌘+C copies it by hand.
      const sel = window.getSelection();
      if (pre.current !== null && sel !== null) {
        const range = document.createRange();
        range.selectNodeContents(pre.current);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      setCopy('refused');
    }
  };

  return (
    <Modal title="Export as code" onClose={onClose} className="tw-code-export" closeLabel="Close">
      <div className="tw-code-export__bar">
        <label className="tw-code-export__format">
          <span className="tw-field__label">Format</span>
          <select
            className="tw-input"
            value={target}
            onChange={(e) => {
              setCopy('idle');
              setTarget(EXPORT_TARGETS.find((x) => x.id === e.currentTarget.value)?.id ?? 'ts');
            }}
          >
            {EXPORT_TARGETS.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <span className="tw-code-export__file">
          {file} · {lines} lines
        </span>
        <button type="button" className="tw-button" onClick={() => void copyCode()}>
          Copy
        </button>
        <button
          type="button"
          className="tw-button"
          onClick={() => downloadText(file, code, t.language === 'python' ? 'text/x-python' : 'text/typescript')}
        >
          Download
        </button>
      </div>
      <p className="tw-code-export__about">{ABOUT[target]}</p>
      <pre ref={pre} className="tw-code" tabIndex={0} aria-label={`${t.label} code for ${plan.name}`}>
        <code className={`hljs language-${t.language}`}>{nodes}</code>
      </pre>
      <p className="tw-code-export__status" role="status">
        {copy === 'copied'
          ? `Copied ${lines} lines of ${t.label}.`
          : copy === 'refused'
            ? 'The browser did not let Toolwave copy: the code is selected, copy it with Ctrl/⌘+C.'
            : ''}
      </p>
    </Modal>
  );
}
