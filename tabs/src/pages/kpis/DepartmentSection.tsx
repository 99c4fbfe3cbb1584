import { Body1, Button, Caption1, makeStyles, Subtitle1, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, ArrowUploadRegular, EyeRegular } from '@fluentui/react-icons';
import type { KpiSummary } from '@planboard/contracts';
import { useId } from 'react';
import { noMatchText, type StatusFilter } from './dashboard';
import { StatusCounts } from './KpiStatus';
import { KpiList } from './KpiList';
import { KpiTable, type KpiTableProps } from './KpiTable';
import { useMediaQuery } from '../../shell/useMediaQuery';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast: the transparent border becomes the outline there.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: '200px' },
  heading: { margin: 0 },
  access: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalS} 0` },
});

export interface DepartmentSectionProps extends Omit<KpiTableProps, 'kpis'> {
  /** The department's KPIs that pass the filters. */
  shown: readonly KpiSummary[];
  status: StatusFilter;
  search: string;
  onNewKpi(): void;
  onImport(): void;
}

/** Below this width the KPIs are a list rather than a table (a Teams side pane, a phone). */
const NARROW = '(max-width: 639px)';

/** One department: its name, status counts and commands, then its KPIs (or why there are none to show). */
export function DepartmentSection({ shown, status, search, onNewKpi, onImport, ...table }: DepartmentSectionProps) {
  const s = useStyles();
  const headingId = useId();
  const restoreFocus = useRestoreFocusTarget();
  const narrow = useMediaQuery(NARROW);
  const { department } = table;
  const none = department.kpis.length === 0;
  return (
    <section className={s.section} aria-labelledby={headingId} data-department={department.departmentId}>
      <div className={s.header}>
        <div className={s.titles}>
          <Subtitle1 as="h2" id={headingId} className={s.heading}>
            {department.name}
          </Subtitle1>
          {!department.canEdit && (
            <Caption1 className={s.access}>
              <EyeRegular aria-hidden="true" /> Read only: you can see these KPIs but not add data.
            </Caption1>
          )}
        </div>
        {!none && <StatusCounts counts={department.counts} label={`KPI status in ${department.name}`} />}
        {(department.canManage || department.canEdit) && (
          <div className={s.actions}>
            {department.canManage && (
              <Button icon={<AddRegular />} onClick={onNewKpi} aria-label={`New KPI in ${department.name}`} {...restoreFocus}>
                New KPI
              </Button>
            )}
            {department.canEdit && (
              <Button
                icon={<ArrowUploadRegular />}
                onClick={onImport}
                disabled={none}
                aria-label={`Import data points into ${department.name}`}
                {...restoreFocus}
              >
                Import…
              </Button>
            )}
          </div>
        )}
      </div>
      {none ? (
        <Body1 className={s.empty}>
          No KPIs in {department.name} yet.{' '}
          {department.canManage ? 'Add the first with “New KPI”.' : 'A department leader can define them.'}
        </Body1>
      ) : shown.length === 0 ? (
        <Body1 className={s.empty}>{noMatchText(department.name, status, search)}</Body1>
      ) : narrow ? (
        <KpiList {...table} kpis={shown} />
      ) : (
        <KpiTable {...table} kpis={shown} />
      )}
    </section>
  );
}
