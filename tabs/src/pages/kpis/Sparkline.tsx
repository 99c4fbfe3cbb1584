import { makeStyles, tokens } from '@fluentui/react-components';
import type { KpiSummary } from '@planboard/contracts';
import { sparklineGeometry } from './chartGeometry';
import { trendSummary } from './kpiFormat';
import { StatusMark } from './StatusMark';

const useStyles = makeStyles({
  svg: { display: 'block', overflow: 'visible', flexShrink: 0 },
  band: { fill: tokens.colorPaletteGreenBackground1 },
  bandEdge: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '1px', strokeDasharray: '3 2', fill: 'none' },
  target: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '1px', strokeDasharray: '3 2', fill: 'none' },
  line: { stroke: tokens.colorCompoundBrandStroke, strokeWidth: '2px', fill: 'none', strokeLinejoin: 'round', strokeLinecap: 'round' },
  empty: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px', strokeDasharray: '2 3' },
});

export interface SparklineProps {
  kpi: Pick<KpiSummary, 'trend' | 'status' | 'unit' | 'targetType' | 'rangeMin' | 'rangeMax'>;
  width?: number;
  height?: number;
}

/**
 * The KPI's recent trend: values as a line, the target dashed (or the target range as a band),
 * the latest point marked with its status's shape. One image for screen readers, summarised in words.
 */
export function Sparkline({ kpi, width = 120, height = 32 }: SparklineProps) {
  const s = useStyles();
  const g = sparklineGeometry(kpi.trend, kpi, width, height);
  const last = g.points[g.points.length - 1];
  return (
    <svg
      role="img"
      aria-label={trendSummary(kpi)}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={s.svg}
      data-testid="sparkline"
    >
      {g.band && (
        <>
          <rect x={0} y={g.band.top} width={width} height={Math.max(1, g.band.bottom - g.band.top)} className={s.band} />
          <path d={`M0,${g.band.top}H${width}M0,${g.band.bottom}H${width}`} className={s.bandEdge} />
        </>
      )}
      {g.target && <path d={g.target} className={s.target} />}
      {last ? (
        <>
          <path d={g.line} className={s.line} />
          <StatusMark status={kpi.status} x={last.x} y={last.y} r={3.5} />
        </>
      ) : (
        <path d={`M0,${height / 2}H${width}`} className={s.empty} />
      )}
    </svg>
  );
}
