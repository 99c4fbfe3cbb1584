import type { EmulatorConfig } from '@planboard/identity';
import { identityFromEnv } from '@planboard/identity/dist/testing';
import { apiAuthSettings } from '../../../emulators/stack/src/identity';

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
  return { AzureWebJobsStorage: storageConnection(), ...apiAuthSettings(identityConfig(), 'localhost:53000'), ...extra };
}

/** A token for a sample user from the real provider (v2 by default, as the API app accepts). */
export function tokenFor(upn: string, options: { version?: 'v1' | 'v2'; expiresIn?: number; audience?: string } = {}): Promise<string> {
  return identityFromEnv().userToken(upn, options);
}
