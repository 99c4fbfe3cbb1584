import { Badge, Body1, Caption1, makeStyles, mergeClasses, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, LockClosed16Regular } from '@fluentui/react-icons';
import type { TrainingDaySummary } from '@planboard/contracts';
import { completionTone } from './progressTone';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    width: '100%',
    textAlign: 'start',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    // The hover background is the highlight colour in high contrast: text must take its pair.
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1Hover },
    ':hover .planboard-day-meta': { color: tokens.colorNeutralForeground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  coming: {
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface DayListProps {
  days: readonly TrainingDaySummary[];
  selected?: number;
  canManage: boolean;
  onOpen(day: number): void;
}

/** The programme: open days as buttons with the learner's progress, locked days as "coming" (admins can open those too). */
export function DayList({ days, selected, canManage, onOpen }: DayListProps) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="Training days">
      {days.map((day) => {
        const pct = day.progress?.completionPct ?? 0;
        if (!day.unlocked && !canManage)
          return (
            <li key={day.dayNumber} className={s.coming}>
              <LockClosed16Regular aria-hidden />
              <Body1>Day {day.dayNumber} · coming soon</Body1>
            </li>
          );
        return (
          <li key={day.dayNumber}>
            <button
              type="button"
              className={mergeClasses(s.item, selected === day.dayNumber && s.selected)}
              aria-current={selected === day.dayNumber ? 'true' : undefined}
              onClick={() => onOpen(day.dayNumber)}
            >
              <span className={s.row}>
                {pct >= 100 && <CheckmarkCircle16Filled aria-hidden color={tokens.colorPaletteGreenForeground1} />}
                <Text weight="semibold">
                  Day {day.dayNumber}: {day.title}
                </Text>
                {!day.unlocked && (
                  <Badge appearance="outline" color="informative" icon={<LockClosed16Regular />}>
                    Locked
                  </Badge>
                )}
              </span>
              {day.unlocked && (
                <>
                  <ProgressBar value={pct / 100} thickness="medium" aria-label={`Day ${day.dayNumber} progress`} />
                  <Caption1 className={mergeClasses('planboard-day-meta', s.meta)}>
                    {completionTone(pct)}
                    {day.recordingCount ? ` · ${day.recordingCount} recording${day.recordingCount === 1 ? '' : 's'}` : ''}
                  </Caption1>
                </>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
