// Cross-tab detection: two tabs wired through fake (and real) channels tell each other when one opens, saves or
// deletes the plan the other shows, once per change, and ignore everything else.
import { describe, it, expect, vi } from 'vitest';
import { createPlanLibrary, entryKey } from './library';
import { randomId } from './storage';
import { MemoryStorage } from './testing/fake-storage';
import { samplePlan } from './testing/plans';
import {
  TAB_CHANNEL,
  TAB_MESSAGES,
  createTabWatch,
  initialTabState,
  reduceTab,
  type ChannelLike,
  type TabNotice,
  type TabWatch,
} from './tabs';

type Listener = (event: { data: unknown }) => void;

/** Channels on one fake bus: like BroadcastChannel, a message reaches every other open channel (synchronously here). */
function fakeBus() {
  const open = new Set<FakeChannel>();
  class FakeChannel implements ChannelLike {
    readonly listeners = new Set<Listener>();
    constructor() {
      open.add(this);
    }
    postMessage(data: unknown): void {
      if (!open.has(this)) throw new DOMException('Channel is closed', 'InvalidStateError');
      for (const other of open) if (other !== this) for (const l of other.listeners) l({ data: structuredClone(data) });
    }
    addEventListener(_type: 'message', l: Listener): void {
      this.listeners.add(l);
    }
    removeEventListener(_type: 'message', l: Listener): void {
      this.listeners.delete(l);
    }
    close(): void {
      open.delete(this);
    }
  }
  return { channel: () => new FakeChannel(), inject: (data: unknown) => new FakeChannel().postMessage(data) };
}

function tab(channel: ChannelLike | null, tabId: string): { watch: TabWatch; notices: TabNotice[] } {
  const notices: TabNotice[] = [];
  return { watch: createTabWatch({ channel, tabId, onNotice: (n) => notices.push(n) }), notices };
}

function twoTabs() {
  const bus = fakeBus();
  const a = tab(bus.channel(), 'tab-a');
  const b = tab(bus.channel(), 'tab-b');
  return { bus, a, b };
}

/** Two tabs that both show plan-x at revision 1, A first. */
function bothOnPlanX() {
  const tabs = twoTabs();
  tabs.a.watch.open('plan-x', 1);
  tabs.b.watch.open('plan-x', 1);
  return tabs;
}

/** Two tabs, each with its own library over one storage, showing one plan (rev 1) that tab A created. */
function onePlanInTwoTabs() {
  const storage = new MemoryStorage();
  const { a, b } = twoTabs();
  const libA = createPlanLibrary({ storage, tabId: 'tab-a' });
  const libB = createPlanLibrary({ storage, tabId: 'tab-b' });
  const created = libA.create(samplePlan());
  if (!created.ok) throw new Error(created.message);
  const id = created.item.id;
  a.watch.open(id, 1);
  b.watch.open(id, 1);
  return { storage, a, b, libA, libB, id };
}

const kinds = (notices: TabNotice[]): string[] => notices.map((n) => n.kind);

