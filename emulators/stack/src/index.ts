export * from './azurite';
export * from './ports';
export * from './processes';
