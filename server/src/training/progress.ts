import type { DayProgress, ProgressInput, Recording } from '@planboard/contracts';
import type { StoredDay } from './entities';

/** What a day asks of a learner: its slides (when it has a presentation link) and its recording (when it has one). */
export interface DayParts {
  presentation: boolean;
  /** Length of the day's first active recording, when known (for partial credit while watching). */
  recording: { durationSeconds?: number } | undefined;
}

export function partsOf(day: Pick<StoredDay, 'presentationUrl'>, recordings: readonly Recording[]): DayParts {
  const active = recordings.find((recording) => recording.active);
  return {
    presentation: day.presentationUrl !== '',
    recording: active ? (active.durationSeconds === undefined ? {} : { durationSeconds: active.durationSeconds }) : undefined,
  };
}

/**
 * Completion in percent: each part the day has weighs the same. A watched recording counts in
 * full; one being watched counts by how far the player got (never 100 % until it is marked
 * watched). A day with neither part is complete once the learner marks anything.
 */
export function completionOf(
  parts: DayParts,
  progress: Pick<DayProgress, 'presentationOpened' | 'recordingWatched' | 'watchedSeconds'>,
): number {
  const scores: number[] = [];
  if (parts.presentation) scores.push(progress.presentationOpened ? 1 : 0);
  if (parts.recording) {
    const duration = parts.recording.durationSeconds;
    const partial = duration ? Math.min(progress.watchedSeconds / duration, 0.99) : 0;
    scores.push(progress.recordingWatched ? 1 : partial);
  }
  if (scores.length === 0) return progress.presentationOpened || progress.recordingWatched ? 100 : 0;
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 1000) / 10;
}

/** The progress after a learner's report: flags only turn on and the position only moves forward (reports may arrive out of order). */
export function mergeProgress(
  dayNumber: number,
  current: DayProgress | undefined,
  input: ProgressInput,
  parts: DayParts,
  at: string,
): DayProgress {
  const merged = {
    presentationOpened: (current?.presentationOpened ?? false) || input.presentationOpened === true,
    recordingWatched: (current?.recordingWatched ?? false) || input.recordingWatched === true,
    watchedSeconds: Math.max(current?.watchedSeconds ?? 0, input.watchedSeconds ?? 0),
  };
  return { dayNumber, ...merged, completionPct: completionOf(parts, merged), updatedAt: at };
}

/** A learner's completion over the given days (days without a row count as 0). */
export function overallOf(dayNumbers: readonly number[], progress: ReadonlyMap<number, Pick<DayProgress, 'completionPct'>>): number {
  if (dayNumbers.length === 0) return 0;
  const total = dayNumbers.reduce((sum, day) => sum + (progress.get(day)?.completionPct ?? 0), 0);
  return Math.round((total / dayNumbers.length) * 10) / 10;
}
