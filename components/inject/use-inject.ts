'use client';
// What the node toolbar and the context menu do to the plan: inject a fault, clear the faults in force. Each is ONE
// undoable edit of the plan on view through the store's editView (a drilled-in sub-agent's nested plan included),
// then a short notice. A run that exists is not redone: it becomes stale and the person presses Run.
import { useMemo } from 'react';
import { clearFaults, injectFault, type InjectKind, type InjectWhen } from '@/lib/plan/inject';
import { refuse } from '@/lib/store/document';
import { useAppStoreApi } from '@/lib/store/provider';

export interface InjectCommands {
  inject: (callId: string, kind: InjectKind, when: InjectWhen) => void;
  clear: (callId: string) => void;
}

export function useInject(): InjectCommands {
  const store = useAppStoreApi();
  return useMemo(() => {
    const stale = () => (store.getState().trace !== null ? ' Press Run to see it.' : '');
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
      clear: (callId) => {
        const s = store.getState();
        // Nothing to clear leaves the plan as it was: no undo step, only the words.
        const r = s.editView((plan) => ({ ok: true, ...clearFaults(plan, callId) }));
        if (r.ok) s.notify({ tone: 'info', text: `${r.summary}.${r.cleared === 0 ? '' : stale()}` });
      },
    };
  }, [store]);
}