describe('two tabs on one plan', () => {
  it('tell each other that the plan is open in both', () => {
    const { a, b } = bothOnPlanX();
    expect(a.notices).toEqual([{ kind: 'also-open', planId: 'plan-x', tabs: 1, message: TAB_MESSAGES.alsoOpen }]);
    expect(b.notices).toEqual([{ kind: 'also-open', planId: 'plan-x', tabs: 1, message: TAB_MESSAGES.alsoOpen }]);
    expect(a.watch.state.others).toEqual(['tab-b']);
    expect(b.watch.state.others).toEqual(['tab-a']);
  });

  it('tell the first tab "This plan was changed in another tab" when the second saves', () => {
    const { a, b } = bothOnPlanX();
    b.watch.saved(2, 5000);
    expect(a.notices.at(-1)).toEqual({
      kind: 'changed',
      planId: 'plan-x',
      rev: 2,
      tabId: 'tab-b',
      savedAt: 5000,
      message: 'This plan was changed in another tab.',
    });
    expect(a.watch.state.changedElsewhere).toEqual({ rev: 2, tabId: 'tab-b', savedAt: 5000 });
    expect(kinds(b.notices)).toEqual(['also-open']);
  });

  it('tell it once when the save arrives both by channel and by storage event', () => {
    const { storage, a, b, libB, id } = onePlanInTwoTabs();
    const saved = libB.save(id, samplePlan('Edited in B'), { expectedRev: 1 });
    if (!saved.ok) throw new Error(saved.message);
    b.watch.saved(saved.rev, saved.savedAt);
    a.watch.handleStorageEvent({ key: entryKey(id), newValue: storage.getItem(entryKey(id)) });
    expect(kinds(a.notices)).toEqual(['also-open', 'changed']);
  });

  it('do not tell a tab about its own saves, older revisions, or other plans', () => {
    const { a, b } = twoTabs();
    a.watch.open('plan-x', 3);
    b.watch.open('plan-y', 1);
    b.watch.saved(9, 1);
    a.watch.saved(4, 1);
    b.watch.open('plan-x', 2);
    b.watch.saved(3, 1);
    expect(kinds(a.notices)).toEqual(['also-open']);
  });

  it('tell again for each newer save, and not for a revision the tab caught up with', () => {
    const { a, b } = bothOnPlanX();
    b.watch.saved(2, 1);
    a.watch.seen(3);
    b.watch.saved(3, 2);
    b.watch.saved(4, 3);
    expect(a.notices.filter((n) => n.kind === 'changed').map((n) => n.kind === 'changed' && n.rev)).toEqual([2, 4]);
  });

  it('clear the "changed elsewhere" mark when the tab saves over it or catches up', () => {
    const { a, b } = bothOnPlanX();
    b.watch.saved(2, 1);
    a.watch.saved(3, 2);
    expect(a.watch.state.changedElsewhere).toBeNull();
    expect(b.notices.at(-1)).toMatchObject({ kind: 'changed', rev: 3, tabId: 'tab-a' });
  });

  it('tell the tab that shows a plan when another tab deletes it', () => {
    const { a, b } = twoTabs();
    a.watch.open('plan-x', 1);
    b.watch.removed('plan-x');
    b.watch.removed('plan-x');
    expect(a.notices).toEqual([{ kind: 'removed', planId: 'plan-x', tabId: 'tab-b', message: 'This plan was deleted in another tab.' }]);
  });

  it('tell a tab it is alone again when the other tab closes or opens another plan', () => {
    const { a, b } = bothOnPlanX();
    b.watch.open('plan-y', 1);
    expect(a.notices.at(-1)).toEqual({ kind: 'alone', planId: 'plan-x', message: TAB_MESSAGES.alone });
    b.watch.open('plan-x', 1);
    b.watch.dispose();
    expect(kinds(a.notices)).toEqual(['also-open', 'alone', 'also-open', 'alone']);
  });

  it('stop listening once disposed', () => {
    const { a, b } = twoTabs();
    a.watch.open('plan-x', 1);
    a.watch.dispose();
    b.watch.open('plan-x', 1);
    b.watch.saved(2, 1);
    expect(a.notices).toEqual([]);
    expect(() => a.watch.saved(3, 1)).not.toThrow();
  });

  it('detect the conflict before the next save, and the library refuses that save anyway', () => {
    const { a, b, libA, libB, id } = onePlanInTwoTabs();
    const saved = libB.save(id, samplePlan('B'), { expectedRev: 1 });
    if (saved.ok) b.watch.saved(saved.rev, saved.savedAt);
    expect(a.notices.at(-1)).toMatchObject({ kind: 'changed', message: TAB_MESSAGES.changed });
    expect(libA.save(id, samplePlan('A'), { expectedRev: 1 })).toMatchObject({ ok: false, reason: 'conflict' });
  });
});

describe('storage events', () => {
  function entry(rev: number, tabId: string): string {
    return JSON.stringify({ id: 'plan-x', rev, savedAt: 77, tabId, text: '{}' });
  }

  it("alone detect another tab's save where there is no BroadcastChannel", () => {
    const a = tab(null, 'tab-a');
    a.watch.open('plan-x', 1);
    a.watch.handleStorageEvent({ key: entryKey('plan-x'), newValue: entry(2, 'tab-b') });
    expect(a.notices).toEqual([{ kind: 'changed', planId: 'plan-x', rev: 2, tabId: 'tab-b', savedAt: 77, message: TAB_MESSAGES.changed }]);
  });

  it('report a deleted entry or cleared storage as a deletion, once', () => {
    const a = tab(null, 'tab-a');
    a.watch.open('plan-x', 1);
    a.watch.handleStorageEvent({ key: entryKey('plan-x'), newValue: null });
    a.watch.handleStorageEvent({ key: null, newValue: null });
    expect(kinds(a.notices)).toEqual(['removed']);
    const b = tab(null, 'tab-b');
    b.watch.open('plan-x', 1);
    b.watch.handleStorageEvent({ key: null, newValue: null });
    expect(kinds(b.notices)).toEqual(['removed']);
  });

  it.each([
    ["another plan's entry", entryKey('plan-y'), entry(5, 'tab-b')],
    ['the index', 'toolwave:library', '{}'],
    ["another app's key", 'other', 'x'],
    ['a damaged entry', entryKey('plan-x'), '{not json'],
    ['an entry of the wrong shape', entryKey('plan-x'), '{"rev": "5"}'],
    ["this tab's own save", entryKey('plan-x'), entry(5, 'tab-a')],
  ])('ignore %s', (_what, key, newValue) => {
    const a = tab(null, 'tab-a');
    a.watch.open('plan-x', 1);
    a.watch.handleStorageEvent({ key, newValue });
    expect(a.notices).toEqual([]);
  });

  it('are ignored while no plan is open', () => {
    const a = tab(null, 'tab-a');
    a.watch.handleStorageEvent({ key: null, newValue: null });
    expect(a.notices).toEqual([]);
  });
});

