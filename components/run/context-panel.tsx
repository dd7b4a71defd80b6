'use client';
// The partial-state context (docs/context.md) in three tabs (Text, Anthropic, OpenAI) with copy and download, and a view that
// sets the correct context beside a chosen anti-pattern (context-compare.tsx), for the run on view (the top run or a drilled-in
// sub-agent's). `atMs` (optional) shows the context at an instant; ContextAtCursor feeds it the playback cursor,
// rebuilding only when the cursor crosses an event instant (the context cannot change in between).
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ERROR_STATUSES } from '@/lib/engine/context/wording';
import { downloadText } from '../download';
import { fileStem } from '../format';
import type { Trace } from '@/lib/engine';
import { buildContext } from '@/lib/engine/context';
import type { Plan } from '@/lib/plan';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import type { AppState } from '@/lib/store/app-store';
import { preparedFor } from '@/lib/store/view';
import { selectContextError, selectContextText, selectPlan, selectTrace, selectTraceIsCurrent, selectViewRun } from '@/lib/store/selectors';
import { contextAtMs } from './playback-model';
import { selectContextHeadline, selectContextKey, selectHasRun } from './playback-selectors';
import { Modal } from '../shell/modal';
import { ContextCompare } from './context-compare';
import { JsonView, type Json, type MarkFn } from './json-view';
import { errorText } from '@/lib/format/error';

type Tab = 'text' | 'anthropic' | 'openai';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'text', label: 'Text' },
  { id: 'anthropic', label: 'Anthropic' },
  { id: 'openai', label: 'OpenAI' },
];

/**
 * Longest context drawn in the panel, in characters: a run of thousands of calls hands the model megabytes, and laying
 * that out stalls the page for seconds. Beyond it the panel shows the end (where the run is at), and Copy and
 * Download still give the whole context.
 */
export const SHOWN_CHARS = 200_000;

/** The end of a long context, from a line start, and how much was left out before it. */
export function contextTail(text: string): { text: string; omitted: number } {
  if (text.length <= SHOWN_CHARS) return { text, omitted: 0 };
  const line = text.indexOf('\n', text.length - SHOWN_CHARS);
  const from = line < 0 ? text.length - SHOWN_CHARS : line + 1;
  return { text: text.slice(from), omitted: from };
}

function LongContextNote({ omitted, total }: { omitted: number; total: number }) {
  return (
    <p className="tw-ctx__long" role="note">
      This context is {total.toLocaleString('en-US')} characters long: the last {(total - omitted).toLocaleString('en-US')} are shown. Copy
      and Download give it whole.
    </p>
  );
}

const selectComparing = (s: AppState) => s.contextCompare;

/** Scrolls the nearest scrolling ancestor (the pane) so the element's top shows; never the page, which does not scroll. */
function revealInPane(el: HTMLElement | null | undefined): void {
  for (let box = el?.parentElement; el && box; box = box.parentElement) {
    const y = getComputedStyle(box).overflowY;
    if ((y === 'auto' || y === 'scroll') && box.scrollHeight > box.clientHeight) {
      box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
      return;
    }
  }
}

interface Rendered {
  /** Exactly what is shown and copied. */
  text: string;
  json: Json | null;
  error: string | null;
}

function render(plan: Plan | undefined, trace: Trace, tab: Tab, atMs: number | undefined, storeText: string | null): Rendered {
  if (tab === 'text' && atMs === undefined && storeText !== null) return { text: storeText, json: null, error: null };
  if (plan === undefined) return { text: '', json: null, error: 'The plan changed since this run: run again to see this format.' };
  try {
    const ctx = buildContext(plan, trace, tab, { atMs });
    if (ctx.format === 'text') return { text: ctx.text, json: null, error: null };
    const json = ctx.messages as unknown as Json;
    return { text: JSON.stringify(json, null, 2), json, error: null };
  } catch (err) {
    return { text: '', json: null, error: `The context could not be built: ${errorText(err)}` };
  }
}

