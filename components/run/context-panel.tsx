'use client';
// The partial-state context (docs/context.md) in three tabs (Text, Anthropic, OpenAI) with copy and download, and a view that
// sets the correct context beside the three anti-patterns, for the run on view (the top run or a drilled-in
// sub-agent's). `atMs` (optional) shows the context at an instant; ContextAtCursor feeds it the playback cursor,
// rebuilding only when the cursor crosses an event instant (the context cannot change in between).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ERROR_STATUSES } from '@/lib/engine/context/wording';
import { downloadText } from '../download';
import { fileStem } from '../format';
import { ANTI_PATTERNS, buildAntiPattern, buildContext, type AntiPatternKind, type Trace } from '@/lib/engine';
import type { Plan } from '@/lib/plan';
import { useAppStore } from '@/lib/store/provider';
import { preparedFor } from '@/lib/store/view';
import { selectContextError, selectContextText, selectPlan, selectTrace, selectTraceIsCurrent, selectViewRun } from '@/lib/store/selectors';
import { STATUS_LABEL } from '../format';
import { contextAtMs } from './playback-model';
import { selectContextHeadline, selectContextKey, selectHasRun } from './playback-selectors';
import { diffAntiPattern, markLines, troubledCalls } from './context-diff';
import { JsonView, type Json, type MarkFn } from './json-view';

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

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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
    return { text: '', json: null, error: `The context could not be built: ${message(err)}` };
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

function MarkedText({ text, ids, label }: { text: string; ids: readonly string[]; label: string }) {
  const lines = markLines(text, ids);
  const ref = useRef<HTMLPreElement>(null);
  // Bring the first highlighted line into view inside its box, so what is lost shows without scrolling.
  useEffect(() => {
    const pre = ref.current;
    const first = pre?.querySelector<HTMLElement>('[data-marked]');
    if (pre && first) pre.scrollTop = Math.max(0, first.offsetTop - 24); // the <pre> is positioned: offsetTop is relative to it
  }, [text, ids]);
  return (
    <pre ref={ref} className="tw-context tw-ctx-compare__text" tabIndex={0} aria-label={label}>
      {lines.map((l, i) => (
        <span
          key={i}
          className={l.ids.length > 0 ? 'tw-ctx-line tw-ctx-line--marked' : 'tw-ctx-line'}
          data-marked={l.ids.length > 0 ? l.ids.join(' ') : undefined}
        >
          {l.text}
          {i < lines.length - 1 ? '\n' : ''}
        </span>
      ))}
    </pre>
  );
}

const AP_TITLE: Record<AntiPatternKind, string> = { dropped: 'Dropped', total_failure: 'Total failure', false_success: 'False success' };

function CompareView({
  plan,
  trace,
  atMs,
  correctText,
}: {
  plan: Plan | undefined;
  trace: Trace;
  atMs: number | undefined;
  correctText: string;
}) {
  const troubled = useMemo(() => troubledCalls(trace).map((c) => c.id), [trace]);
  const renderings = useMemo(() => {
    if (plan === undefined) return null;
    try {
      return ANTI_PATTERNS.map((kind) => ({
        ctx: buildAntiPattern(plan, trace, kind, 'text', { atMs }),
        diff: diffAntiPattern(trace, kind),
      }));
    } catch (err) {
      return message(err);
    }
  }, [plan, trace, atMs]);
  const byId = new Map(trace.calls.map((c) => [c.id, c]));
  const hidden = trace.calls.filter((c) => (c.hiddenFailures ?? 0) > 0);
  return (
    <div className="tw-ctx-compare">
      {hidden.length > 0 ? (
        // An opaque sub-agent hid failures: this context is right about what the orchestrator saw, and blind to the rest.
        <section
          className="tw-ctx-compare__item tw-ctx-compare__item--blind"
          aria-label="Blind view: the orchestrator’s context"
          data-blind="true"
        >
          <h4 className="tw-ctx-compare__title">Blind view: what the orchestrator saw</h4>
          <p className="tw-ctx-compare__sentence">
            <strong>Not the whole truth:</strong>{' '}
            {hidden
              .map((c) => `${c.id}’s opaque report hid ${c.hiddenFailures} ${c.hiddenFailures === 1 ? 'failure' : 'failures'}`)
              .join('; ')}
            .{' '}
            {troubled.length === 0
              ? 'Every call reported success, so the model is told nothing went wrong.'
              : `It names only the failures it saw: ${troubled.join(', ')}.`}{' '}
            Make the report explicit to pass them on.
          </p>
          <MarkedText text={correctText} ids={[...troubled, ...hidden.map((c) => c.id)]} label="Blind view text" />
        </section>
      ) : (
        <section className="tw-ctx-compare__item tw-ctx-compare__item--correct" aria-label="Correct context">
          <h4 className="tw-ctx-compare__title">Correct context</h4>
          <p className="tw-ctx-compare__sentence">
            {troubled.length === 0
              ? 'Every call succeeded.'
              : `Names every call that did not succeed: ${troubled.map((id) => `${id} (${STATUS_LABEL[byId.get(id)?.status ?? 'failed']})`).join(', ')}.`}
          </p>
          <MarkedText text={correctText} ids={troubled} label="Correct context text" />
        </section>
      )}
      {renderings === null && <p className="tw-muted">The plan changed since this run: run again to compare.</p>}
      {typeof renderings === 'string' && (
        <p className="tw-error" role="alert">
          The anti-patterns could not be built: {renderings}
        </p>
      )}
      {Array.isArray(renderings) &&
        renderings.map(({ ctx, diff }) => (
          <section
            key={ctx.antiPattern}
            className="tw-ctx-compare__item tw-ctx-compare__item--wrong"
            aria-label={`Anti-pattern: ${AP_TITLE[ctx.antiPattern]}`}
            data-anti-pattern={ctx.antiPattern}
          >
            <h4 className="tw-ctx-compare__title">{ctx.label}</h4>
            <p className="tw-ctx-compare__sentence">
              <strong>{AP_TITLE[ctx.antiPattern]}:</strong> {diff.sentence}
            </p>
            {diff.affected.length > 0 && (
              <ul className="tw-ctx-compare__lost" aria-label={`What ${AP_TITLE[ctx.antiPattern].toLowerCase()} loses or misreports`}>
                {diff.affected.map((c) => (
                  <li key={c.id}>
                    <code>{c.id}</code> {STATUS_LABEL[c.status]}: {diff.effect}
                  </li>
                ))}
              </ul>
            )}
            <MarkedText text={ctx.text} ids={diff.affected.map((c) => c.id)} label={`${AP_TITLE[ctx.antiPattern]} rendering`} />
          </section>
        ))}
    </div>
  );
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
  const [comparing, setComparing] = useState(false);
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
    <div className="tw-ctx">
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
        <button type="button" className="tw-ctx__button tw-ctx__compare" aria-pressed={comparing} onClick={() => setComparing((c) => !c)}>
          Compare with the anti-patterns
        </button>
      </div>
      {comparing ? (
        <CompareView plan={runPlan} trace={trace} atMs={atMs} correctText={correctText?.text ?? ''} />
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