describe('messages from other tabs', () => {
  it.each([
    ['null', null],
    ['a string', 'saved'],
    ["another app's message", { app: 'other', v: 1, type: 'saved', planId: 'plan-x', tabId: 't', rev: 9, savedAt: 1 }],
    ['a newer protocol version', { app: 'toolwave', v: 2, type: 'saved', planId: 'plan-x', tabId: 't', rev: 9, savedAt: 1 }],
    ['an unknown type', { app: 'toolwave', v: 1, type: 'exploded', planId: 'plan-x', tabId: 't' }],
    ['a save without a rev', { app: 'toolwave', v: 1, type: 'saved', planId: 'plan-x', tabId: 't', savedAt: 1 }],
    ['a save with extra keys', { app: 'toolwave', v: 1, type: 'saved', planId: 'plan-x', tabId: 't', rev: 9, savedAt: 1, x: 1 }],
  ])('are ignored when malformed: %s', (_what, data) => {
    const bus = fakeBus();
    const a = tab(bus.channel(), 'tab-a');
    a.watch.open('plan-x', 1);
    bus.inject(data);
    expect(a.notices).toEqual([]);
    expect(a.watch.state.rev).toBe(1);
  });
});

describe('the pure state machine', () => {
  it('announces a switch of plan as a close of the old one and an open of the new one', () => {
    let state = initialTabState('t');
    state = reduceTab(state, { type: 'open', planId: 'p1', rev: 4 }).state;
    const step = reduceTab(state, { type: 'open', planId: 'p2', rev: 1 });
    expect(step.send.map((m) => [m.type, m.planId])).toEqual([
      ['closed', 'p1'],
      ['opened', 'p2'],
    ]);
    expect(step.state).toEqual({ tabId: 't', planId: 'p2', rev: 1, others: [], changedElsewhere: null, removedElsewhere: false });
  });

  it('sends nothing for a save or close while no plan is open', () => {
    const state = initialTabState('t');
    expect(reduceTab(state, { type: 'saved', rev: 2, savedAt: 0 }).send).toEqual([]);
    expect(reduceTab(state, { type: 'close' }).send).toEqual([]);
  });
});

describe("real BroadcastChannels (Node's own)", () => {
  it('carry a save from one tab to the other', async () => {
    const onNotice = vi.fn();
    const a = createTabWatch({ channel: new BroadcastChannel(TAB_CHANNEL), tabId: 'a', onNotice });
    const b = createTabWatch({ channel: new BroadcastChannel(TAB_CHANNEL), tabId: 'b', onNotice: () => {} });
    a.open('plan-x', 1);
    b.open('plan-x', 1);
    b.saved(2, 10);
    await vi.waitFor(() => expect(onNotice).toHaveBeenCalledWith(expect.objectContaining({ kind: 'changed', rev: 2, tabId: 'b' })));
    a.dispose();
    b.dispose();
  });
});

describe('tab ids', () => {
  it('come from crypto.randomUUID by default', () => {
    const watch = createTabWatch({ channel: null, onNotice: () => {} });
    expect(watch.tabId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(createTabWatch({ channel: null, onNotice: () => {} }).tabId).not.toBe(watch.tabId);
  });

  it('use randomUUID when it is there, else 128 random bits as hex', () => {
    expect(randomId({ randomUUID: () => 'fixed-uuid' })).toBe('fixed-uuid');
    expect(randomId({ getRandomValues: <T extends ArrayBufferView | null>(a: T) => ((a as Uint8Array | null)?.fill(171), a) })).toBe(
      'ab'.repeat(16),
    );
    expect(randomId({})).toMatch(/^[0-9a-f]{32}$/);
  });
});
