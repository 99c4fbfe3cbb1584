import type { FunctionDescriptor } from '../catalog/describe';
import type { InvocationInput } from '../core/invoke';
import type { ScheduleStatus } from './schedule-status';

/**
 * The TimerInfo the host sends for a timer trigger (PascalCase JSON; `@azure/functions` camelCases
 * it into `{ schedule: { adjustForDST }, scheduleStatus, isPastDue }`). ScheduleStatus is null when
 * the schedule is not monitored, as on Azure.
 */
export function timerInput(
  fn: FunctionDescriptor,
  isPastDue: boolean,
  status: ScheduleStatus | undefined,
  adjustForDst = true,
): InvocationInput {
  const info = {
    Schedule: { AdjustForDST: adjustForDst },
    ScheduleStatus: status ? { Last: status.last, Next: status.next, LastUpdated: status.lastUpdated } : null,
    IsPastDue: isPastDue,
  };
  return { inputData: [{ name: fn.triggerName, data: { json: JSON.stringify(info) } }], triggerMetadata: {} };
}
