'use client';
// The "Input & output" section: the call's arguments as JSON, with `{{call.path}}` references highlighted and
// checked against the call's upstreams, and the sample output returned on success.
import { useMemo } from 'react';
import type { Plan, ToolCall } from '@/lib/plan';
import { callCheck } from './checks';
import { refContext } from './json-refs';
import { JsonField } from './json-field';
import { jsonText, parseJson, parseJsonObject, sameJson } from './json-text';
import { useDraft, type DraftField } from './use-draft';
import type { Parsed } from './numbers';

type JsonKey = 'input' | 'output' | 'degradedOutput';

/** One of the call's JSON fields as a draft: multi-line (Enter types a newline), compared as JSON, checked by `parse`. */
function useJsonDraft<K extends JsonKey>(call: ToolCall, key: K, parse: (text: string) => Parsed<ToolCall[K]>): DraftField {
  return useDraft({
    name: key,
    value: jsonText(call[key]),
    same: sameJson,
    enterCommits: false,
    check: callCheck(call.id, key, parse, (value) => ({ [key]: value })),
  });
}

export function CallIo({ call, plan }: { call: ToolCall; plan: Plan }) {
  const id = call.id;
  // Only the calls and edges matter to the references, not the rest of the plan.
  const { calls, dependencies } = plan;
  const refs = useMemo(() => refContext({ calls, dependencies }, id), [calls, dependencies, id]);
  const input = useJsonDraft(call, 'input', parseJsonObject);
  const output = useJsonDraft(call, 'output', parseJson);
  const degraded = useJsonDraft(call, 'degradedOutput', parseJson);
  const hasOptionalInputs =
    dependencies.some((d) => d.to === id && d.optional) ||
    calls.some((c) => c.onFailure === 'ignore' && dependencies.some((d) => d.from === c.id && d.to === id));
  return (
    <div className="tw-insp-grid">
      <JsonField
        label="Input (JSON arguments)"
        draft={input}
        refs={refs}
        hint="Use {{call}} or {{call.path.to.field}} to pass an upstream call’s output."
      />
      <JsonField
        label="Sample output (JSON)"
        draft={output}
        placeholder="(none)"
        hint="Returned on success and shown in the context. Empty: no output."
      />
      {(hasOptionalInputs || call.degradedOutput !== undefined) && (
        <JsonField
          label="Output when degraded (JSON)"
          draft={degraded}
          placeholder="(same as the sample output)"
          hint="Returned instead when it runs without an optional input, so the context never quotes a page that failed. Empty: the sample output."
        />
      )}
    </div>
  );
}
