import { describe, expect, it, vi } from 'vitest';
import { listen } from './listen';

describe('listen', () => {
  it('adds every listener and removes them all, capture ones included', () => {
    const target = new EventTarget();
    const onA = vi.fn();
    const onB = vi.fn();
    const stop = listen([target, 'a', onA], [target, 'b', onB, { capture: true, passive: true }]);
    target.dispatchEvent(new Event('a'));
    target.dispatchEvent(new Event('b'));
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).toHaveBeenCalledTimes(1);
    stop();
    target.dispatchEvent(new Event('a'));
    target.dispatchEvent(new Event('b'));
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).toHaveBeenCalledTimes(1);
  });
});
