import { invalidRequest } from '../http/errors';
import { odataContext } from '../model/views';
import { scheduleView } from '../refresh/views';
import { applySchedulePatch, type SchedulePatch } from '../schedule/validate';
import { datasetOf, ok, principal, type Handler } from './context';

/** Owner-only text as observed (NOTES §2); status and code unverified — 400 InvalidRequest like the service's other refusals. */
const ownerOnlyMessage = 'This operation is only supported for the dataset owner';

/** GET refreshSchedule (a refreshable dataset without a schedule returns the disabled default). */
export const getSchedule: Handler = (context) => {
  const { dataset } = datasetOf(context, 'read');
  if (dataset.kind !== 'import') throw invalidRequest('The dataset is not refreshable');
  return ok({ '@odata.context': odataContext(context.links, 'refreshSchedule'), ...scheduleView(dataset.schedule) });
};

/** PATCH refreshSchedule `{value:{…}}` → 200, empty body. Only the owner (`configuredBy`) may change it. */
export const patchSchedule: Handler = (context) => {
  const { dataset } = datasetOf(context, 'write');
  const caller = principal(context);
  if (dataset.kind !== 'import') throw invalidRequest('The dataset is not refreshable');
  if (dataset.configuredBy.toLowerCase() !== caller.id) throw invalidRequest(ownerOnlyMessage);
  const { value } = context.body as { value: SchedulePatch };
  dataset.schedule = applySchedulePatch(dataset.schedule, value, context.services.state.isShared(dataset), caller);
  return ok();
};
