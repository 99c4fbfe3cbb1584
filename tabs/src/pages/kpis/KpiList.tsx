import { Body1Strong, Caption1, Link, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import type { KpiTableProps } from './KpiTable';
import { formatValue, periodText, statusWord, targetText } from './kpiFormat';
import { KpiStatusBadge } from './KpiStatus';
import { Sparkline } from './Sparkline';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  name: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  middle: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  latest: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * A department's KPIs on a narrow screen (a Teams side pane or phone): one block per KPI with the
 * same facts as the table's columns. The name opens the detail, which has the commands.
 */
export function KpiList({ department, kpis, onOpen }: Pick<KpiTableProps, 'department' | 'kpis' | 'onOpen'>) {
  const s = useStyles();
  const restoreFocus = useRestoreFocusTarget();
  return (
    <ul className={s.list} aria-label={`KPIs of ${department.name}`}>
      {kpis.map((kpi) => (
        <li key={kpi.kpiId} className={s.item} data-kpi={kpi.kpiId} data-status={kpi.status}>
          <div className={s.top}>
            <Link as="button" className={s.name} onClick={() => onOpen(kpi)} {...restoreFocus}>
              {kpi.name}
            </Link>
            <KpiStatusBadge status={kpi.status}>{statusWord(kpi, kpi.latest)}</KpiStatusBadge>
          </div>
          <div className={s.middle}>
            <div className={s.latest}>
              <Body1Strong>{formatValue(kpi.latest?.value, kpi.unit)}</Body1Strong>
              <Caption1 className={s.muted}>{kpi.latest ? periodText(kpi.latest.period, kpi.latest.periodStart) : 'No data yet'}</Caption1>
            </div>
            <Sparkline kpi={kpi} width={104} height={28} />
          </div>
          <Caption1>Target: {targetText(kpi, kpi.latest?.target)}</Caption1>
        </li>
      ))}
    </ul>
  );
}
