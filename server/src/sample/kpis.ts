import type { KpiStatus, KpiTargetType } from '@planboard/contracts';
import { definitionEntity, pointEntity } from '../kpi/entities';
import type { KpiDefinition, StoredPoint } from '../kpi/model';
import { departments, sampleUsers } from './directory';

/** Weekly points per sample KPI (the dashboard's trend length). */
export const sampleKpiWeeks = 12;

type Target = number | [min: number, max: number];
type Latest = Exclude<KpiStatus, 'noData'>;
/**
 * department, id, name, unit, target type, weekly target (or the range [min, max]), thresholds
 * [at risk %, off track %], where the latest week lands (so the dashboard shows every status), and
 * the decimals values are rounded to.
 */
type SampleKpiRow = [string, string, string, string, KpiTargetType, Target, [number, number], Latest, number];

/** 2–4 KPIs per sample department, mixing target types and units; sales has one at risk and one off track. */
const rows: SampleKpiRow[] = [
  ['dept-sales', 'weekly-revenue', 'Weekly revenue', 'EUR', 'higherIsBetter', 250_000, [5, 10], 'offTrack', -2],
  ['dept-sales', 'quote-turnaround', 'Quote turnaround', 'days', 'lowerIsBetter', 2, [10, 25], 'atRisk', 1],
  ['dept-sales', 'win-rate', 'Win rate', '%', 'higherIsBetter', 30, [5, 15], 'onTrack', 1],
  ['dept-sales', 'average-discount', 'Average discount', '%', 'withinRange', [5, 12], [10, 30], 'onTrack', 1],
  ['dept-marketing', 'lead-conversion', 'Lead conversion', '%', 'higherIsBetter', 4.5, [5, 15], 'onTrack', 2],
  ['dept-marketing', 'cost-per-lead', 'Cost per lead', 'EUR', 'lowerIsBetter', 45, [10, 20], 'atRisk', 0],
  ['dept-marketing', 'campaign-roi', 'Campaign ROI', '%', 'higherIsBetter', 150, [10, 25], 'onTrack', 0],
  ['dept-operations', 'on-time-delivery', 'On-time delivery', '%', 'higherIsBetter', 95, [2, 5], 'onTrack', 1],
  ['dept-operations', 'order-cycle-time', 'Order cycle time', 'days', 'lowerIsBetter', 3, [10, 25], 'onTrack', 1],
  ['dept-operations', 'cold-storage-temperature', 'Cold storage temperature', '°C', 'withinRange', [2, 4], [10, 50], 'atRisk', 1],
  ['dept-finance', 'days-sales-outstanding', 'Days sales outstanding', 'days', 'lowerIsBetter', 45, [5, 15], 'onTrack', 0],
  ['dept-finance', 'budget-variance', 'Budget variance', '%', 'withinRange', [-2, 2], [10, 25], 'onTrack', 1],
  ['dept-finance', 'invoice-processing-cost', 'Invoice processing cost', 'EUR', 'lowerIsBetter', 6.5, [10, 20], 'offTrack', 2],
  ['dept-human-resources', 'time-to-hire', 'Time to hire', 'days', 'lowerIsBetter', 30, [10, 20], 'onTrack', 0],
  ['dept-human-resources', 'training-hours', 'Training hours per employee', 'hours', 'higherIsBetter', 4, [10, 25], 'atRisk', 1],
  ['dept-it', 'system-uptime', 'System uptime', '%', 'higherIsBetter', 99.9, [0.05, 0.2], 'onTrack', 2],
  ['dept-it', 'ticket-resolution-time', 'Ticket resolution time', 'hours', 'lowerIsBetter', 8, [10, 25], 'onTrack', 1],
  ['dept-it', 'patch-compliance', 'Patch compliance', '%', 'higherIsBetter', 98, [1, 3], 'onTrack', 1],
];

const descriptions: Record<string, string> = {
  'weekly-revenue': 'Invoiced revenue of the week, all regions.',
  'quote-turnaround': 'Days from request to sent quote (median).',
  'win-rate': 'Won opportunities in % of closed ones.',
  'average-discount': 'Average discount on list price; too low loses deals, too high loses margin.',
  'lead-conversion': 'Marketing-qualified leads that become opportunities.',
  'cost-per-lead': 'Campaign spend per new lead.',
  'campaign-roi': 'Attributed margin per campaign euro.',
  'on-time-delivery': 'Orders delivered on the promised day.',
  'order-cycle-time': 'Days from order to dispatch.',
  'cold-storage-temperature': 'Weekly mean of the cold store sensors.',
  'days-sales-outstanding': 'Average days until invoices are paid.',
  'budget-variance': 'Actual spend against budget, year to date.',
  'invoice-processing-cost': 'Cost to process one supplier invoice.',
  'time-to-hire': 'Days from job posting to signed offer.',
  'training-hours': 'Hours of training per employee and month, measured weekly.',
  'system-uptime': 'Availability of customer-facing systems.',
  'ticket-resolution-time': 'Median hours to resolve a service desk ticket.',
  'patch-compliance': 'Devices with all critical patches installed.',
};

/** Notes on the latest week of KPIs that are not on track. */
const latestNotes: Record<string, string> = {
  'weekly-revenue': 'Two large deals slipped into next month.',
  'quote-turnaround': 'Pricing desk short-staffed this week.',
  'cold-storage-temperature': 'Door seal on bay 3 replaced on Friday.',
  'invoice-processing-cost': 'Manual processing while the OCR service was down.',
};

