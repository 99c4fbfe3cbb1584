import type { TrainingProgressMatrix } from '@planboard/contracts';

type Learner = TrainingProgressMatrix['learners'][number];

/** Which learners the matrix shows: by how far they are in the programme (of its unlocked days). */
export type LearnerStatus = 'everyone' | 'notStarted' | 'inProgress' | 'complete';

export const learnerStatusLabels: Record<LearnerStatus, string> = {
  everyone: 'Everyone',
  notStarted: 'Not started',
  inProgress: 'In progress',
  complete: 'Completed every open day',
};

function statusOf(learner: Learner, unlocked: readonly boolean[]): Exclude<LearnerStatus, 'everyone'> {
  const open = learner.completion.filter((_, index) => unlocked[index]);
  if (open.every((pct) => pct === 0)) return 'notStarted';
  if (open.every((pct) => pct >= 100)) return 'complete';
  return 'inProgress';
}

/** The learners whose name or sign-in name contains every word of `text`, in the chosen status. */
export function filterLearners(matrix: TrainingProgressMatrix, text: string, status: LearnerStatus): Learner[] {
  const words = text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const unlocked = matrix.days.map((day) => day.unlocked);
  return matrix.learners.filter((learner) => {
    const haystack = `${learner.name} ${learner.upn}`.toLocaleLowerCase();
    if (!words.every((word) => haystack.includes(word))) return false;
    return status === 'everyone' || statusOf(learner, unlocked) === status;
  });
}
