// The intake worker: reads and checks one import or share link (see intake-core.ts) off the page's thread, then
// lays a plan without positions out by waves, then sends the outcome back in slices. One worker per intake: cancelling terminates it.
import { placeOutcome, runIntake } from './intake-core';
import { postOutcome, type IntakeJob, type IntakeMessage } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<IntakeJob>) => void) | null; postMessage: (m: IntakeMessage) => void };

scope.onmessage = (e: MessageEvent<IntakeJob>) => {
  if (e.data?.type !== 'intake') return;
  void runIntake(e.data.request, (stage) => scope.postMessage({ type: 'stage', stage })).then((outcome) =>
    postOutcome(placeOutcome(outcome), (m) => scope.postMessage(m)),
  );
};
