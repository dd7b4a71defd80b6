// Lessons on the shape of the graph: independent calls share a wave; a true dependency is worth its model turn and a
// false edge wastes one. Each check reads the plan on view or the last run.
import { currentRun, edgeOf, hasCalls, defineLesson, fixedCall, tracedCall } from './facts';
import { edge, editStep, runStep } from './steps';
import type { Lesson, LearnState } from './types';

const fetch = (id: string, url: string, ms: number) =>
  fixedCall(id, 'fetch_url', { url }, { status: 200, text: `The page at ${url}` }, ms, 3000);

const FETCHES = ['fetch_1', 'fetch_2', 'fetch_3'] as const;

const unchained = (s: LearnState) =>
  hasCalls(s.plan, FETCHES) &&
  s.plan.dependencies.every((d) => !(FETCHES as readonly string[]).includes(d.from) || !(FETCHES as readonly string[]).includes(d.to));

const ranInOneTurn = (s: LearnState) => {
  const run = currentRun(s);
  return run !== null && run.turns.length === 1 && FETCHES.every((id) => tracedCall(s, id)?.status === 'succeeded');
};

export const ONE_WAVE: Lesson = defineLesson({
  id: 'one-wave',
  title: 'Independent calls: one wave',
  summary: 'Calls that do not need each other’s output go out together, in one model turn.',
  description: 'Three pages to read, chained one after another although none reads another’s output.',
  calls: [
    fetch('fetch_1', 'https://example.com/pricing', 800),
    fetch('fetch_2', 'https://example.com/changelog', 600),
    fetch('fetch_3', 'https://example.com/status', 400),
  ],
  dependencies: [edge('fetch_1', 'fetch_2'), edge('fetch_2', 'fetch_3')],
  steps: [
    editStep('unchain', unchained, {
      instruction: 'None of the three fetches reads another’s output. Delete both edges so nothing waits for nothing.',
      how: 'Click an edge (or Tab to it and press Enter), then press Delete.',
      why: 'An edge means “wait for my output”. Where no output is read, it only makes the model wait.',
    }),
    runStep('run', ranInOneTurn, {
      instruction: 'Run the plan and look at the timeline: how many model turns did it take?',
      how: 'Press R, or the Run button in the header.',
      why: 'Independent calls go out in one batch: one model turn instead of three, and the slowest call sets the pace.',
    }),
  ],
});

const fetchTopWaitedForSearch = (s: LearnState) => {
  const run = currentRun(s);
  return (
    run !== null &&
    run.turns.length === 2 &&
    edgeOf(s.tracePlan, 'search', 'fetch_top') !== undefined &&
    tracedCall(s, 'fetch_top')?.wave === 1 &&
    tracedCall(s, 'weather')?.wave === 0 &&
    tracedCall(s, 'search')?.wave === 0
  );
};

export const TRUE_DEPENDENCY: Lesson = defineLesson({
  id: 'true-dependency',
  title: 'A true dependency, and a false one',
  summary: 'A call that reads another’s output needs a second model turn; an edge without a reference wastes one.',
  description: 'fetch_top reads the URL search finds, but nothing makes it wait; search waits for the weather, which it never reads.',
  calls: [
    fixedCall('weather', 'get_weather', { city: 'Lisbon' }, { celsius: 19 }, 300, 2000),
    fixedCall('search', 'web_search', { query: 'Lisbon tram timetable' }, { urls: ['https://example.com/trams'] }, 700, 3000),
    fetch('fetch_top', '{{search.urls.0}}', 900),
  ],
  dependencies: [edge('weather', 'search')],
  steps: [
    editStep('connect', (s) => edgeOf(s.plan, 'search', 'fetch_top') !== undefined, {
      instruction: 'fetch_top reads {{search.urls.0}}, yet nothing makes it wait for search. Connect search → fetch_top.',
      how: 'Drag from search’s right handle to fetch_top.',
      why: 'Without the edge, fetch_top would go out in the same batch as search, with the URL still missing: a call made with missing information.',
    }),
    editStep('false-edge', (s) => hasCalls(s.plan, ['weather', 'search']) && edgeOf(s.plan, 'weather', 'search') === undefined, {
      instruction: 'search reads nothing from weather: weather → search is a false edge. Delete it.',
      how: 'Click the edge (or Tab to it and press Enter), then press Delete.',
      why: 'An edge without a reference costs a whole model turn of waiting for an output nobody reads.',
    }),
    runStep('run', fetchTopWaitedForSearch, {
      instruction: 'Run it: two model turns, and the second one holds only fetch_top.',
      why: 'A true dependency is worth its turn: the model needs search’s result before it knows what to fetch.',
    }),
  ],
});
