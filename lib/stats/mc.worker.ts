// The Monte Carlo worker: one per core, each running its share of the runs (see worker-core.ts).
import type { Job } from './protocol';
import { createJobRunner } from './worker-core';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Job>) => void) | null;
  postMessage: (m: unknown, transfer: Transferable[]) => void;
};
const run = createJobRunner();

scope.onmessage = (e: MessageEvent<Job>) => {
  if (e.data?.type === 'job') run(e.data, (m, transfer) => scope.postMessage(m, transfer));
};
