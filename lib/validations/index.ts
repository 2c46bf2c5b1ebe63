export * from './account';
export * from './case';
export * from './issue';
export * from './review';
export * from './revision';
