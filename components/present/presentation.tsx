'use client';
// Presentation mode: the run told to stakeholders, full screen and in large type — the plan graph,
// the timeline and the context at the cursor, with a narrated caption at the bottom. ←/→ step by model turn.
// It is a modal <dialog> over the editor: the editor stays mounted underneath (inert while the dialog is open), so
// leaving finds it exactly as it was — panes, tabs, the timeline's open state and the canvas viewport included.
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { turnAt } from '@/lib/engine/playback';
import type { AppState } from '@/lib/store/app-store';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectPlan, selectPlanVersion, selectPlaying, selectPresenting, selectViewCursorMs } from '@/lib/store/selectors';
import { PlanCanvas } from '../canvas/plan-canvas';
import { TransportIcon, type TransportIconName } from '../icons';
import { ContextAtCursor } from '../run/context-panel';
import { clockReadout } from '../run/playback-model';
import { runPlaybackAction } from '../run/playback-keys';
import { selectHasRun, selectViewEnd } from '../run/playback-selectors';
import { RunCaption, selectCaptionStep } from './caption';
import { leavePresentation, syncPresentationFullscreen } from './present-actions';
import { presentKeyAction, type PresentAction } from './present-keys';
import { PresentTimeline } from './present-timeline';
import { SpeakerNotes, SpeakerNotesButton } from './speaker-notes';
import { TermTip } from '../glossary/term-tip';

/** `turn:phase` of the run on view at the cursor (a string, so the selector is stable); '' with no run. */
const selectTurnKey = (s: AppState): string => {
  const v = s.runOnView;
  if (v === null) return '';
  const { turn, phase } = turnAt(v.trace, s.cursorMs - v.offsetMs);
  return `${turn ?? -1}:${phase}`;
};
const selectTurnCount = (s: AppState): number => s.runOnView?.trace.turns.length ?? 0;

const PHASE_WORD: Record<string, string> = { thinking: 'thinking', executing: 'calls running', done: 'done' };

/** `Model turn 2 of 4 · calls running`, `Model turn 1 of 4 · thinking`, `Before model turn 1`. */
function turnWords(turn: number, phase: string, count: number): string {
  if (count === 0) return 'No model turns';
  if (phase === 'before' || turn < 0) return 'Before model turn 1';
  return `Model turn ${turn + 1} of ${count} · ${PHASE_WORD[phase] ?? phase}`;
}

/** A control that does not take focus from a mouse press, so the arrow keys keep stepping after a click. */
function Control({
  label,
  keys,
  onClick,
  children,
  wide,
}: {
  label: string;
  keys: string;
  onClick: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <button
      type="button"
      className={`tw-present__btn${wide ? ' tw-present__btn--wide' : ''}`}
      aria-label={label}
      title={`${label} (${keys})`}
      onMouseDown={(e: MouseEvent) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The transport buttons, in their order: what each does, its name, its key and its icon. */
function transport(playing: boolean): { action: PresentAction; label: string; keys: string; icon: TransportIconName }[] {
  return [
    { action: 'start', label: 'Back to the first instant', keys: 'Home', icon: 'start' },
    { action: 'prev-turn', label: 'Previous turn', keys: '←', icon: 'prev' },
    { action: 'toggle', label: playing ? 'Pause presentation' : 'Play presentation', keys: 'Space', icon: playing ? 'pause' : 'play' },
    { action: 'next-turn', label: 'Next turn', keys: '→', icon: 'next' },
    { action: 'end', label: 'Jump to the end', keys: 'End', icon: 'end' },
  ];
}

function Controls({ act, children }: { act: (a: PresentAction) => void; children?: ReactNode }) {
  const playing = useAppStore(selectPlaying);
  return (
    <div className="tw-present__controls" role="group" aria-label="Presentation controls">
      {transport(playing).map((c) => (
        <Control key={c.action} label={c.label} keys={c.keys} onClick={() => act(c.action)} wide={c.action === 'toggle'}>
          <TransportIcon name={c.icon} size={18} />
        </Control>
      ))}
      <span className="tw-present__sep" aria-hidden="true" />
      {children}
      <Control label="Leave presentation" keys="Esc" onClick={() => act('leave')}>
        <TransportIcon name="close" size={18} />
      </Control>
    </div>
  );
}

/** One dot per model turn (done, current, to come), the turn in words and the clock. */
function Progress() {
  const key = useAppStore(selectTurnKey);
  const count = useAppStore(selectTurnCount);
  const cursor = useAppStore(selectViewCursorMs);
  const end = useAppStore(selectViewEnd);
  const [turnStr, phase] = key.split(':');
  const turn = Number(turnStr);
  return (
    <div className="tw-present__progress">
      {count > 0 && count <= 24 && (
        <ol className="tw-present__dots" aria-hidden="true">
          {Array.from({ length: count }, (_, i) => {
            const state = i < turn || (i === turn && phase === 'done') ? 'done' : i === turn ? 'now' : 'later';
            return <li key={i} className={`tw-present__dot tw-present__dot--${state}`} />;
          })}
        </ol>
      )}
      <span className="tw-present__turn" data-testid="presentation-turn">
        {key === '' ? '' : turnWords(turn, phase, count)}
      </span>
      <span className="tw-present__clock">{clockReadout(Math.max(cursor, 0), end)}</span>
    </div>
  );
}

/**
 * The canvas, kept to looking: a press on a call or an edge never starts a drag or a connection (clicks still select
 * and open sub-agents), and it is drawn afresh — fitted — when the window changes size (going full screen).
 */
function PresentCanvas() {
  const [fit, setFit] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setFit((n) => n + 1), 200);
    };
    window.addEventListener('resize', onResize);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    };
  }, []);
  const guard = (e: SyntheticEvent) => {
    const target = e.target as Element | null;
    if (target?.closest?.('.react-flow__node, .react-flow__handle, .react-flow__edge') != null) {
      e.stopPropagation();
      if (e.type === 'contextmenu') e.preventDefault();
    }
  };
  return (
    <section
      className="tw-present__canvas"
      aria-label="Plan graph"
      onMouseDownCapture={guard}
      onPointerDownCapture={guard}
      onTouchStartCapture={guard}
      onContextMenuCapture={guard}
    >
      <PlanCanvas key={fit} />
    </section>
  );
}

