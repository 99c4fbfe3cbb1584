import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { KpiStatus } from '@planboard/contracts';
import { statusLabels, statusOrder } from './kpiFormat';
import type { ReactNode } from 'react';
import { StatusMark } from './StatusMark';

const useStyles = makeStyles({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    color: tokens.colorNeutralForeground2,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'block', overflow: 'visible', flexShrink: 0 },
  line: { stroke: tokens.colorCompoundBrandStroke, strokeWidth: '2.5px' },
  dashed: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '1.5px', strokeDasharray: '5 4', fill: 'none' },
  band: { fill: tokens.colorPaletteGreenBackground1 },
});

/** What the chart's lines and marker shapes mean. */
export function KpiChartLegend({ within, statuses }: { within: boolean; statuses: readonly KpiStatus[] }) {
  const s = useStyles();
  const swatch = (children: ReactNode) => (
    <svg width={24} height={12} viewBox="0 0 24 12" className={s.swatch} aria-hidden="true">
      {children}
    </svg>
  );
  return (
    <ul className={s.legend} aria-label="Chart legend">
      <li className={s.item}>
        {swatch(<line x1={0} x2={24} y1={6} y2={6} className={s.line} />)}
        <Caption1>Value</Caption1>
      </li>
      <li className={s.item}>
        {within
          ? swatch(
              <>
                <rect x={0} y={1} width={24} height={10} className={s.band} />
                <path d="M0,1H24M0,11H24" className={s.dashed} />
              </>,
            )
          : swatch(<line x1={0} x2={24} y1={6} y2={6} className={s.dashed} />)}
        <Caption1>{within ? 'Target range' : 'Target'}</Caption1>
      </li>
      {statusOrder
        .filter((status) => statuses.includes(status))
        .map((status) => (
          <li key={status} className={s.item}>
            {swatch(<StatusMark status={status} x={12} y={6} r={4.5} />)}
            <Caption1>{statusLabels[status]}</Caption1>
          </li>
        ))}
    </ul>
  );
}
