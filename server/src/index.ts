/**
 * @planboard/server: the server code that the api and bot Function Apps (and the local emulators)
 * share. This is the package's only entry point; nothing imports its files by path.
 */
export * from './powerbi';
export * from './refresh';
export * from './sample';
export * from './access/directory-store';
export * from './access/levels';
export * from './auth/caller';
export * from './budget/blocks';
export * from './budget/line-entity';
export * from './kpi/entities';
export * from './kpi/model';
export * from './kpi/push-rows';
export * from './kpi/status';
export * from './local-defaults';
export * from './notify/enqueue';
export * from './notify/poison';
export * from './notify/queue';
export * from './storage/bulk';
export * from './storage/connection';
export * from './storage/tables';
export * from './stores/tables';
export * from './training/entities';
export * from './training/progress';
export * from './training/store';
export * from './util/assert-never';
