import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { KpiDataPoint, KpiSummary } from '@planboard/contracts';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { lineChartGeometry } from './chartGeometry';
import { formatTick, formatValue, lowerFirst, periodText, pointText, shortPeriodText, spanText, statusWord, targetText } from './kpiFormat';
import { KpiChartLegend } from './KpiChartLegend';
import { KpiStatusBadge } from './KpiStatus';
import { StatusMark } from './StatusMark';
import { useElementWidth } from './useElementWidth';

const HEIGHT = 260;

const useStyles = makeStyles({
  root: { position: 'relative', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  svg: { display: 'block', overflow: 'visible', userSelect: 'none' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: '1px' },
  axis: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '1px' },
  tick: { fill: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  band: { fill: tokens.colorPaletteGreenBackground1 },
  dashed: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '1.5px', strokeDasharray: '5 4', fill: 'none' },
  line: { stroke: tokens.colorCompoundBrandStroke, strokeWidth: '2.5px', fill: 'none', strokeLinejoin: 'round', strokeLinecap: 'round' },
  point: { cursor: 'pointer', ':focus': { outline: 'none' } },
  focusRing: { fill: 'none', stroke: tokens.colorStrokeFocus2, strokeWidth: '2px' },
  guide: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: '1px', strokeDasharray: '2 3' },
  tip: {
    position: 'absolute',
    zIndex: 1,
    pointerEvents: 'none',
    transform: 'translate(-50%, calc(-100% - 14px))',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: '160px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    whiteSpace: 'nowrap',
  },
  tipMuted: { color: tokens.colorNeutralForeground3 },
});

export interface KpiChartProps {
  kpi: Pick<KpiSummary, 'name' | 'unit' | 'targetType' | 'rangeMin' | 'rangeMax'>;
  /** Oldest first. */
  points: readonly KpiDataPoint[];
}

/**
 * The KPI's values against its target (dashed) or target range (band), with value and period axes.
 * Points are one tab stop: arrow keys, Home and End move between them, each read out in words and
 * shown in a tooltip (hovering shows the nearest point too). The table below has the same data.
 */
export function KpiChart({ kpi, points }: KpiChartProps) {
  const s = useStyles();
  const rootRef = useRef<HTMLDivElement>(null);
  const pointRefs = useRef<(SVGPathElement | null)[]>([]);
  const width = Math.max(280, useElementWidth(rootRef));
  const [active, setActive] = useState(points.length - 1);
  const [tip, setTip] = useState<'focus' | 'hover' | null>(null);
  const current = Math.min(Math.max(0, active), points.length - 1);

  const ticks = lineChartGeometry(points, kpi, { width, height: HEIGHT, margin: { left: 0, right: 0, top: 0, bottom: 0 } }).yTicks;
  const labelChars = Math.max(...ticks.map((tick) => formatTick(tick.value).length), 1);
  const margin = { left: 14 + labelChars * 7.5, right: 20, top: 16, bottom: 34 };
  const g = lineChartGeometry(points, kpi, { width, height: HEIGHT, margin });
  const within = kpi.targetType === 'withinRange';

  const move = (index: number) => {
    const next = Math.min(Math.max(0, index), points.length - 1);
    setActive(next);
    pointRefs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowUp: current + 1,
      ArrowLeft: current - 1,
      ArrowDown: current - 1,
      Home: 0,
      End: points.length - 1,
      PageUp: current + 5,
      PageDown: current - 5,
    };
    if (event.key in keys) {
      event.preventDefault();
      move(keys[event.key] ?? current);
    } else if (event.key === 'Escape' && tip) {
      event.stopPropagation();
      setTip(null);
    }
  };
  const onMouseMove = (event: MouseEvent<SVGSVGElement>) => {
    const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
    let nearest = 0;
    g.points.forEach((point, index) => {
      if (Math.abs(point.x - x) < Math.abs((g.points[nearest]?.x ?? 0) - x)) nearest = index;
    });
    setActive(nearest);
    if (tip !== 'focus') setTip('hover');
  };

  const shown = points[current];
  const at = g.points[current];
  const summary = `${kpi.name}: chart of ${spanText(points)}. Use the arrow keys to go from one data point to the next.`;
  return (
    <div ref={rootRef} className={s.root} data-testid="kpi-chart">
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        className={s.svg}
        role="group"
        aria-label={summary}
        onMouseMove={onMouseMove}
        onMouseLeave={() => tip === 'hover' && setTip(null)}
      >
        <g aria-hidden="true">
          {g.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} className={s.grid} />
              <text x={g.plot.left - 8} y={tick.y} dy="0.32em" textAnchor="end" className={s.tick}>
                {formatTick(tick.value)}
              </text>
            </g>
          ))}
          <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} className={s.axis} />
          {g.xTicks.map((tick) => {
            const point = points[tick.index];
            return point ? (
              <text key={tick.index} x={tick.x} y={g.plot.bottom + 20} textAnchor="middle" className={s.tick}>
                {shortPeriodText(point.period, point.periodStart)}
              </text>
            ) : null;
          })}
          {g.band && (
            <>
              <rect
                x={g.plot.left}
                y={g.band.top}
                width={g.plot.right - g.plot.left}
                height={Math.max(1, g.band.bottom - g.band.top)}
                className={s.band}
              />
              <path
                d={`M${g.plot.left},${g.band.top}H${g.plot.right}M${g.plot.left},${g.band.bottom}H${g.plot.right}`}
                className={s.dashed}
              />
            </>
          )}
          {g.target && <path d={g.target} className={s.dashed} />}
          <path d={g.line} className={s.line} />
          {tip && at && <line x1={at.x} x2={at.x} y1={g.plot.top} y2={g.plot.bottom} className={s.guide} />}
        </g>
        {points.map((point, index) => {
          const p = g.points[index];
          if (!p) return null;
          return (
            <StatusMark
              key={`${point.period}-${point.periodStart}`}
              ref={(el: SVGPathElement | null) => {
                pointRefs.current[index] = el;
              }}
              status={point.status}
              x={p.x}
              y={p.y}
              r={index === current && tip ? 6 : 4.5}
              className={s.point}
              role="img"
              aria-label={pointText(point, kpi)}
              tabIndex={index === current ? 0 : -1}
              onFocus={() => {
                setActive(index);
                setTip('focus');
              }}
              onBlur={() => setTip(null)}
              onKeyDown={onKeyDown}
              data-period={point.periodStart}
              data-status={point.status}
            />
          );
        })}
        {tip === 'focus' && at && <circle cx={at.x} cy={at.y} r={10} className={s.focusRing} aria-hidden="true" />}
      </svg>
      {tip && shown && at && (
        <div className={s.tip} style={{ left: Math.min(Math.max(at.x, 90), width - 90), top: at.y }} aria-hidden="true">
          <Caption1 className={s.tipMuted}>{periodText(shown.period, shown.periodStart)}</Caption1>
          <strong>{formatValue(shown.value, kpi.unit)}</strong>
          {(within || shown.target !== undefined) && <Caption1>Target: {lowerFirst(targetText(kpi, shown.target))}</Caption1>}
          <span>
            <KpiStatusBadge status={shown.status} size="small">
              {statusWord(kpi, shown)}
            </KpiStatusBadge>
          </span>
        </div>
      )}
      <KpiChartLegend within={within} statuses={[...new Set(points.map((point) => point.status))]} />
    </div>
  );
}
