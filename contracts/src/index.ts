export * from './errors';
export * from './health';
export * from './directory';
export * from './access';
