'use client';
// The gallery of built-in teaching plans, compact for the left pane. Opening one makes it a NEW plan in the
// library (one undoable step): the open plan is saved first and stays in the library untouched.
import { useState } from 'react';
import { fetchExamplePlan, type ExampleEntry } from '@/lib/store/examples';
import { useAppStore, useAppStoreApi } from '@/lib/store/provider';
import { selectExamples, selectExamplesError } from '@/lib/store/selectors';
import { ExampleLesson } from './example-lesson';

export function ExamplesGallery() {
  const examples = useAppStore(selectExamples);
  const error = useAppStore(selectExamplesError);
  const store = useAppStoreApi();
  const [busy, setBusy] = useState<string | null>(null);

  const openExample = async (entry: ExampleEntry) => {
    setBusy(entry.id);
    try {
      const result = await fetchExamplePlan(entry);
      const s = store.getState();
      if (!result.ok) {
        s.notify({ tone: 'error', text: `The example “${entry.name}” could not be opened.`, problems: result.problems });
        return;
      }
      const previous = s.plan.name;
      // Laid out with the layout library (loaded now, on first use) before it opens; the first screen's example
      // is placed without it (its calls cross nowhere, so it makes no difference there).
      const { applyLayout, needsLayout } = await import('@/lib/plan/layout');
      s.open(needsLayout(result.plan) ? applyLayout(result.plan) : result.plan, null);
      s.notify({
        tone: 'success',
        text: `Opened the example “${entry.name}” as a new plan. “${previous}” is unchanged (undo returns to it).`,
      });
    } catch {
      store.getState().notify({ tone: 'error', text: `The example “${entry.name}” could not be fetched.` });
    } finally {
      setBusy(null);
    }
  };

  if (error !== null) return <p className="tw-muted">{error}</p>;
  if (examples.length === 0) return <p className="tw-muted">Loading the examples…</p>;
  return (
    <div className="tw-gallery-wrap">
      <p className="tw-gallery__intro">Teaching plans. Each opens as a new plan of your own.</p>
      <ul className="tw-gallery" aria-label="Example plans">
        {examples.map((e) => (
          <li key={e.id} className="tw-gallery__card">
            <div className="tw-gallery__head">
              <h3 className="tw-gallery__name">{e.name}</h3>
              <button
                type="button"
                className="tw-button tw-button--small tw-button--quiet tw-gallery__open"
                onClick={() => void openExample(e)}
                disabled={busy !== null}
                aria-label={`Open example ${e.name}`}
              >
                {busy === e.id ? 'Opening…' : 'Open'}
              </button>
            </div>
            {e.description !== undefined && <ExampleLesson text={e.description} name={e.name} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
