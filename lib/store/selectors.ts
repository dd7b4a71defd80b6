// Module-level selectors, one per field: a selector that builds a new object would re-render forever (zustand 5).
import type { AppState } from './app-store';
import { playbackEnd } from './playback';
import { planAtPath } from './view';

export const selectExamples = (s: AppState) => s.examples;
export const selectExamplesError = (s: AppState) => s.examplesError;
export const selectSetExamples = (s: AppState) => s.setExamples;
export const selectSetExamplesError = (s: AppState) => s.setExamplesError;

export const selectPlan = (s: AppState) => s.plan;
export const selectDocId = (s: AppState) => s.docId;
export const selectPlanVersion = (s: AppState) => s.planVersion;
export const selectRevision = (s: AppState) => s.revision;
export const selectCanUndo = (s: AppState) => s.past.length > 0;
export const selectCanRedo = (s: AppState) => s.future.length > 0;
export const selectCommit = (s: AppState) => s.commit;
export const selectOpen = (s: AppState) => s.open;
export const selectLoad = (s: AppState) => s.load;
export const selectUndo = (s: AppState) => s.undo;
export const selectRedo = (s: AppState) => s.redo;

export const selectSelected = (s: AppState) => s.selected;
export const selectSelect = (s: AppState) => s.select;
export const selectNotices = (s: AppState) => s.notices;
export const selectNotify = (s: AppState) => s.notify;
export const selectDismiss = (s: AppState) => s.dismiss;
export const selectPendingOpen = (s: AppState) => s.pendingOpen;
export const selectAskToOpen = (s: AppState) => s.askToOpen;
/** The last import's report while the plan it made is still the one open, else null. */
export const selectImportReportOnView = (s: AppState) =>
  s.importReport !== null && s.importReport.planVersion === s.planVersion ? s.importReport : null;
export const selectShowImportReport = (s: AppState) => s.showImportReport;
export const selectLeftOpen = (s: AppState) => s.leftOpen;
export const selectRightOpen = (s: AppState) => s.rightOpen;
export const selectHelpOpen = (s: AppState) => s.helpOpen;
export const selectSetLeftOpen = (s: AppState) => s.setLeftOpen;
export const selectSetRightOpen = (s: AppState) => s.setRightOpen;
export const selectSetHelpOpen = (s: AppState) => s.setHelpOpen;
export const selectPresenting = (s: AppState) => s.presenting;
export const selectSetPresenting = (s: AppState) => s.setPresenting;

export const selectTrace = (s: AppState) => s.trace;
export const selectTracePlan = (s: AppState) => s.tracePlan;
export const selectStrategies = (s: AppState) => s.strategies;
export const selectTraceIsCurrent = (s: AppState) => s.trace !== null && s.traceRevision === s.revision;
export const selectContextText = (s: AppState) => s.contextText;
export const selectRunError = (s: AppState) => s.runError;
export const selectContextError = (s: AppState) => s.contextError;
export const selectCallRunById = (s: AppState) => s.callRunById;
export const selectRun = (s: AppState) => s.run;
export const selectRunLoading = (s: AppState) => s.runLoading;

export const selectSaveStatus = (s: AppState) => s.saveStatus;
export const selectSaveMessage = (s: AppState) => s.saveMessage;
export const selectSetSaveStatus = (s: AppState) => s.setSaveStatus;

// Playback and drill-down.
export const selectCursorMs = (s: AppState) => s.cursorMs;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectPlaybackEnd = (s: AppState) => playbackEnd(s);
export const selectViewPath = (s: AppState) => s.viewPath;
/** The plan the canvas and inspector show: the top plan or a sub-agent's nested plan (a stable reference). */
export const selectViewPlan = (s: AppState) => planAtPath(s.plan, s.viewPath);
/** The run on view: { trace, plan, offsetMs } of the top run or of a sub-agent's nested run; null if none. */
export const selectViewRun = (s: AppState) => s.runOnView;
/** The cursor on the clock of the run on view. */
export const selectViewCursorMs = (s: AppState) => {
  const v = s.runOnView;
  return v === null ? s.cursorMs : s.cursorMs - v.offsetMs;
};
export const selectReroll = (s: AppState) => s.reroll;

// Many runs of the plan: the statistics tab.
export const selectStatsRuns = (s: AppState) => s.statsRuns;
export const selectStatsPhase = (s: AppState) => s.statsPhase;
export const selectStatsProgress = (s: AppState) => s.statsProgress;
export const selectStatsBatch = (s: AppState) => s.statsBatch;
export const selectStatsMessage = (s: AppState) => s.statsMessage;
export const selectStatsResult = (s: AppState) => s.statsResult;
export const selectVariantB = (s: AppState) => s.variantB;
export const selectHeatOn = (s: AppState) => s.heatOn;
export const selectStatsHurts = (s: AppState) => s.statsHurts;
export const selectStatsDone = (s: AppState) => s.statsProgress.done;
export const selectStatsTotal = (s: AppState) => s.statsProgress.total;
