// How the context words a call's fate (docs/context.md#results-call-by-call): the portable wording the exported
// runtime shares, under the names the engine and the UI use. Pure text from trace data; never invents a result.
import { STATUS_LABEL, type CallStatus } from '../types';
import { ERROR_STATUSES } from '../portable/wording';

export {
  ERROR_STATUSES,
  NEVER_STARTED,
  degradedNote,
  describeReason,
  describeUpstream,
  failureContent,
  listWords,
  missingList,
  neverStartedLine,
  partialWarning,
  plural,
  shortFailure,
} from '../portable/wording';
export { isSuccess } from '../types';

export function isError(status: CallStatus): boolean {
  return ERROR_STATUSES.has(status);
}

/** The word used in counts: `2 succeeded, 1 timed out`. */
export const STATUS_WORD = STATUS_LABEL;