/** The context at the cursor, kept scrolled to its newest lines as the story moves on. */
function PresentContext() {
  const ref = useRef<HTMLElement>(null);
  const step = useAppStore(selectCaptionStep);
  useEffect(() => {
    const pre = ref.current?.querySelector<HTMLElement>('.tw-context');
    if (pre) pre.scrollTop = pre.scrollHeight;
  }, [step]);
  return (
    <section className="tw-present__context" aria-label="Context" ref={ref}>
      <h2 className="tw-present__heading">
        <TermTip term="partial-state-context">What the model is handed</TermTip>
      </h2>
      <ContextAtCursor />
    </section>
  );
}

function PresentationView() {
  const store = useAppStoreApi();
  const plan = useAppStore(selectPlan);
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    if (!el.open) el.showModal();
    el.focus({ preventScroll: true });
    return () => {
      if (el.open) el.close();
    };
  }, []);

  // Another plan opened underneath (an example still loading, a share link, another tab): the story is over.
  const planVersion = useAppStore(selectPlanVersion);
  const hasRun = useAppStore(selectHasRun);
  const [startVersion] = useState(planVersion);
  useEffect(() => {
    if (planVersion !== startVersion || !hasRun) leavePresentation(store);
  }, [planVersion, startVersion, hasRun, store]);

  // Leaving full screen (Esc in a real browser, which the page never sees) leaves the presentation too.
  useEffect(() => {
    const onChange = () => syncPresentationFullscreen(store);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [store]);

  // Speaker notes: closed on entering, so the audience sees them only once the presenter opens them.
  const [notes, setNotes] = useState(false);

  const act = (action: PresentAction) => {
    const s = store.getState();
    switch (action) {
      case 'notes':
        return setNotes((open) => !open);
      case 'leave':
        return leavePresentation(store);
      default:
        return runPlaybackAction(s, action);
    }
  };

  // Capture: the presentation's keys win over everything inside it (the context's tabs, a focused call).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.nativeEvent.isComposing) return;
    const action = presentKeyAction(e, e.target);
    if (action === null) return;
    e.preventDefault();
    e.stopPropagation();
    act(action);
  };
  // Bubble: no key pressed in the presentation reaches the editor's page-wide shortcuts (run, undo, help).
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => e.stopPropagation();

  return (
    <dialog
      ref={ref}
      className="tw-present"
      aria-label="Presentation"
      aria-describedby="tw-present-hint"
      tabIndex={-1}
      onKeyDownCapture={onKeyDownCapture}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        leavePresentation(store);
      }}
    >
      <header className="tw-present__bar">
        <div className="tw-present__title">
          <span className="tw-present__kicker">Toolwave · presenting</span>
          <h2 className="tw-present__name" title={plan.name}>
            {plan.name}
          </h2>
        </div>
        <Progress />
        <Controls act={act}>
          <SpeakerNotesButton open={notes} onToggle={() => act('notes')} />
        </Controls>
      </header>
      <div className="tw-present__stage">
        <div className="tw-present__left">
          <PresentCanvas />
          <section className="tw-present__timeline" aria-label="Timeline">
            <PresentTimeline />
          </section>
        </div>
        <PresentContext />
      </div>
      <footer className="tw-present__foot">
        <RunCaption className="tw-present__caption" />
        <p className="tw-present__hint" id="tw-present-hint">
          <kbd>←</kbd> <kbd>→</kbd> model turns · <kbd>Esc</kbd> to leave
          <span className="tw-present__hint-more">
            {' '}
            · <kbd>Shift</kbd>+<kbd>←</kbd> <kbd>→</kbd> events · <kbd>Space</kbd> play · <kbd>N</kbd> speaker notes
          </span>
        </p>
      </footer>
      <SpeakerNotes open={notes} onClose={() => setNotes(false)} />
    </dialog>
  );
}

/** Mounted once in the workbench: draws the presentation while the store says so. */
export function Presentation() {
  const presenting = useAppStore(selectPresenting);
  return presenting ? <PresentationView /> : null;
}
