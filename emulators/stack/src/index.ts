export * from './azurite';
export * from './ports';
export * from './processes';
export * from './settings';
export * from './stack';
