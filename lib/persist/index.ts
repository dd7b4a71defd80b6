// Keeping work in the browser: the plan library, autosave and cross-tab awareness. Nothing here touches window at import.
export * from './storage';
export * from './library';
export * from './autosave';
export * from './tabs';
export * from './usage';
