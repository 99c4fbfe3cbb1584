import type { KpiDataPointInput, KpiDefinitionInput } from '@planboard/contracts';

/** A KPI definition as stored: the validated input plus the department it belongs to. */
export interface KpiDefinition extends KpiDefinitionInput {
  departmentId: string;
}

/** What status needs of a definition (tests and the sample build these without a department). */
export type KpiRule = Pick<KpiDefinition, 'targetType' | 'thresholds' | 'rangeMin' | 'rangeMax' | 'unit'>;

/**
 * A data point as stored. Its status is not stored: it is derived on every read from the KPI's
 * current definition, so changing a threshold re-rates the history at once.
 */
export interface StoredPoint extends KpiDataPointInput {
  /** UPN of the user who recorded it. */
  author: string;
  /** ISO time the point was (last) written. */
  recordedAt: string;
}

/** The identity of a point within its KPI: the same period and start again replaces it. */
export const pointKey = (point: Pick<KpiDataPointInput, 'period' | 'periodStart'>): string => `${point.periodStart}|${point.period}`;
