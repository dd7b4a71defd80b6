// The whole run in one sentence, for the closing caption (lib/engine/narrate.ts) and the run's summary line: the
// outcome, the counts of each status and what the run did to the world. Pure: no React, no DOM.
import { spokenDuration } from '../format/duration';
import { listWords } from './context/wording';
import { endTime } from './playback';
import { countStatuses, type Trace } from './types';

/** At most this many call ids in one list; the rest are counted (`a, b, c, d and 3 more`). */
const MAX_IDS = 4;
/** `a, b and c`, or `a, b, c, d and 3 more` past MAX_IDS. */
export function idList(ids: readonly string[]): string {
  if (ids.length <= MAX_IDS) return listWords(ids);
  return `${ids.slice(0, MAX_IDS).join(', ')} and ${ids.length - MAX_IDS} more`;
}

/** `Run complete in 6.5 s: 6 succeeded`, `Run aborted at 1.1 s because auth failed: …`: the whole run in one sentence. */
export function runSummarySentence(trace: Trace): string {
  const counted = trace.calls.length === 0 ? 'no calls' : countStatuses(trace.calls.map((c) => c.status));
  const effects = effectsClause(trace);
  const counts = effects === '' ? counted : `${counted}; ${effects}`;
  const end = spokenDuration(trace.makespanMs ?? endTime(trace));
  switch (trace.outcome) {
    case 'complete':
      return `Run complete in ${end}: ${counts}`;
    case 'partial':
      return `Run finished in ${end} with a partial outcome: ${counts}`;
    case 'aborted':
      return `Run aborted at ${end}${trace.stop?.by ? ` because ${trace.stop.by} failed` : ''}: ${counts}`;
    case 'deadline_exceeded':
      return `Run stopped by its deadline at ${end}: ${counts}`;
    case 'stuck': {
      const hung = trace.calls.filter((c) => c.status === 'hung').map((c) => c.id);
      return `Run stuck${hung.length > 0 ? `: ${idList(hung)} never ${hung.length === 1 ? 'returns' : 'return'}` : ''} — ${counts}`;
    }
  }
}

/** `2 effects undone, 1 left in place, 1 possible duplicate`: what the run did to the world, '' when nothing to say. */
export function effectsClause(trace: Trace): string {
  let undone = 0;
  let left = 0;
  let dup = 0;
  let maybe = 0;
  for (const c of trace.calls) {
    const e = c.effect;
    if (e === undefined) continue;
    if (e.compensation?.status === 'succeeded') undone++;
    if (e.leftInPlace) left++;
    if (e.duplicated) dup++;
    if (e.maybeDuplicated) maybe++;
  }
  const parts: string[] = [];
  if (undone > 0) parts.push(`${undone} ${undone === 1 ? 'effect' : 'effects'} undone`);
  if (left > 0) parts.push(`${left} left in place`);
  if (dup > 0) parts.push(`${dup} duplicated`);
  if (maybe > 0) parts.push(`${maybe} possibly duplicated`);
  return parts.join(', ');
}
