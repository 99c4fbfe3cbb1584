export * from './budget';
export * from './directory';
export * from './entities';
export * from './seed';