interface SampleKpiSpec {
  departmentId: string;
  kpiId: string;
  name: string;
  unit: string;
  targetType: KpiTargetType;
  target: Target;
  thresholds: [atRiskPct: number, offTrackPct: number];
  latest: Latest;
  decimals: number;
}

const specs: SampleKpiSpec[] = rows.map(([departmentId, kpiId, name, unit, targetType, target, thresholds, latest, decimals]) => ({
  departmentId,
  kpiId,
  name,
  unit,
  targetType,
  target,
  thresholds,
  latest,
  decimals,
}));

/** Deterministic pseudo-random numbers (mulberry32) seeded per KPI, so every machine seeds the same series. */
function prng(seedText: string): () => number {
  let state = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function definitionOf(item: SampleKpiSpec): KpiDefinition {
  const [atRiskPct, offTrackPct] = item.thresholds;
  return {
    departmentId: item.departmentId,
    kpiId: item.kpiId,
    name: item.name,
    unit: item.unit,
    description: descriptions[item.kpiId] ?? '',
    targetType: item.targetType,
    thresholds: { atRiskPct, offTrackPct },
    ...(Array.isArray(item.target) ? { rangeMin: item.target[0], rangeMax: item.target[1] } : {}),
  };
}

/** A value whose shortfall is `shortfall` % (negative: better than the target by that much). */
function valueFor(item: SampleKpiSpec, shortfall: number, random: () => number): number {
  if (Array.isArray(item.target)) {
    const [min, max] = item.target;
    const width = max - min;
    if (shortfall <= 0) return min + width * (0.2 + 0.6 * random());
    return random() < 0.5 ? max + (width * shortfall) / 100 : min - (width * shortfall) / 100;
  }
  const direction = item.targetType === 'lowerIsBetter' ? 1 : -1;
  return item.target * (1 + (direction * shortfall) / 100);
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The shortfall of a week: mostly on track (or better), sometimes at risk, the last one as specified. */
function shortfallFor(item: SampleKpiSpec, week: number, random: () => number): number {
  const [atRisk, offTrack] = item.thresholds;
  if (week === sampleKpiWeeks - 1) {
    if (item.latest === 'onTrack') return atRisk * 0.4;
    if (item.latest === 'atRisk') return (atRisk + offTrack) / 2;
    return offTrack * 1.6 + 1;
  }
  const roll = random();
  if (roll < 0.4) return -atRisk * random(); // better than the target
  if (roll < 0.8) return atRisk * 0.9 * random();
  return atRisk + (offTrack - atRisk) * 0.9 * random();
}

const dayMs = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Monday of the last complete week before `now` (UTC): the sample's latest period. */
export function latestSampleWeek(now: Date): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  return isoDate(today - (sinceMonday + 7) * dayMs);
}

/** Who records a department's sample points: its BU leader, or an admin where no BU maps to it. */
function authorOf(departmentId: string): string {
  const leader = sampleUsers.find(
    (user) => user.role === 'leader' && user.grants.some((grant) => grant.scopeId === departmentId && grant.level === 'approve'),
  );
  return (leader ?? sampleUsers.find((user) => user.role === 'admin'))?.upn ?? 'sample-tenant-seed';
}

export interface SampleKpi {
  kpi: KpiDefinition;
  points: StoredPoint[];
}

/**
 * The sample tenant's KPIs with 12 weekly points each, ending in the last complete week before
 * `now`. Everything but the dates is the same on every machine and every run.
 */
export function sampleKpis(now = new Date()): SampleKpi[] {
  const latest = Date.parse(`${latestSampleWeek(now)}T00:00:00Z`);
  const known = new Set(departments.map((department) => department.id));
  return specs
    .filter((item) => known.has(item.departmentId))
    .map((item) => {
      const random = prng(`${item.departmentId}/${item.kpiId}`);
      const kpi = definitionOf(item);
      const author = authorOf(item.departmentId);
      const points = Array.from({ length: sampleKpiWeeks }, (_, week): StoredPoint => {
        const start = latest - (sampleKpiWeeks - 1 - week) * 7 * dayMs;
        const value = round(valueFor(item, shortfallFor(item, week, random), random), item.decimals);
        const last = week === sampleKpiWeeks - 1;
        return {
          period: 'weekly',
          periodStart: isoDate(start),
          value,
          ...(Array.isArray(item.target) ? {} : { target: item.target }),
          notes: last ? (latestNotes[item.kpiId] ?? '') : '',
          author,
          // Recorded on the Sunday afternoon that closes the week.
          recordedAt: new Date(start + 6 * dayMs + 16 * 3_600_000).toISOString(),
        };
      });
      return { kpi, points };
    });
}

/** The status the sample intends for each KPI's latest week (checked by the sample's tests). */
export function intendedSampleStatus(kpiId: string): KpiStatus | undefined {
  return specs.find((item) => item.kpiId === kpiId)?.latest;
}

const seedStamp = { createdBy: 'sample-tenant-seed', createdAt: '2026-10-01T08:00:00.000Z' };

/** Table entities: definitions (`kpis`) and points (`kpipoints`). */
export function sampleKpiEntities(now = new Date()) {
  const kpis = sampleKpis(now);
  return {
    definitions: kpis.map(({ kpi }) =>
      definitionEntity(kpi, { ...seedStamp, updatedBy: seedStamp.createdBy, updatedAt: seedStamp.createdAt }),
    ),
    points: kpis.flatMap(({ kpi, points }) => points.map((point) => pointEntity(kpi.departmentId, kpi.kpiId, point))),
  };
}
