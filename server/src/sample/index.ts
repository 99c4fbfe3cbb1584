export * from './budget';
export * from './directory';
export * from './entities';
export * from './kpis';
export * from './seed';
export * from './stores';
export * from './store-data';
