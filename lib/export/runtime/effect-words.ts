// How the context words side effects: possible duplicates with the attempts concerned, and after a stop whether
// each landed effect was undone or is still in place. A possible duplicate is never hidden, as no failure is.
import type { AttemptReport, CallReport, RunReport } from './types';
import { fmtMs, listWords } from './wording';

function attemptEffectWords(a: AttemptReport): string {
  const n = `attempt ${a.n}`;
  if (a.effect === 'unknown') {
    if (a.result === 'timeout') return `${n} timed out and may have gone through`;
    if (a.result === 'cancelled') return `${n} was cut off by the stop and may have gone through`;
    return `${n} never returned and may have gone through`;
  }
  if (a.effect === 'applied') {
    if (a.result === 'ok') return `${n} succeeded`;
    if (a.result === 'partial') return `${n} returned a partial result`;
    return `${n} failed after the work was done`;
  }
  return `${n} did not go through`;
}

function timesWord(k: number): string {
  return k === 2 ? 'twice' : `${k} times`;
}

/** `charge_card may have run twice: attempt 1 timed out and may have gone through; attempt 2 succeeded`. */
function duplicateLine(call: CallReport): string | null {
  const e = call.effect;
  if (e === undefined || !(e.duplicated || e.maybeDuplicated)) return null;
  const detail = call.attempts
    .filter((a) => a.effect === 'applied' || a.effect === 'unknown')
    .map(attemptEffectWords)
    .join('; ');
  if (e.duplicated) {
    const unsure = e.unknown > 0 ? ` (and ${e.unknown === 1 ? 'one more attempt' : `${e.unknown} more attempts`} may have)` : '';
    return `${call.id} ran ${timesWord(e.applied)}${unsure}: ${detail}`;
  }
  return `${call.id} may have run ${timesWord(e.applied + e.unknown)}: ${detail}`;
}

function compensationState(call: CallReport, report: RunReport): string {
  const comp = call.effect?.compensation ?? null;
  if (comp === null) return 'still in place: it has no compensation';
  if (comp.status === 'not_started' || comp.startMs === null) {
    const hung = report.compensations.map((i) => report.calls[i]).find((c) => c.effect?.compensation?.status === 'hung');
    return `still in place: its compensation ${comp.tool} never started${hung ? ` because ${hung.effect?.compensation?.tool} (undoing ${hung.id}) never returned` : ''}`;
  }
  if (comp.endMs === null) return `still in place: its compensation ${comp.tool} never returned`;
  const after = comp.attempts.length > 1 ? ` after ${comp.attempts.length} attempts` : '';
  switch (comp.status) {
    case 'succeeded':
      return `undone by ${comp.tool} in ${fmtMs(comp.endMs - comp.startMs)}${after}`;
    case 'timed_out':
      return `still in place: its compensation ${comp.tool} timed out${after}`;
    case 'failed': {
      const last = comp.attempts[comp.attempts.length - 1];
      return `still in place: its compensation ${comp.tool} failed${after}${last?.message ? ` (${last.message})` : ''}`;
    }
    default:
      return `still in place: its compensation ${comp.tool} never returned`;
  }
}

/** The summary's side-effect lines: possible duplicates, then after a stop each landed effect, undone or in place. */
export function effectSummaryLines(report: RunReport, shown: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  const dups = report.calls.filter((c) => shown.has(c.id)).flatMap((c) => duplicateLine(c) ?? []);
  if (dups.length > 0) {
    lines.push('Possible duplicate side effects (check before repeating them):');
    for (const d of dups) lines.push(`- ${d}`);
  }
  if (report.stop === null) return lines;
  const landed = report.calls.filter((c) => c.effect !== undefined && c.effect.applied + c.effect.unknown > 0);
  if (landed.length === 0) return lines;
  const undone = landed.filter((c) => c.effect?.compensation?.status === 'succeeded');
  const left = landed.filter((c) => c.effect?.leftInPlace === true);
  lines.push(
    `Side effects after the stop: ${listWords([...(undone.length > 0 ? [`${undone.length} undone`] : []), ...(left.length > 0 ? [`${left.length} still in place`] : [])])}:`,
  );
  // In the order they were undone (latest landing first), then the ones with no compensation.
  const order = [...report.compensations.map((i) => report.calls[i]), ...landed.filter((c) => c.effect?.compensation == null)];
  for (const c of order) {
    const e = c.effect;
    const maybe = e !== undefined && e.applied === 0 ? ', may have gone through' : '';
    const at = e?.landedMs != null ? ` (landed at ${fmtMs(e.landedMs)}${maybe})` : '';
    lines.push(`- ${c.id}${at}: ${compensationState(c, report)}`);
  }
  return lines;
}
