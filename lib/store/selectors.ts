// Module-level selectors, one per field: a selector that builds a new object would re-render forever (zustand 5).
import type { AppState } from './app-store';

export const selectExamples = (s: AppState) => s.examples;
export const selectExamplesError = (s: AppState) => s.examplesError;
export const selectExampleId = (s: AppState) => s.exampleId;
export const selectLoadState = (s: AppState) => s.loadState;
export const selectPlan = (s: AppState) => s.plan;
export const selectPlanVersion = (s: AppState) => s.planVersion;
export const selectProblems = (s: AppState) => s.problems;
export const selectTrace = (s: AppState) => s.trace;
export const selectContextText = (s: AppState) => s.contextText;
export const selectRunError = (s: AppState) => s.runError;
export const selectContextError = (s: AppState) => s.contextError;
export const selectCallRunById = (s: AppState) => s.callRunById;

export const selectSetExamples = (s: AppState) => s.setExamples;
export const selectSetExamplesError = (s: AppState) => s.setExamplesError;
export const selectSelectExample = (s: AppState) => s.selectExample;
export const selectPlanLoaded = (s: AppState) => s.planLoaded;
export const selectRun = (s: AppState) => s.run;
