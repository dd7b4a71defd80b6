'use client';
// The playback bar: play/pause, stepping by event and by model turn, start/end, the speed, a
// scrubber and the clock, over the run on view (the top run, or a drilled-in sub-agent's nested run on its own
// clock). Each part subscribes to just what it shows, so a moving cursor re-renders the scrubber and the clock only.
import type { KeyboardEvent, ReactNode } from 'react';
import { SPEEDS } from '@/lib/store/playback';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectPlaying, selectSpeed, selectViewCursorMs } from '@/lib/store/selectors';
import { clockReadout, positionText, scrubberKeyTarget } from './playback-model';
import { playbackKeyAction, runPlaybackAction, type PlaybackControls } from './playback-keys';
import {
  selectHasRun,
  selectSetSpeed,
  selectStepEvent,
  selectStepTurn,
  selectToEnd,
  selectToStart,
  selectTogglePlay,
  selectViewEnd,
  selectViewOffset,
  selectViewTurnText,
} from './playback-selectors';
import { usePlaybackClock } from './use-playback-clock';
import { TransportIcon } from '../icons';

/** The store's playback actions, for the transport buttons. */
function usePlaybackControls(): PlaybackControls {
  const togglePlay = useAppStore(selectTogglePlay);
  const stepEvent = useAppStore(selectStepEvent);
  const stepTurn = useAppStore(selectStepTurn);
  const toStart = useAppStore(selectToStart);
  const toEnd = useAppStore(selectToEnd);
  return { togglePlay, stepEvent, stepTurn, toStart, toEnd };
}

function Step({
  label,
  keys,
  onClick,
  disabled,
  children,
}: {
  label: string;
  keys: string;
  onClick: () => void;
  disabled: boolean;
  children: ReactNode;
}) {
  return (
    <button type="button" className="tw-play__btn" aria-label={label} title={`${label} (${keys})`} onClick={onClick} disabled={disabled}>
      {children}
    </button>
  );
}

function Transport({ disabled }: { disabled: boolean }) {
  const playing = useAppStore(selectPlaying);
  const { togglePlay, stepEvent, stepTurn, toStart, toEnd } = usePlaybackControls();
  const action = playing ? 'Pause' : 'Play';
  return (
    <div className="tw-play__transport">
      <Step label="Back to start" keys="Home" onClick={toStart} disabled={disabled}>
        <TransportIcon name="start" />
      </Step>
      <Step label="Previous model turn" keys="[" onClick={() => stepTurn(-1)} disabled={disabled}>
        <TransportIcon name="prevTurn" />
      </Step>
      <Step label="Previous event" keys="," onClick={() => stepEvent(-1)} disabled={disabled}>
        <TransportIcon name="prevEvent" />
      </Step>
      <button
        type="button"
        className="tw-play__btn tw-play__btn--main"
        aria-label={action}
        title={`${action} (Space)`}
        onClick={togglePlay}
        disabled={disabled}
        data-playing={playing ? 'true' : 'false'}
      >
        <TransportIcon name={playing ? 'pause' : 'play'} />
      </button>
      <Step label="Next event" keys="." onClick={() => stepEvent(1)} disabled={disabled}>
        <TransportIcon name="nextEvent" />
      </Step>
      <Step label="Next model turn" keys="]" onClick={() => stepTurn(1)} disabled={disabled}>
        <TransportIcon name="nextTurn" />
      </Step>
      <Step label="To the end" keys="End" onClick={toEnd} disabled={disabled}>
        <TransportIcon name="end" />
      </Step>
    </div>
  );
}

function Speed({ disabled }: { disabled: boolean }) {
  const speed = useAppStore(selectSpeed);
  const setSpeed = useAppStore(selectSetSpeed);
  return (
    <select
      className="tw-play__speed"
      aria-label="Playback speed"
      title="Playback speed"
      value={String(speed)}
      disabled={disabled}
      onChange={(e) => setSpeed(Number(e.target.value))}
    >
      {SPEEDS.map((v) => (
        <option key={v} value={String(v)}>
          {v}×
        </option>
      ))}
    </select>
  );
}

function Scrubber({ disabled }: { disabled: boolean }) {
  const cursor = useAppStore(selectViewCursorMs);
  const end = useAppStore(selectViewEnd);
  const offset = useAppStore(selectViewOffset);
  const store = useAppStoreApi();
  // Pause and move the cursor: the store's actions, read when the scrubber is used.
  const seek = (t: number) => {
    const s = store.getState();
    s.pause();
    s.setCursor(offset + t);
  };
  const t = Math.min(Math.max(cursor, 0), end);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = scrubberKeyTarget(e.key, e.shiftKey, cursor, end);
    if (target !== null) {
      e.preventDefault();
      seek(target);
      return;
    }
    // The other playback keys work here too (the page's handler leaves form fields alone).
    const action = playbackKeyAction(e, null);
    if (action !== null) {
      e.preventDefault();
      runPlaybackAction(store.getState(), action);
    }
  };
  return (
    <input
      type="range"
      className="tw-play__scrub"
      aria-label="Playback position"
      aria-valuetext={disabled ? 'no run yet' : positionText(t, end)}
      min={0}
      max={end}
      step="any"
      value={t}
      disabled={disabled}
      onChange={(e) => seek(Number(e.target.value))}
      onKeyDown={onKeyDown}
    />
  );
}

function Clock() {
  const cursor = useAppStore(selectViewCursorMs);
  const end = useAppStore(selectViewEnd);
  return <span className="tw-play__time">{clockReadout(Math.max(cursor, 0), end)}</span>;
}

function TurnLabel() {
  const text = useAppStore(selectViewTurnText);
  return (
    <span className="tw-play__turn" title={text}>
      {text}
    </span>
  );
}

export function PlaybackBar() {
  usePlaybackClock();
  const hasRun = useAppStore(selectHasRun);
  const disabled = !hasRun;
  return (
    <div className="tw-play" role="group" aria-label="Playback">
      <Transport disabled={disabled} />
      <Speed disabled={disabled} />
      <Scrubber disabled={disabled} />
      <div className={`tw-play__status${hasRun ? '' : ' tw-play__status--hint'}`} data-testid="playback-status">
        {hasRun ? (
          <>
            <Clock />
            <TurnLabel />
          </>
        ) : (
          <span className="tw-play__hint">Run the plan to play it back.</span>
        )}
      </div>
    </div>
  );
}
