import type { DayName, ScheduleState, SemanticModel } from '../model/types';
import type { Environment, Module } from './sample-ids';
import { budgetModel, kpiModel, simpleModel, storeModel } from './models';

const weekdays: DayName[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const everyDay: DayName[] = [...weekdays, 'Saturday', 'Sunday'];
const everyTwoHours = Array.from({ length: 12 }, (_, hour) => `${String(hour * 2).padStart(2, '0')}:00`);

function schedule(days: DayName[], times: string[], options: Partial<ScheduleState> = {}): Partial<ScheduleState> {
  return { days, times, enabled: true, localTimeZoneId: 'UTC', notifyOption: 'MailOnFailure', ...options };
}

/** One dataset (and its report) that every environment's workspace of a module holds. */
export interface CatalogEntry {
  key: string;
  module: Module;
  name: string;
  reportName: string;
  /** The key the report's id derives from, when it is not the dataset's (a report rebound to another dataset keeps its id). */
  reportKey?: string;
  /** Undefined for the push dataset. */
  model?: () => SemanticModel;
  durationMs: number;
  schedule: (environment: Environment) => Partial<ScheduleState> | undefined;
  autoDisabledIn?: Environment;
}

const col = (name: string, dataType = 'String') => ({ name, dataType });

/**
 * The sample tenant's datasets: two per module (three for KPI), RLS on budget, KPI monitoring and
 * store sales, one push dataset. The KPI Dashboard was first built on the push dataset, which
 * cannot filter rows: it is now bound to the KPI Monitoring model (dynamic RLS on departments)
 * and keeps its report id; the push dataset's own report is a live feed for admins.
 */
export const catalog: CatalogEntry[] = [
  {
    key: 'budget',
    module: 'Budget',
    name: 'Budget Planning',
    reportName: 'Budget Overview',
    model: budgetModel,
    durationMs: 20_000,
    schedule: (env) =>
      env === 'Prod'
        ? schedule(everyDay, ['06:00', '10:00', '14:00', '18:00'], { localTimeZoneId: 'W. Europe Standard Time' })
        : schedule(weekdays, env === 'Dev' ? ['06:00'] : ['06:00', '18:00']),
  },
  {
    key: 'budget-archive',
    module: 'Budget',
    name: 'Budget Archive FY2026',
    reportName: 'Budget Archive',
    model: () =>
      simpleModel('Archive', [col('BusinessUnit'), col('Category'), col('Quarter'), col('BudgetAmount', 'Double')], 120, 'archive'),
    durationMs: 90_000,
    schedule: (env) => schedule(['Sunday'], ['02:00'], { enabled: env === 'Prod' }),
  },
  {
    key: 'kpi-push',
    module: 'KPI',
    name: 'KPI Monitoring (Push)',
    reportName: 'KPI Live Feed',
    reportKey: 'kpi-live-feed',
    durationMs: 0,
    schedule: () => undefined,
  },
  {
    key: 'kpi-monitoring',
    module: 'KPI',
    name: 'KPI Monitoring',
    reportName: 'KPI Dashboard',
    reportKey: 'kpi-push',
    model: kpiModel,
    durationMs: 5_000,
    schedule: (env) => (env === 'Dev' ? schedule(weekdays, ['07:30']) : schedule(everyDay, ['06:30', '12:30', '18:30'])),
  },
  {
    key: 'kpi-trends',
    module: 'KPI',
    name: 'KPI Trends',
    reportName: 'KPI Trends',
    model: () => simpleModel('KpiTrend', [col('Department'), col('Week'), col('Score', 'Double')], 60, 'kpi-trends'),
    durationMs: 60_000,
    schedule: () => schedule(everyDay, ['07:00', '19:00']),
  },
  {
    key: 'refresh-telemetry',
    module: 'Operations',
    name: 'Refresh Telemetry',
    reportName: 'Refresh Monitor',
    model: () => simpleModel('Refreshes', [col('Dataset'), col('Status'), col('DurationSeconds', 'Double')], 200, 'telemetry'),
    durationMs: 180_000,
    schedule: (env) => (env === 'Dev' ? schedule(everyDay, ['08:00', '20:00']) : schedule(everyDay, everyTwoHours)),
  },
  {
    key: 'capacity-metrics',
    module: 'Operations',
    name: 'Capacity Metrics',
    reportName: 'Capacity Usage',
    model: () => simpleModel('CapacityUsage', [col('Capacity'), col('Hour'), col('CpuPercent', 'Double')], 168, 'capacity'),
    durationMs: 300_000,
    schedule: (env) => (env === 'Dev' ? schedule(weekdays, ['05:00']) : schedule(everyDay, ['00:30', '06:30', '12:30', '18:30'])),
    autoDisabledIn: 'Dev',
  },
  {
    key: 'store-sales',
    module: 'Stores',
    name: 'Store Sales',
    reportName: 'Store Performance',
    model: storeModel,
    durationMs: 45_000,
    schedule: () => schedule(everyDay, ['05:30', '12:30']),
  },
  {
    key: 'store-inventory',
    module: 'Stores',
    name: 'Store Inventory',
    reportName: 'Inventory Overview',
    model: () => simpleModel('Inventory', [col('StoreId'), col('Category'), col('OnHand', 'Double')], 48, 'inventory'),
    durationMs: 120_000,
    schedule: (env) => schedule([...weekdays, 'Saturday'], ['04:00'], { enabled: env !== 'Test' }),
  },
];
