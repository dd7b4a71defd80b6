// The course of lessons (docs/learn.md): definitions, checks and progress. Pure: no React, no DOM, no storage.
export * from './types';
export * from './lessons';
export * from './progress';
export { resultLine, resultLines } from './facts';
