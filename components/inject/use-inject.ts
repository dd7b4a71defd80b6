'use client';
// What the node toolbar and the context menu do to the plan: inject a fault, clear the faults in force. Each is ONE
// undoable commit of the plan on view (a drilled-in sub-agent's nested plan included), then a short notice. A run
// that exists is not redone: it becomes stale and the person presses Run.
import { useMemo } from 'react';
import { clearFaults, injectFault, type InjectKind, type InjectWhen } from '@/lib/plan/inject';
import { useAppStoreApi } from '@/lib/store/provider';
import { selectViewPlan } from '@/lib/store/selectors';
import { withDisplayPositions } from '../canvas/view-model';

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
        const r = injectFault(withDisplayPositions(selectViewPlan(s)), callId, kind, when);
        if (r.refused !== undefined) {
          s.notify({ tone: 'error', text: `Cannot inject into ${callId}: ${r.refused}.` });
          return;
        }
        s.commitView(r.plan);
        s.notify({ tone: 'info', text: `${r.summary}.${r.note === undefined ? '' : ` ${r.note}`}${stale()}` });
      },
      clear: (callId) => {
        const s = store.getState();
        const r = clearFaults(withDisplayPositions(selectViewPlan(s)), callId);
        if (r.cleared === 0) {
          s.notify({ tone: 'info', text: `${r.summary}.` });
          return;
        }
        s.commitView(r.plan);
        s.notify({ tone: 'info', text: `${r.summary}.${stale()}` });
      },
    };
  }, [store]);
}
