import { scheduleUpdateSchema, weekdaySchema, type ScheduleUpdate, type ScheduleView } from '@planboard/contracts';

export const allWeekdays = weekdaySchema.options;
/** Every time Power BI accepts: on the hour and the half hour. */
export const halfHours = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

export interface ScheduleForm {
  enabled: boolean;
  days: string[];
  times: string[];
  localTimeZoneId: string;
  confirmTakeOver: boolean;
}

export function formOf(view: ScheduleView): ScheduleForm {
  return {
    enabled: view.schedule.enabled,
    days: [...view.schedule.days],
    times: [...view.schedule.times].sort(),
    localTimeZoneId: view.schedule.localTimeZoneId || 'UTC',
    confirmTakeOver: false,
  };
}

/** What is wrong with the form, field by field, in Power BI's terms (the server checks again). */
export function formProblems(form: ScheduleForm, maxTimesPerDay: number): Partial<Record<'days' | 'times', string>> {
  if (!form.enabled) return {};
  const problems: Partial<Record<'days' | 'times', string>> = {};
  if (form.days.length === 0) problems.days = 'Choose at least one day.';
  if (form.times.length === 0) problems.times = 'Choose at least one time.';
  else if (form.times.length > maxTimesPerDay)
    problems.times = `At most ${maxTimesPerDay} times a day on this capacity (${form.times.length} chosen).`;
  return problems;
}

/** The request body: a whole enabled schedule, or `{enabled:false}` alone (Power BI's rule). */
export function updateOf(form: ScheduleForm, needsTakeOver: boolean): ScheduleUpdate {
  const confirm = needsTakeOver && form.confirmTakeOver ? { confirmTakeOver: true } : {};
  const order = (day: string) => allWeekdays.indexOf(day as (typeof allWeekdays)[number]);
  const body = form.enabled
    ? {
        enabled: true as const,
        days: [...form.days].sort((a, b) => order(a) - order(b)),
        times: [...form.times].sort(),
        localTimeZoneId: form.localTimeZoneId,
        ...confirm,
      }
    : { enabled: false as const, ...confirm };
  return scheduleUpdateSchema.parse(body);
}
