'use client';
// What the node toolbar, the context menu and the "injected faults" banners do to the plan: inject a fault, clear
// the injected faults (of a call, or all of them), or, asked for by name, every fault of a call. Each is ONE undoable
// edit through the store (editView for the plan on view; commit for the whole document), then a short notice. A run
// that exists is not redone: it becomes stale and the person presses Run.
import { useMemo } from 'react';
import { clearAllFaults, clearAllInjected, clearInjected, injectFault, type InjectKind, type InjectWhen } from '@/lib/plan/inject';
import { refuse } from '@/lib/store/document';
import { useAppStoreApi } from '@/lib/store/provider';

export interface InjectCommands {
  inject: (callId: string, kind: InjectKind, when: InjectWhen) => void;
  /** Clears the call's injected faults only; its designed faults stay. */
  clear: (callId: string) => void;
  /** Clears every fault acting on the call, designed ones included. */
  clearAll: (callId: string) => void;
  /** Clears every injected fault of the document, sub-agents' plans included. */
  clearEverywhere: () => void;
}

export function useInject(): InjectCommands {
  const store = useAppStoreApi();
  return useMemo(() => {
    const stale = () => (store.getState().trace !== null ? ' Press Run to see it.' : '');
    const say = (r: { ok: boolean; summary?: string; cleared?: number }) => {
      if (r.ok && r.summary !== undefined)
        store.getState().notify({ tone: 'info', text: `${r.summary}.${r.cleared === 0 ? '' : stale()}` });
    };
    return {
      inject: (callId, kind, when) => {
        const s = store.getState();
        const r = s.editView((plan) => {
          const injected = injectFault(plan, callId, kind, when);
          return injected.refused !== undefined ? refuse(injected.refused) : { ok: true, ...injected };
        });
        if (!r.ok) {
          s.notify({ tone: 'error', text: `Cannot inject into ${callId}: ${r.reason}.` });
          return;
        }
        s.notify({ tone: 'info', text: `${r.summary}.${r.note === undefined ? '' : ` ${r.note}`}${stale()}` });
      },
      // Nothing to clear leaves the plan as it was: no undo step, only the words.
      clear: (callId) => say(store.getState().editView((plan) => ({ ok: true, ...clearInjected(plan, callId) }))),
      clearAll: (callId) => say(store.getState().editView((plan) => ({ ok: true, ...clearAllFaults(plan, callId) }))),
      clearEverywhere: () => {
        const s = store.getState();
        const r = clearAllInjected(s.plan);
        s.commit(r.plan);
        say({ ok: true, ...r });
      },
    };
  }, [store]);
}
