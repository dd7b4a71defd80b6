'use client';
// The "Example" picker: which built-in plan the page shows.
import { useAppStore } from '@/lib/store/provider';
import { selectExampleId, selectExamples, selectSelectExample } from '@/lib/store/selectors';

export function ExamplePicker() {
  const examples = useAppStore(selectExamples);
  const exampleId = useAppStore(selectExampleId);
  const selectExample = useAppStore(selectSelectExample);
  return (
    <div className="tw-field">
      <label htmlFor="tw-example" className="tw-field__label">
        Example
      </label>
      <select
        id="tw-example"
        className="tw-select"
        value={exampleId ?? ''}
        disabled={examples.length === 0}
        onChange={(e) => selectExample(e.target.value)}
      >
        {examples.length === 0 && <option value="">Loading…</option>}
        {examples.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
    </div>
  );
}
