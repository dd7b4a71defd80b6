// The store's public surface (the provider is imported from ./provider, a client module).
export * from './app-store';
export * from './document';
export * from './display-positions';
export * from './ui';
export * from './selectors';
export * from './examples';
export * from './persistence';
export * from './playback';
export * from './run';
export * from './view';
export * from './stats';
