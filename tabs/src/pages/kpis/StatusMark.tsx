import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { KpiStatus } from '@planboard/contracts';
import type { SVGProps } from 'react';

/**
 * Chart markers: a different shape per status (circle, triangle, square, hollow circle), so the
 * chart does not rely on colour; the colours are the badges' foregrounds (≥3:1 on the background).
 */
const useStyles = makeStyles({
  mark: { strokeWidth: '1.5px', stroke: tokens.colorNeutralBackground1 },
  onTrack: { fill: tokens.colorPaletteGreenForeground1 },
  atRisk: { fill: tokens.colorPaletteMarigoldForeground2 },
  offTrack: { fill: tokens.colorPaletteRedForeground1 },
  noData: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground3 },
});

export interface StatusMarkProps extends Omit<SVGProps<SVGPathElement>, 'd'> {
  status: KpiStatus;
  x: number;
  y: number;
  /** Half the marker's width. */
  r?: number;
}

/** The SVG path of a status's marker centred on (x, y). */
export function markPath(status: KpiStatus, x: number, y: number, r: number): string {
  const circle = `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  if (status === 'atRisk') {
    const h = r * 1.25;
    return `M${x},${y - h}L${x + h},${y + h * 0.8}L${x - h},${y + h * 0.8}Z`;
  }
  if (status === 'offTrack') {
    const h = r * 0.9;
    return `M${x - h},${y - h}H${x + h}V${y + h}H${x - h}Z`;
  }
  return circle;
}

/** One status marker (decorative: the chart's points carry the words). */
export function StatusMark({ status, x, y, r = 4, className, ...rest }: StatusMarkProps) {
  const s = useStyles();
  return <path d={markPath(status, x, y, r)} className={mergeClasses(s.mark, s[status], className)} {...rest} />;
}
