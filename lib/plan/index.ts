// The plan model's public surface.
export * from './schema';
export * from './parse';
export * from './graph';
export * from './scenario';
export * from './inject';
export * from './injected';
