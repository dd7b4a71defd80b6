// The engine's public surface: simulate one run, run many, build the context.
export * from './types';
export { simulate } from './simulate';
export { runMonteCarlo, type MonteCarloOptions, type MonteCarloStats } from './montecarlo';
export * from './context';
export * from './playback';
export * from './narrate';
export * from './compare';
export * from './compare-policies';
