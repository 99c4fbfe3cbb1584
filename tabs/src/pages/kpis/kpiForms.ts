import {
  futurePeriodProblem,
  periodStartContaining,
  kpiDataPointInputSchema,
  kpiDefinitionInputSchema,
  type KpiDataPointInput,
  type KpiDefinitionInput,
  type KpiPeriod,
  type KpiSummary,
  type KpiTargetType,
} from '@planboard/contracts';
import { ApiError } from '../../api/client';
import { localeSeparators } from '../../grid/numbers';
import { formatNumber } from './kpiFormat';

/**
 * The KPI page's forms as plain data: what the inputs hold (text, as typed), defaults, and
 * validation that mirrors the API (the contract's zod schemas run here too), with each problem
 * on its field in words. Server-side 400 details map onto the same fields.
 */
/** Problems in words per field; `form` holds those that belong to no field. */
export type FieldErrors<F extends string> = Partial<Record<F | 'form', string>>;
/** A checked form: the API input, or the problems per field. */
export type Validated<T, F extends string> = { ok: true; input: T } | { ok: false; errors: FieldErrors<F> };

/** A number as typed: empty (undefined), a number, or why it is not one. */
export type NumberInput = { ok: true; value: number | undefined } | { ok: false; reason: string };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readNumber(text: string, group: string, decimal: string): number | null {
  const pattern = new RegExp(`^([+-]?)(\\d{1,3}(?:${escape(group)}\\d{3})+|\\d+)?(?:${escape(decimal)}(\\d+))?$`);
  const match = pattern.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) return null;
  const value = Number(`${match[1]}${(match[2] ?? '0').split(group).join('')}.${match[3] ?? '0'}`);
  return Number.isFinite(value) ? value : null;
}

/** Reads a number in the user's locale (`1.234,5` in de-DE) or en-US (`1,234.5`); a trailing `%` is ignored. */
export function parseNumberInput(input: string, locale?: string): NumberInput {
  const text = input
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-')
    .replace(/%$/, '');
  if (text === '') return { ok: true, value: undefined };
  const own = localeSeparators(locale);
  const value = readNumber(text, own.group, own.decimal) ?? readNumber(text, ',', '.');
  if (value === null)
    return { ok: false, reason: `“${input.trim().slice(0, 40)}” is not a number. Type a number such as ${formatNumber(97.5, locale)}.` };
  return { ok: true, value };
}

/** A zod issue, as much of it as the messages need (no zod import in the tab). */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** The contract's own rule messages, in the form's words. */
const friendly: Record<string, string> = {
  'atRiskPct must not exceed offTrackPct': 'Must not be below the at-risk threshold.',
  'rangeMax must not be below rangeMin': 'Must not be below the lowest value in range.',
};

/** The issue in words; `what` names the field ("a value", "the target"). */
function issueText(issue: Issue, what: string, locale?: string): string {
  const limit = (bound: unknown) => formatNumber(Number(bound), locale);
  if (issue.code === 'invalid_type') return `Enter ${what}.`;
  if (issue.code === 'too_small')
    return issue.origin === 'string'
      ? Number(issue.minimum) <= 1
        ? `Enter ${what}.`
        : `Use at least ${limit(issue.minimum)} characters.`
      : `Must be at least ${limit(issue.minimum)}.`;
  if (issue.code === 'too_big')
    return issue.origin === 'string' ? `Use at most ${limit(issue.maximum)} characters.` : `Must be at most ${limit(issue.maximum)}.`;
  return friendly[issue.message] ?? sentence(issue.message);
}

/** The form field a path names (`thresholds.offTrackPct` → offTrackPct): the last segment that is a field. */
export function fieldOf<F extends string>(path: readonly PropertyKey[] | string, fields: readonly F[]): F | undefined {
  const segments = typeof path === 'string' ? path.split('.') : path.map(String);
  for (let i = segments.length - 1; i >= 0; i--) {
    const match = fields.find((field) => field === segments[i]);
    if (match) return match;
  }
  return undefined;
}

function collect<F extends string>(
  issues: readonly Issue[],
  fields: readonly F[],
  what: Record<F, string>,
  errors: FieldErrors<F>,
  locale?: string,
) {
  for (const issue of issues) {
    const field = fieldOf(issue.path, fields);
    const key = field ?? 'form';
    if (!errors[key]) errors[key] = field ? issueText(issue, what[field], locale) : sentence(issue.message);
  }
}

/** A 400's `details` (`{ path, message }`) on the form's fields; what matches no field goes to `form`. */
export function apiFieldErrors<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return errors;
  for (const detail of error.details as unknown[]) {
    if (!detail || typeof detail !== 'object') continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = (typeof path === 'string' ? fieldOf(path, fields) : undefined) ?? 'form';
    errors[key] = errors[key] ? `${errors[key]} ${sentence(message)}` : sentence(message);
  }
  return errors;
}

/** The "Add data point" form. */
export interface PointForm {
  period: KpiPeriod;
  periodStart: string;
  value: string;
  target: string;
  notes: string;
}
/** A field of the data point form. */
export type PointField = keyof PointForm;
/** The data point form's fields, in form order. */
export const pointFields: readonly PointField[] = ['period', 'periodStart', 'value', 'target', 'notes'];
const pointWhat: Record<PointField, string> = {
  period: 'the period',
  periodStart: 'the date the period starts',
  value: 'a value',
  target: 'the target for this period',
  notes: 'notes',
};

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The next period after the latest one, with the latest target; today and weekly when there is no data yet. */
export function pointFormDefaults(kpi: Pick<KpiSummary, 'latest' | 'trend'>, today: string): PointForm {
  const latest = kpi.latest ?? kpi.trend[kpi.trend.length - 1];
  const period = latest?.period ?? 'weekly';
  return {
    period,
    // The period we are in (not the one after the latest point: that may not have begun).
    periodStart: periodStartContaining(period, today),
    value: '',
    target: latest?.target === undefined ? '' : String(latest.target),
    notes: '',
  };
}

