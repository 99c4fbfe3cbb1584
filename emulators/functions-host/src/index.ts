/**
 * Local stand-in for the Azure Functions host + Node worker: runs a `@azure/functions` v4 app
 * (HTTP, timer and storage-queue triggers) exactly as it registers itself.
 */
export { startFunctionsHost, type FunctionsHostOptions, type RunningFunctionsHost } from './host';
export type { FunctionDescriptor, TriggerKind } from './catalog/describe';
export { parseCors, type CorsOptions } from './http/cors';
export { compileRoute, type CompiledRoute } from './http/route-template';
export { parseSchedule, type TimerSchedule } from './timer/schedule';
