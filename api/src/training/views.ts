import type { DayProgress, Recording, TrainingDay, TrainingDaySummary, TrainingProgramme } from '@planboard/contracts';
import { type StoredDay, overallOf, type Programme } from '@planboard/server';

/**
 * What each caller may see of the programme. Learners: unlocked days with their content and
 * active recordings; a locked day is only its number ("coming"). Admins: everything.
 */

const withoutEtag = (progress: (DayProgress & { etag?: string }) | undefined): DayProgress | undefined => {
  if (!progress) return undefined;
  const { etag: _etag, ...rest } = progress;
  return rest;
};

export const recordingsOf = (programme: Programme, dayNumber: number, canManage: boolean): Recording[] =>
  programme.recordings.filter((recording) => recording.dayNumber === dayNumber && (canManage || recording.active));

export function programmeView(
  programme: Programme,
  progress: ReadonlyMap<number, DayProgress & { etag?: string }>,
  canManage: boolean,
): TrainingProgramme {
  const days = programme.days.map((day): TrainingDaySummary => {
    if (!day.unlocked && !canManage) return { dayNumber: day.dayNumber, unlocked: false };
    const own = withoutEtag(progress.get(day.dayNumber));
    return {
      dayNumber: day.dayNumber,
      unlocked: day.unlocked,
      title: day.title,
      description: day.description,
      ...(day.unlock ? { unlockedAt: day.unlock.at } : {}),
      recordingCount: recordingsOf(programme, day.dayNumber, canManage).length,
      ...(own ? { progress: own } : {}),
    };
  });
  const unlocked = programme.days.filter((day) => day.unlocked).map((day) => day.dayNumber);
  return { canManage, days, overallPct: overallOf(unlocked, progress) };
}

export function dayView(day: StoredDay, recordings: Recording[], progress: (DayProgress & { etag?: string }) | undefined): TrainingDay {
  const own = withoutEtag(progress);
  return {
    dayNumber: day.dayNumber,
    title: day.title,
    description: day.description,
    presentationUrl: day.presentationUrl,
    resourcesUrl: day.resourcesUrl,
    unlocked: day.unlocked,
    ...(day.unlock ? { unlock: day.unlock } : {}),
    updatedAt: day.updatedAt,
    updatedBy: day.updatedBy,
    recordings,
    ...(own ? { progress: own } : {}),
  };
}
