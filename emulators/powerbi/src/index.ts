/**
 * The Power BI REST emulator: the subset of contract/swagger-subset.json with the service's
 * status codes, headers, refresh state machine, schedules, throttling, RLS and embed tokens.
 */
export { startPowerBiEmulator, type EmulatorPlugin, type PowerBiEmulatorOptions, type RunningPowerBiEmulator } from './start';
export { reportEmbedPlugin, type ReportEmbedOptions } from './embed/plugin';
export { verifyEmbedToken, EmbedTokenError, embedTokenIssuer, type EmbedTokenClaims, type EmbedIdentity } from './auth/embed-token';
export { powerBiAudience, type AuthOptions } from './auth/bearer';
export { ContractValidator } from './contract/validator';
export { operationIds, type OperationId } from './contract/operations';
export { sampleIds, rlsRoles, datasetIdOf, reportIdOf, workspaceIdOf, environments, modules } from './seed/sample-ids';
/** Control-API fixture and request-log types (for benchmarks and other packages' tests). */
export type { Fixture, SeedResult } from './seed/fixtures';
export type { RequestLogEntry } from './log/request-log';
