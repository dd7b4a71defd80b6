// Share links: a plan carried compressed in the URL hash. Nothing here touches window at import.
export * from './codec';
