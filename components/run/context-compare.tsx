'use client';
// The correct context beside one chosen anti-pattern (docs/context.md#anti-patterns), in two aligned columns. The
// choice lives in the store, so Present shows the same comparison; until one is chosen, the anti-pattern that
// differs most from the correct context is shown. An opaque sub-agent's blind view takes the correct side's place.
import { useId, useMemo } from 'react';
import type { AntiPatternKind, Trace } from '@/lib/engine';
import { ANTI_PATTERNS } from '@/lib/engine/context/messages';
import { buildAntiPattern } from '@/lib/engine/context';
import { alignTexts, type Alignment } from '@/lib/engine/context/align';
import type { Plan } from '@/lib/plan';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import type { AppState } from '@/lib/store/app-store';
import { STATUS_LABEL } from '../format';
import { diffAntiPattern, troubledCalls, type AntiPatternDiff } from './context-diff';
import { mostDifferent, withoutBanner } from './compare-choice';
import { contextTail } from './context-panel';
import { SideBySide } from './side-by-side';
import { errorText } from '@/lib/format/error';

export const AP_TITLE: Record<AntiPatternKind, string> = {
  dropped: 'Dropped',
  total_failure: 'Total failure',
  false_success: 'False success',
};

const selectChoice = (s: AppState) => s.compareAntiPattern;

interface Rendering {
  kind: AntiPatternKind;
  label: string;
  diff: AntiPatternDiff;
  alignment: Alignment;
  /** Rows that differ from the correct context. */
  differing: number;
}

function build(plan: Plan, trace: Trace, atMs: number | undefined, correct: string): Rendering[] {
  const shownCorrect = contextTail(correct).text;
  return ANTI_PATTERNS.map((kind) => {
    const ctx = buildAntiPattern(plan, trace, kind, 'text', { atMs });
    const alignment = alignTexts(shownCorrect, contextTail(withoutBanner(ctx.text)).text);
    const differing = alignment.hunks.reduce((n, h) => n + h.end - h.start, 0);
    return { kind, label: ctx.label, diff: diffAntiPattern(trace, kind), alignment, differing };
  });
}

export function ContextCompare({
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
  const store = useAppStoreApi();
  const chosen = useAppStore(selectChoice);
  const name = useId();
  const troubled = useMemo(() => troubledCalls(trace).map((c) => c.id), [trace]);
  const renderings = useMemo(() => {
    if (plan === undefined) return null;
    try {
      return build(plan, trace, atMs, correctText);
    } catch (err) {
      return errorText(err);
    }
  }, [plan, trace, atMs, correctText]);

  if (renderings === null) return <p className="tw-muted">The plan changed since this run: run again to compare.</p>;
  if (typeof renderings === 'string') {
    return (
      <p className="tw-error" role="alert">
        The anti-patterns could not be built: {renderings}
      </p>
    );
  }
  const kind = chosen ?? mostDifferent(renderings);
  const shown = renderings.find((r) => r.kind === kind) ?? renderings[0];
  const byId = new Map(trace.calls.map((c) => [c.id, c]));
  const hidden = trace.calls.filter((c) => (c.hiddenFailures ?? 0) > 0);
  const blind = hidden.length > 0;
  const leftTitle = blind ? 'Blind view: what the orchestrator saw' : 'Correct context';
  const leftSentence = blind
    ? `Not the whole truth: ${hidden.map((c) => `${c.id}’s opaque report hid ${c.hiddenFailures} ${c.hiddenFailures === 1 ? 'failure' : 'failures'}`).join('; ')}. ${
        troubled.length === 0
          ? 'Every call reported success, so the model is told nothing went wrong.'
          : `It names only the failures it saw: ${troubled.join(', ')}.`
      } Make the report explicit to pass them on.`
    : troubled.length === 0
      ? 'Every call succeeded.'
      : `Names every call that did not succeed: ${troubled.map((id) => `${id} (${STATUS_LABEL[byId.get(id)?.status ?? 'failed']})`).join(', ')}.`;
  const title = AP_TITLE[shown.kind];
  return (
    <div className="tw-cmp">
      <fieldset className="tw-cmp__choice" role="radiogroup" aria-label="Beside the correct context">
        <legend className="tw-cmp__legend" aria-hidden="true">
          Beside the correct context
        </legend>
        {renderings.map((r) => (
          <label key={r.kind} className="tw-cmp__option">
            <input
              type="radio"
              name={name}
              value={r.kind}
              checked={r.kind === shown.kind}
              onChange={() => store.getState().setCompareAntiPattern(r.kind)}
            />
            <span>{AP_TITLE[r.kind]}</span>
            <span className="tw-cmp__count">
              {r.differing === 0 ? 'same' : `${r.alignment.hunks.length} ${r.alignment.hunks.length === 1 ? 'difference' : 'differences'}`}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="tw-cmp__heads">
        <section
          className={blind ? 'tw-cmp__head tw-cmp__head--blind' : 'tw-cmp__head tw-cmp__head--correct'}
          aria-label={blind ? 'Blind view: the orchestrator’s context' : 'Correct context'}
          data-blind={blind ? 'true' : undefined}
        >
          <h4 className="tw-ctx-compare__title">{leftTitle}</h4>
          <p className="tw-ctx-compare__sentence">{leftSentence}</p>
        </section>
        <section className="tw-cmp__head tw-cmp__head--wrong" aria-label={`Anti-pattern: ${title}`} data-anti-pattern={shown.kind}>
          <h4 className="tw-ctx-compare__title">{shown.label}</h4>
          <p className="tw-ctx-compare__sentence">
            <strong>{title}:</strong> {shown.diff.sentence}
          </p>
          {shown.diff.affected.length > 0 && (
            <ul className="tw-ctx-compare__lost" aria-label={`What ${title.toLowerCase()} loses or misreports`}>
              {shown.diff.affected.map((c) => (
                <li key={c.id}>
                  <code>{c.id}</code> {STATUS_LABEL[c.status]}: {shown.diff.effect}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <SideBySide
        label={`${leftTitle} beside ${title}`}
        alignment={shown.alignment}
        left={{ title: leftTitle, ids: blind ? [...troubled, ...hidden.map((c) => c.id)] : troubled }}
        right={{ title: `${title} (anti-pattern)`, ids: shown.diff.affected.map((c) => c.id) }}
      />
    </div>
  );
}
