import type { Access } from '../access/guard';
import { config } from '../config';
import { notFound } from '../errors';
import { type DatasetRecord, refreshSettings, serviceClock, type ServiceClock } from '@planboard/server';
import { getServices } from '../services';
import { operationsStores, type OperationsStores } from './stores';

/** What the Operations routes call a model in their 404s (the same text whether or not it exists). */
export const thisModel = 'This semantic model';
export const thisWorkspace = 'This workspace';

let stores: OperationsStores | undefined;

/** Storage clients, built once per process like the other services (they hold no state). */
export function opsStores(): OperationsStores {
  stores ??= operationsStores(config().AzureWebJobsStorage);
  return stores;
}

/** Power BI's clock (the emulator's locally, so schedule slots and refresh times agree). */
export function opsClock(): ServiceClock {
  return serviceClock(refreshSettings());
}

export function opsServicePrincipalId(): string {
  return config().POWERBI_CLIENT_ID;
}

/** The catalog row of a model, or 404. */
export async function requireModel(datasetId: string): Promise<DatasetRecord> {
  const record = await opsStores().catalog.get(datasetId);
  if (!record || !record.workspaceId) throw notFound(`${thisModel} was not found. If it is new, refresh the catalog.`);
  return record;
}

/**
 * Who may start a refresh: admins, and callers with edit rights on a scope the model serves (BU
 * leaders refreshing their own budget model). Others get the same 404 as for a missing model.
 */
export async function requireRefreshRight(access: Access, datasetId: string): Promise<DatasetRecord> {
  if (access.caller.isAdmin) return requireModel(datasetId);
  const record = await opsStores().catalog.get(datasetId);
  const serves = record?.scopeIds?.some((scopeId) => access.can(scopeId, 'edit')) === true;
  if (!record || !serves) throw notFound(`${thisModel} was not found.`);
  return record;
}

export { getServices };