/** Checks the form as the API will (the contract's schema), plus what typing adds (numbers, empties). */
export function validatePointForm(
  form: PointForm,
  kpi: Pick<KpiSummary, 'targetType'>,
  locale?: string,
  now = new Date(),
): Validated<KpiDataPointInput, PointField> {
  const errors: FieldErrors<PointField> = {};
  const value = parseNumberInput(form.value, locale);
  if (!value.ok) errors.value = value.reason;
  else if (value.value === undefined) errors.value = 'Enter a value.';
  const within = kpi.targetType === 'withinRange';
  const target = within ? ({ ok: true, value: undefined } as const) : parseNumberInput(form.target, locale);
  if (!target.ok) errors.target = target.reason;
  else if (!within && target.value === undefined) errors.target = 'Enter the target for this period.';
  if (!form.periodStart.trim()) errors.periodStart = 'Enter the date the period starts.';
  const candidate = {
    period: form.period,
    periodStart: form.periodStart.trim(),
    value: value.ok ? value.value : undefined,
    ...(within || !target.ok ? {} : { target: target.value }),
    notes: form.notes,
  };
  const parsed = kpiDataPointInputSchema.safeParse(candidate);
  if (!parsed.success) collect(parsed.error.issues, pointFields, pointWhat, errors, locale);
  else {
    const future = futurePeriodProblem(parsed.data, now);
    if (future) errors.periodStart = future;
  }
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, input: parsed.data } : { ok: false, errors };
}

/** The "New KPI" / "Edit KPI" form. */
export interface KpiForm {
  kpiId: string;
  name: string;
  unit: string;
  description: string;
  targetType: KpiTargetType;
  atRiskPct: string;
  offTrackPct: string;
  rangeMin: string;
  rangeMax: string;
}
/** A field of the KPI definition form. */
export type KpiField = keyof KpiForm;
/** The KPI definition form's fields, in form order. */
export const kpiFields: readonly KpiField[] = [
  'kpiId',
  'name',
  'unit',
  'description',
  'targetType',
  'atRiskPct',
  'offTrackPct',
  'rangeMin',
  'rangeMax',
];
const kpiWhat: Record<KpiField, string> = {
  kpiId: 'an ID',
  name: 'a name',
  unit: 'a unit',
  description: 'a description',
  targetType: 'the target type',
  atRiskPct: 'the at-risk threshold',
  offTrackPct: 'the off-track threshold',
  rangeMin: 'the lowest value in range',
  rangeMax: 'the highest value in range',
};

const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The form for an existing KPI, or the defaults for a new one (5 % at risk, 10 % off track). */
export function kpiFormFrom(kpi?: KpiSummary): KpiForm {
  return {
    kpiId: kpi?.kpiId ?? '',
    name: kpi?.name ?? '',
    unit: kpi?.unit ?? '',
    description: kpi?.description ?? '',
    targetType: kpi?.targetType ?? 'higherIsBetter',
    atRiskPct: numberText(kpi?.thresholds.atRiskPct ?? 5),
    offTrackPct: numberText(kpi?.thresholds.offTrackPct ?? 10),
    rangeMin: numberText(kpi?.rangeMin),
    rangeMax: numberText(kpi?.rangeMax),
  };
}

/** An ID from a name, as the API wants them: "On-time delivery %" → `on-time-delivery`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 61)
    .replace(/-+$/, '');
}

/** Checks the definition as the API will (the contract's schema, its range and threshold rules included). */
export function validateKpiForm(form: KpiForm, locale?: string): Validated<KpiDefinitionInput, KpiField> {
  const errors: FieldErrors<KpiField> = {};
  const within = form.targetType === 'withinRange';
  const numbers = {} as Record<'atRiskPct' | 'offTrackPct' | 'rangeMin' | 'rangeMax', number | undefined>;
  for (const field of ['atRiskPct', 'offTrackPct', 'rangeMin', 'rangeMax'] as const) {
    if (!within && (field === 'rangeMin' || field === 'rangeMax')) continue;
    const parsed = parseNumberInput(form[field], locale);
    if (!parsed.ok) errors[field] = parsed.reason;
    else if (parsed.value === undefined) errors[field] = `Enter ${kpiWhat[field]}.`;
    else numbers[field] = parsed.value;
  }
  if (!form.kpiId.trim()) errors.kpiId = 'Enter an ID, such as on-time-delivery.';
  const candidate = {
    kpiId: form.kpiId.trim(),
    name: form.name.trim(),
    unit: form.unit.trim(),
    description: form.description,
    targetType: form.targetType,
    thresholds: { atRiskPct: numbers.atRiskPct, offTrackPct: numbers.offTrackPct },
    ...(within ? { rangeMin: numbers.rangeMin, rangeMax: numbers.rangeMax } : {}),
  };
  const parsed = kpiDefinitionInputSchema.safeParse(candidate);
  if (!parsed.success) collect(parsed.error.issues, kpiFields, kpiWhat, errors, locale);
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, input: parsed.data } : { ok: false, errors };
}
