export * from './errors';
export * from './health';
export * from './directory';
export * from './access';
export * from './auth';
export * from './budget';
export * from './notifications';
export * from './reports';
