// How the trace recorder writes down one ended attempt: its words and the fault that decided it, from what the
// kernel reports (its result code and pendFault). Pure; shared by calls and compensations (policy slots).
import { FK_ERROR, FK_PARTIAL, FK_RATE, FK_TIMEOUT, type CompiledPlan } from './compile';
import { FAULT_NESTED, R_OK, R_PARTIAL, R_TIMEOUT } from './kernel';
import { countStatuses, type Attempt, type DecidingFault } from './types';

const FAULT_KIND_NAME: Record<number, DecidingFault['kind'] | undefined> = {
  [FK_ERROR]: 'error',
  [FK_TIMEOUT]: 'timeout',
  [FK_RATE]: 'rate_limit',
  [FK_PARTIAL]: 'partial',
};

/** Which fault of policy slot `slot` decided the attempt (the kernel's pendFault, as data), or undefined. */
export function decidingFault(cp: CompiledPlan, slot: number, result: number, fault: number): DecidingFault | undefined {
  if (fault < 0) return undefined;
  const kind = FAULT_KIND_NAME[cp.fKind[fault]];
  if (kind === undefined) return undefined;
  const index = fault - cp.fStart[slot];
  return { kind, index, injected: index < cp.injected[slot], cutByTimeout: result === R_TIMEOUT && kind !== 'timeout' };
}

/** The words of the fault that decided an attempt of a policy slot (a call or a compensation), or null; sets its code. */
export function faultMessage(cp: CompiledPlan, slot: number, result: number, fault: number, a: Attempt): string | null {
  if (result === R_OK || fault < 0) return null;
  const f = cp.faults[slot][fault - cp.fStart[slot]];
  if (f.kind === 'error') {
    if (f.code !== undefined) a.code = f.code;
    return f.applied === true ? `${f.message} (the work was done before the failure)` : f.message;
  }
  if (f.kind === 'rate_limit') {
    a.code = '429';
    return `429 rate limited: retry after ${f.retryAfterMs} ms`;
  }
  if (f.kind === 'partial') return f.note !== undefined && f.note !== '' ? f.note : 'partial result';
  return null;
}

/** What a person reads of a call's attempt: "503 Service Unavailable", "timed out after 2000 ms", "sub-agent returned". */
export function attemptMessage(cp: CompiledPlan, call: number, result: number, fault: number, a: Attempt): string {
  // A timeout cuts whatever the attempt would have been, a sub-agent's nested outcome included.
  if (result === R_TIMEOUT) return `timed out after ${cp.timeout[call]} ms`;
  if (fault === FAULT_NESTED) {
    const nested = a.nested;
    if (nested?.outcome === 'aborted') return `sub-agent run aborted${nested.stop?.by ? ` because ${nested.stop.by} failed` : ''}`;
    return 'sub-agent run exceeded its deadline';
  }
  if (result === R_OK) return cp.isAgent[call] === 1 ? 'sub-agent returned' : 'ok';
  const faultWords = faultMessage(cp, call, result, fault, a);
  if (faultWords !== null) return faultWords;
  if (result === R_PARTIAL) {
    const nested = a.nested;
    return nested !== undefined ? `sub-agent finished partial: ${countStatuses(nested.calls.map((c) => c.status))}` : 'partial result';
  }
  return 'failed';
}
