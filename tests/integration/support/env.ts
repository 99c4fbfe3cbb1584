import type { EmulatorConfig } from '@planboard/identity';
import { identityFromEnv, type UserTokenOptions } from '@planboard/identity/testing';
import { apiAuthSettings } from '../../../emulators/stack/src/identity';
import { apiPowerBiSettings } from '../../../emulators/stack/src/powerbi';

/** The Azurite of this jest run (tests/support/global-setup.js). */
export function storageConnection(): string {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run the tests through the root jest config');
  return value;
}

/** The identity provider of this jest run. */
export function identityConfig(): EmulatorConfig {
  const value = process.env.PLANBOARD_IDENTITY_CONFIG;
  if (!value) throw new Error('PLANBOARD_IDENTITY_CONFIG is not set: run the tests through the root jest config');
  return JSON.parse(value) as EmulatorConfig;
}

/** App settings for an API host wired to this run's Azurite and identity provider. */
export function apiSettings(extra: Record<string, string> = {}): Record<string, string> {
  const identity = identityConfig();
  return {
    AzureWebJobsStorage: storageConnection(),
    ...apiAuthSettings(identity, 'localhost:53000'),
    ...apiPowerBiSettings(powerBiPort(), identity),
    // Refresh detection's timers stay off in test hosts: they would poll and write in the background
    // (storage snapshots, shared emulators). Suites that test them run them via /admin/functions.
    AzureWebJobs__refreshDetect__Disabled: 'true',
    AzureWebJobs__refreshCatalog__Disabled: 'true',
    AzureWebJobs__importPreviewsExpiry__Disabled: 'true',
    AzureWebJobs__storesRunTimer__Disabled: 'true',
    AzureWebJobs__operationsCapacityTimer__Disabled: 'true',
    ...extra,
  };
}

/** A token for a sample user from the real provider (v2 by default, as the API app accepts). */
export function tokenFor(upn: string, options: UserTokenOptions = {}): Promise<string> {
  return identityFromEnv().userToken(upn, options);
}

/** The Power BI emulator of this jest run. */
export function powerBiPort(): number {
  const value = Number(process.env.PLANBOARD_POWERBI_PORT);
  if (!value) throw new Error('PLANBOARD_POWERBI_PORT is not set: run the tests through the root jest config');
  return value;
}
