/**
 * The outlier rule for refresh durations, shared by the analyser API and the bot's `status`.
 *
 * A refresh is judged against its own model's recent history only, with median and MAD rather
 * than mean and standard deviation: one very slow refresh does not lift the bar for the next, and
 * one slow model does not hide another model's regression.
 */

/** The rule's parameters (named so the UI text and the code cannot drift apart). */
export const outlierRule = {
  /** How many previous completed refreshes of the model form its norm. */
  history: 30,
  /** Fewer previous completed refreshes than this: the model is not judged. */
  minimum: 8,
  /** How many scaled MADs above the median a duration must be. */
  factor: 3,
  /** MAD × 1.4826 estimates the standard deviation of normally distributed durations. */
  madScale: 1.4826,
  /**
   * A model whose refreshes all take the same time has MAD 0, which would flag a refresh one
   * second longer; the spread is taken as at least 1 % of the median and at least one second.
   */
  minSpreadRatio: 0.01,
  minSpreadMs: 1000,
} as const;

/** The rule in words, for the Performance view, the export and the bot. */
export const outlierRuleText =
  `A completed refresh is an outlier when it took longer than the median + ${outlierRule.factor} × scaled MAD ` +
  `(${outlierRule.madScale} × median absolute deviation) of the model's previous ${outlierRule.history} completed refreshes ` +
  `(the spread counted as at least 1 % of the median and 1 second). ` +
  `Models with fewer than ${outlierRule.minimum} previous completed refreshes are not judged.`;

/** What a duration is compared with: the model's norm from its previous completed refreshes. */
export interface OutlierBaseline {
  /** Median duration of the previous completed refreshes (ms). */
  medianMs: number;
  /** Scaled MAD (ms), after the minimum spread. */
  spreadMs: number;
  /** A duration above this is an outlier (ms). */
  thresholdMs: number;
  /** How many previous refreshes the norm is made of. */
  basis: number;
}

/** The median of a list of numbers (undefined when empty). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The norm from the durations of the model's previous completed refreshes, oldest first (only the
 * newest `outlierRule.history` are used). Undefined when there are too few to judge.
 */
export function outlierBaseline(previousDurationsMs: readonly number[]): OutlierBaseline | undefined {
  const recent = previousDurationsMs.slice(-outlierRule.history);
  if (recent.length < outlierRule.minimum) return undefined;
  const medianMs = median(recent) as number;
  const mad = median(recent.map((value) => Math.abs(value - medianMs))) as number;
  const spreadMs = Math.max(mad * outlierRule.madScale, medianMs * outlierRule.minSpreadRatio, outlierRule.minSpreadMs);
  return { medianMs, spreadMs, thresholdMs: medianMs + outlierRule.factor * spreadMs, basis: recent.length };
}

/** Whether one duration is an outlier against a baseline. */
export function isOutlier(durationMs: number, baseline: OutlierBaseline | undefined): boolean {
  return baseline !== undefined && durationMs > baseline.thresholdMs;
}

/** A refresh as the rule needs it. */
export interface DurationSample {
  startTime: string;
  status: string;
  durationMs: number | null;
}

export interface OutlierVerdict<T extends DurationSample> {
  refresh: T;
  baseline: OutlierBaseline;
  /** Duration ÷ median: "4.8 × typical". */
  ratio: number;
}

/**
 * Every outlier in one model's refreshes (any order). Each completed refresh is compared with the
 * completed refreshes that started before it; failed and running ones neither count nor are judged.
 */
export function findOutliers<T extends DurationSample>(refreshes: readonly T[]): OutlierVerdict<T>[] {
  const completed = refreshes
    .filter((refresh) => refresh.status === 'Completed' && refresh.durationMs !== null)
    .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  const verdicts: OutlierVerdict<T>[] = [];
  for (let index = outlierRule.minimum; index < completed.length; index += 1) {
    const refresh = completed[index] as T;
    const previous = completed.slice(Math.max(0, index - outlierRule.history), index).map((item) => item.durationMs as number);
    const baseline = outlierBaseline(previous);
    const durationMs = refresh.durationMs as number;
    if (baseline && isOutlier(durationMs, baseline)) {
      verdicts.push({ refresh, baseline, ratio: baseline.medianMs > 0 ? durationMs / baseline.medianMs : Number.POSITIVE_INFINITY });
    }
  }
  return verdicts;
}
