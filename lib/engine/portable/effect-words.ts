// How the context words side effects: possible duplicates with the attempts concerned, and after a stop whether
// each landed effect was undone or is still in place (docs/side-effects.md). Portable (shared with every TypeScript
// export, imports only its siblings); a possible duplicate is never hidden, as no failure is.
import type { AttemptOf, CallFacts, RunFacts } from './facts';
import { listWords, plainMs } from './wording';

/** What one attempt did, for a duplicate line: `attempt 1 timed out and may have gone through`. */
export function attemptEffectWords(a: AttemptOf<unknown>): string {
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

/**
 * `charge_card may have run twice: attempt 1 timed out and may have gone through; attempt 2 succeeded`, or for a
 * certain duplicate `charge_card ran twice: …`; null when the call is neither duplicated nor maybe duplicated.
 */
export function duplicateLine(call: CallFacts): string | null {
  const e = call.effect;
  if (e === undefined || !(e.duplicated || e.maybeDuplicated)) return null;
  const concerned = call.attempts.filter((a) => a.effect === 'applied' || a.effect === 'unknown');
  const detail = concerned.map(attemptEffectWords).join('; ');
  if (e.duplicated) {
    const unsure = e.unknown > 0 ? ` (and ${e.unknown === 1 ? 'one more attempt' : `${e.unknown} more attempts`} may have)` : '';
    return `${call.id} ran ${timesWord(e.applied)}${unsure}: ${detail}`;
  }
  return `${call.id} may have run ${timesWord(e.applied + e.unknown)}: ${detail}`;
}

/** Where a call's compensation stands at instant `atMs` (null: the end of the run). */
function compensationState(call: CallFacts, run: RunFacts, atMs: number | null): string {
  const e = call.effect;
  const comp = e?.compensation ?? null;
  if (comp === null) return 'still in place: it has no compensation';
  const t = atMs ?? Infinity;
  if (comp.status === 'not_started' || comp.startMs === null || comp.startMs > t) {
    if (atMs !== null && comp.status !== 'not_started') return `to be undone by ${comp.tool} (waiting for its turn)`;
    const hung = run.compensations.map((i) => run.calls[i]).find((c) => c.effect?.compensation?.status === 'hung');
    return `still in place: its compensation ${comp.tool} never started${hung ? ` because ${hung.effect?.compensation?.tool} (undoing ${hung.id}) never returned` : ''}`;
  }
  if (comp.endMs === null || comp.endMs > t) {
    if (comp.status === 'hung' && atMs === null) return `still in place: its compensation ${comp.tool} never returned`;
    return `being undone by ${comp.tool} (attempt ${comp.attempts.filter((a) => a.startMs <= t).length})`;
  }
  const took = comp.endMs - comp.startMs;
  const after = comp.attempts.length > 1 ? ` after ${comp.attempts.length} attempts` : '';
  switch (comp.status) {
    case 'succeeded':
      return `undone by ${comp.tool} in ${plainMs(took)}${after}`;
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

/** `reserve_hotel (landed at 200 ms, maybe): undone by cancel_reservation in 40 ms`. */
function landedLine(call: CallFacts, run: RunFacts, atMs: number | null): string {
  const e = call.effect;
  const maybe = e !== undefined && e.applied === 0 ? ', may have gone through' : '';
  const at = e?.landedMs != null ? ` (landed at ${plainMs(e.landedMs)}${maybe})` : '';
  return `${call.id}${at}: ${compensationState(call, run, atMs)}`;
}

/**
 * The summary's side-effect section, as lines: possible duplicates (any outcome), then after a stop each landed
 * effect, undone or still in place. Empty when the run did nothing worth saying to the world.
 */
export function effectSummaryLines(run: RunFacts, shown: ReadonlySet<string>, atMs: number | null): string[] {
  const lines: string[] = [];
  const dups: string[] = [];
  for (const c of run.calls) {
    if (!shown.has(c.id)) continue;
    const d = duplicateLine(c);
    if (d !== null) dups.push(d);
  }
  if (dups.length > 0) {
    lines.push('Possible duplicate side effects (check before repeating them):');
    for (const d of dups) lines.push(`- ${d}`);
  }
  const stop = run.stop;
  if (stop === null || (atMs !== null && atMs < stop.atMs)) return lines;
  const landed = run.calls.filter((c) => c.effect !== undefined && c.effect.applied + c.effect.unknown > 0);
  if (landed.length === 0) return lines;
  const undone = landed.filter(
    (c) => c.effect?.compensation?.status === 'succeeded' && (atMs === null || (c.effect.compensation.endMs ?? Infinity) <= atMs),
  );
  const left = landed.filter((c) => c.effect?.leftInPlace === true);
  const head =
    atMs === null
      ? `Side effects after the stop: ${listWords([
          ...(undone.length > 0 ? [`${undone.length} undone`] : []),
          ...(left.length > 0 ? [`${left.length} still in place`] : []),
        ])}:`
      : 'Side effects after the stop:';
  lines.push(head);
  // In the order they were undone (latest landing first), then the ones with no compensation.
  const order = [...run.compensations.map((i) => run.calls[i]), ...landed.filter((c) => c.effect?.compensation == null)];
  for (const c of order) lines.push(`- ${landedLine(c, run, atMs)}`);
  return lines;
}