/** Marks error results per message/block: Anthropic's is_error blocks; OpenAI tool messages of failed calls. */
function errorMark(tab: Tab, trace: Trace): MarkFn {
  const failed = new Set(trace.calls.filter((c) => ERROR_STATUSES.has(c.status)).map((c) => c.id));
  return (value, path) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    if (tab === 'anthropic' && path.length === 3 && path[1] === 'content' && value.type === 'tool_result' && value.is_error === true)
      return 'tw-json-block--error';
    if (
      tab === 'openai' &&
      path.length === 1 &&
      value.role === 'tool' &&
      typeof value.tool_call_id === 'string' &&
      failed.has(value.tool_call_id)
    )
      return 'tw-json-block--error';
    return null;
  };
}

export function ContextPanel({ atMs }: { atMs?: number }) {
  const view = useAppStore(selectViewRun);
  const topTrace = useAppStore(selectTrace);
  const trace = view?.trace ?? null;
  const plan = useAppStore(selectPlan);
  const current = useAppStore(selectTraceIsCurrent);
  // The store's text is the top run's whole context: only good for the top run, after the run.
  const topText = useAppStore(selectContextText);
  const storeText = trace !== null && trace === topTrace ? topText : null;
  const contextError = useAppStore(selectContextError);
  const [tab, setTab] = useState<Tab>('text');
  const store = useAppStoreApi();
  const comparing = useAppStore(selectComparing);
  const [wide, setWide] = useState(false);
  const compareRef = useRef<HTMLDivElement>(null);
  const [copyState, setCopyState] = useState<{ ok: boolean; text: string } | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ text: null, anthropic: null, openai: null });
  const id = useId();

  // The JSON formats are built from the plan the run used (at the level on view), not from the document as edited since.
  const runPlan = view?.plan;

  const rendered = useMemo(
    () => (trace === null ? null : render(runPlan, trace, tab, atMs, storeText)),
    [runPlan, trace, tab, atMs, storeText],
  );
  // The correct text beside the anti-patterns: built only while they are compared.
  const correctText = useMemo(
    () => (trace === null || !comparing ? null : render(runPlan, trace, 'text', atMs, storeText)),
    [runPlan, trace, atMs, storeText, comparing],
  );
  const mark = useMemo(() => (trace === null ? undefined : errorMark(tab, trace)), [tab, trace]);

  if (trace === null || rendered === null) return null;
  if (contextError !== null) {
    return (
      <p className="tw-error" role="alert">
        {contextError}
      </p>
    );
  }

  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[next].id;
    setTab(t);
    setCopyState(null);
    tabRefs.current[t]?.focus();
  };

  // Turned on, the comparison is brought into view at once: its first difference is what the presenter wants to show.
  const onCompare = () => {
    store.getState().setContextCompare(!comparing);
    if (!comparing) requestAnimationFrame(() => revealInPane(compareRef.current?.querySelector<HTMLElement>('.tw-cmp')));
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(rendered.text);
      setCopyState({ ok: true, text: 'Copied.' });
    } catch {
      setCopyState({ ok: false, text: 'Copy failed: select the text and copy it' });
    }
  };

  const name = fileStem((runPlan ?? plan)?.name ?? 'plan');
  const onDownload = () =>
    tab === 'text'
      ? downloadText(`${name}-context-text.txt`, rendered.text, 'text/plain;charset=utf-8')
      : downloadText(`${name}-context-${tab}.json`, rendered.text, 'application/json');

  const label = TABS.find((t) => t.id === tab)?.label ?? '';
  const shown = contextTail(rendered.text);
  return (
    <div className="tw-ctx" ref={compareRef}>
      {!current && <p className="tw-ctx__stale">The plan changed since this run: run again to update.</p>}
      <div className="tw-ctx__bar">
        {!comparing && (
          <div role="tablist" aria-label="Context format" className="tw-ctx__tabs">
            {TABS.map((t) => (
              <button
                key={t.id}
                ref={(el) => {
                  tabRefs.current[t.id] = el;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`${id}-panel`}
                tabIndex={tab === t.id ? 0 : -1}
                className="tw-ctx__tab"
                onClick={() => {
                  setTab(t.id);
                  setCopyState(null);
                }}
                onKeyDown={onKey}
              >
                {t.label}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="tw-ctx__button tw-ctx__compare" aria-pressed={comparing} onClick={onCompare}>
          Compare with the anti-patterns
        </button>
        {comparing && (
          <button type="button" className="tw-ctx__button tw-cmp__wide" onClick={() => setWide(true)}>
            Open wide
          </button>
        )}
      </div>
      {comparing && wide && (
        <Modal title="The correct context beside an anti-pattern" className="tw-cmp-modal" onClose={() => setWide(false)}>
          <ContextCompare plan={runPlan} trace={trace} atMs={atMs} correctText={correctText?.text ?? ''} />
          <button type="button" className="tw-ctx__button tw-cmp-modal__close" onClick={() => setWide(false)}>
            Close
          </button>
        </Modal>
      )}
      {comparing ? (
        <ContextCompare plan={runPlan} trace={trace} atMs={atMs} correctText={correctText?.text ?? ''} />
      ) : (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="tw-ctx__panel">
          <div className="tw-ctx__actions">
            <button
              type="button"
              className="tw-ctx__button"
              aria-label="Copy context"
              onClick={() => void copy()}
              disabled={rendered.error !== null}
            >
              Copy
            </button>
            <button
              type="button"
              className="tw-ctx__button"
              aria-label="Download context"
              onClick={onDownload}
              disabled={rendered.error !== null}
            >
              Download
            </button>
            <span className={copyState?.ok === false ? 'tw-ctx__copy tw-ctx__copy--bad' : 'tw-ctx__copy'} role="status">
              {copyState?.text ?? ''}
            </span>
          </div>
          {rendered.error !== null ? (
            <p className="tw-muted">{rendered.error}</p>
          ) : shown.omitted > 0 ? (
            <>
              <LongContextNote omitted={shown.omitted} total={rendered.text.length} />
              <pre
                className={tab === 'text' ? 'tw-context' : 'tw-context tw-ctx__json'}
                tabIndex={0}
                aria-label={tab === 'text' ? 'Context the model is handed' : `${label} messages`}
              >
                {shown.text}
              </pre>
            </>
          ) : tab === 'text' ? (
            <pre className="tw-context" tabIndex={0} aria-label="Context the model is handed">
              {rendered.text}
            </pre>
          ) : (
            <pre className="tw-context tw-ctx__json" role="region" tabIndex={0} aria-label={`${label} messages`}>
              <JsonView value={rendered.json ?? null} mark={mark} />
            </pre>
          )}
        </div>
      )}
    </div>
  );
}

/** `Context at 3.20 s (model turn 2)` / `Context after the run`: follows the cursor (a line of text, cheap to redraw). */
function ContextInstant() {
  const headline = useAppStore(selectContextHeadline);
  return (
    <p className="tw-ctx__at" data-testid="context-instant">
      {headline}
    </p>
  );
}

/** The context at the playback cursor, for the run on view: rebuilt once per event instant, not once per frame. */
export function ContextAtCursor() {
  const hasRun = useAppStore(selectHasRun);
  const view = useAppStore(selectViewRun);
  const key = useAppStore(selectContextKey);
  if (!hasRun) return null;
  if (view === null) return <p className="tw-muted">This sub-agent did not run in the latest run, so it has no context to show.</p>;
  const atMs = contextAtMs(preparedFor(view.trace, view.plan).times, key);
  return (
    <>
      <ContextInstant />
      <ContextPanel atMs={atMs} />
    </>
  );
}
