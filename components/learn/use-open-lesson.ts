'use client';
// Opening a lesson never overwrites the plan on view: it opens the lesson's plan already in the library, or else
// the lesson's starting plan as a new plan (one undoable step, as opening an example is).
import type { Lesson } from '@/lib/learn';
import { useAppStoreApi } from '@/lib/store/provider';
import { useLibraryController, useLibraryView } from '../library/use-persistence';

/** Opens a lesson: its plan already in the library if there is one, else its starting plan as a new plan. */
export function useOpenLesson(): (lesson: Lesson) => void {
  const app = useAppStoreApi();
  const controller = useLibraryController();
  const { items } = useLibraryView();
  return (lesson) => {
    const s = app.getState();
    const stored = items.find((i) => i.name === lesson.plan.name);
    if (stored !== undefined) {
      controller.openEntry(stored.id);
      return;
    }
    const previous = s.plan.name;
    s.open(lesson.plan, null);
    s.notify({
      tone: 'success',
      text: `Opened the lesson “${lesson.title}” as a new plan. “${previous}” is unchanged (undo returns to it).`,
    });
  };
}
