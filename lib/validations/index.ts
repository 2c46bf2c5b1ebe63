export * from './account';
export * from './case';
export * from './common';
export * from './import';
export * from './issue';
export * from './review';
export * from './revision';
