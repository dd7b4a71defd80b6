'use client';
// The playback clock: while the store says `playing`, one requestAnimationFrame loop moves the cursor by the real
// time since the last frame (capped, so a background tab or a long pause never jumps far). The store stops
// playing at the end; the loop ends with it. Mount once (the playback bar does).
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectPlaying } from '@/lib/store/selectors';
import { frameDelta } from './playback-model';

export function usePlaybackClock(): void {
  const store = useAppStoreApi();
  const playing = useAppStore(selectPlaying);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let prev: number | null = null;
    const tick = (now: number) => {
      const dt = frameDelta(prev, now);
      prev = now;
      if (dt > 0) store.getState().advance(dt);
      if (store.getState().playing) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}
