/**
 * The Microsoft Graph emulator: the drive-item subset the store-data pipeline uses (children with
 * paging, 302 content downloads, delta), Graph's error bodies, 429s and app-only token checks.
 */
export { startGraphEmulator, graphAudiences, type GraphEmulatorOptions, type RunningGraphEmulator } from './start';
export { sampleDrive, seedSampleDrive, weeklyFileName, isoWeek, lastCompleteWeekMonday } from './seed/sample-drive';
export { salesHeader, dayParts, salesWorkbook, readSalesWorkbook, weekRows, badRows, xlsxMimeType, type SalesRow } from './seed/workbooks';
export { tenantWideRoles } from './http/graph-api';
export type { ThrottleRule } from './control/throttle';
export type { RequestLogEntry } from './control/request-log';
