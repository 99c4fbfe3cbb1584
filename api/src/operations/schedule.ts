import { maxScheduleTimesPremium, maxScheduleTimesShared, type ScheduleUpdate, type ScheduleView } from '@planboard/contracts';
import { ApiError, validationFailed } from '../errors';
import {
  PowerBiError,
  type PowerBiClient,
  type RefreshSchedule,
  applySchedule,
  isKnownTimeZone,
  storedSchedule,
  type CatalogStore,
  type DatasetRecord,
  type ServiceClock,
  type WatchStore,
} from '@planboard/server';
import { powerBiRefusal, serviceReason } from './powerbi-refusal';
import type { WorkspaceStore } from './workspace-store';

export interface ScheduleDeps {
  powerBi: Pick<PowerBiClient, 'refreshes' | 'datasets'>;
  catalog: CatalogStore;
  watch: WatchStore;
  workspaces: WorkspaceStore;
  clock: ServiceClock;
  /** The app id Power BI records as `configuredBy` when Planboard owns a model. */
  servicePrincipalId: string;
}

const ownerOnly = /only supported for the dataset owner/i;
const sameId = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

async function maxTimesFor(deps: ScheduleDeps, dataset: DatasetRecord): Promise<number> {
  const workspace = await deps.workspaces.get(dataset.workspaceId);
  // Unknown workspace (catalog not synced yet): the service checks the real limit anyway.
  return workspace && !workspace.dedicated ? maxScheduleTimesShared : maxScheduleTimesPremium;
}

async function view(deps: ScheduleDeps, dataset: DatasetRecord, tookOver?: boolean): Promise<ScheduleView> {
  const [schedule, details, maxTimesPerDay] = await Promise.all([
    deps.powerBi.refreshes.schedule(dataset.workspaceId, dataset.datasetId),
    deps.powerBi.datasets.get(dataset.workspaceId, dataset.datasetId),
    maxTimesFor(deps, dataset),
  ]);
  const stored = storedSchedule(schedule) ?? { days: [], times: [], enabled: false, localTimeZoneId: 'UTC' };
  return {
    datasetId: dataset.datasetId,
    schedule: { ...stored, ...(schedule.notifyOption ? { notifyOption: schedule.notifyOption } : {}) },
    owner: details.configuredBy ?? null,
    ownedByPlanboard: sameId(details.configuredBy, deps.servicePrincipalId),
    maxTimesPerDay,
    ...(tookOver === undefined ? {} : { tookOver }),
  };
}

/** The model's schedule as Power BI has it now, with its owner. */
export async function readSchedule(deps: ScheduleDeps, dataset: DatasetRecord): Promise<ScheduleView> {
  try {
    return await view(deps, dataset);
  } catch (error) {
    return powerBiRefusal(error, 'reading the schedule');
  }
}

/** Power BI's rules that the contract cannot check alone: the time zone and the capacity's daily maximum. */
async function checkRules(deps: ScheduleDeps, dataset: DatasetRecord, update: ScheduleUpdate): Promise<void> {
  if (!update.enabled) return;
  const problems: { path: string; message: string }[] = [];
  if (!isKnownTimeZone(update.localTimeZoneId))
    problems.push({ path: 'localTimeZoneId', message: `${update.localTimeZoneId} is not a time zone Power BI offers` });
  const max = await maxTimesFor(deps, dataset);
  if (update.times.length > max)
    problems.push({
      path: 'times',
      message: `at most ${max} times a day on ${max === maxScheduleTimesShared ? 'shared' : 'Premium'} capacity (${update.times.length} given)`,
    });
  if (update.notifyOption === 'MailOnFailure')
    problems.push({
      path: 'notifyOption',
      message: 'Planboard changes schedules as a service principal, which Power BI allows NoNotification only',
    });
  if (problems.length > 0) throw validationFailed('Power BI would refuse this schedule.', problems);
}

function takeOverNeeded(dataset: DatasetRecord, owner: string | undefined): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `${dataset.datasetName} belongs to ${owner ?? 'someone else'}. Power BI lets only a model's owner change its schedule, so Planboard must take it over first. Its data source credentials then have to be entered again. Confirm the takeover to go ahead.`,
    [{ path: 'confirmTakeOver', message: 'send true to let Planboard take over this model' }],
  );
}

/**
 * Changes the schedule as the service principal. Power BI lets only the owner do that, so a model
 * owned by someone else is taken over first, and only when the request confirms it (a takeover
 * moves the credentials' ownership). Afterwards the stored schedule and next slot follow at once.
 */
export async function updateSchedule(deps: ScheduleDeps, dataset: DatasetRecord, update: ScheduleUpdate): Promise<ScheduleView> {
  await checkRules(deps, dataset, update);
  const change: RefreshSchedule = update.enabled
    ? {
        enabled: true,
        days: update.days,
        times: [...update.times].sort(),
        localTimeZoneId: update.localTimeZoneId,
        notifyOption: update.notifyOption ?? 'NoNotification',
      }
    : { enabled: false };
  let tookOver = false;
  try {
    const details = await deps.powerBi.datasets.get(dataset.workspaceId, dataset.datasetId);
    if (!sameId(details.configuredBy, deps.servicePrincipalId)) {
      if (update.confirmTakeOver !== true) throw takeOverNeeded(dataset, details.configuredBy);
      await deps.powerBi.datasets.takeOver(dataset.workspaceId, dataset.datasetId);
      tookOver = true;
    }
    try {
      await deps.powerBi.refreshes.updateSchedule(dataset.workspaceId, dataset.datasetId, change);
    } catch (error) {
      // configuredBy can lag behind the owner check: take over once (if confirmed) and retry.
      if (tookOver || !(error instanceof PowerBiError) || !ownerOnly.test(error.message)) throw error;
      if (update.confirmTakeOver !== true) throw takeOverNeeded(dataset, details.configuredBy);
      await deps.powerBi.datasets.takeOver(dataset.workspaceId, dataset.datasetId);
      tookOver = true;
      await deps.powerBi.refreshes.updateSchedule(dataset.workspaceId, dataset.datasetId, change);
    }
    const result = await view(deps, dataset, tookOver);
    await applySchedule(deps, dataset, result.schedule, await deps.clock.now());
    if (result.owner) await deps.catalog.merge({ datasetId: dataset.datasetId, configuredBy: result.owner });
    return result;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof PowerBiError && error.kind === 'user' && error.status === 400)
      throw validationFailed('Power BI refused this schedule.', [{ path: '(body)', message: serviceReason(error) }]);
    return powerBiRefusal(error, 'the schedule change');
  }
}
