import { Badge, makeStyles, mergeClasses, shorthands, tokens, type BadgeProps } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, SubtractCircleRegular, WarningRegular, type FluentIcon } from '@fluentui/react-icons';
import { type KpiStatus } from '@planboard/contracts';
import { countText, statusLabels, statusOrder } from './kpiFormat';

/**
 * Status colours: each palette's lightest background with a foreground that passes 4.5:1 on it in
 * the Teams light and dark themes (Marigold's Foreground1 does not in light: Foreground2 does). In
 * high contrast every palette is white on black: the icon and the words carry the status there.
 */
const useStyles = makeStyles({
  badge: { gap: tokens.spacingHorizontalXXS, whiteSpace: 'nowrap' },
  onTrack: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  atRisk: {
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    color: tokens.colorPaletteMarigoldForeground2,
    ...shorthands.borderColor(tokens.colorPaletteMarigoldBorder2),
  },
  offTrack: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  noData: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
});

/** The icon of each status (the same shapes as the chart's markers: tick, warning, cross, dash). */
export const statusIcons: Record<KpiStatus, FluentIcon> = {
  onTrack: CheckmarkCircleRegular,
  atRisk: WarningRegular,
  offTrack: ErrorCircleRegular,
  noData: SubtractCircleRegular,
};

export interface KpiStatusBadgeProps {
  status: KpiStatus;
  size?: BadgeProps['size'];
  /** Replaces the status name (e.g. "2 on track"); the status still decides icon and colour. */
  children?: string;
  className?: string;
}

/** A status as a badge: icon and words, the colour only reinforcing them. */
export function KpiStatusBadge({ status, size = 'medium', children, className }: KpiStatusBadgeProps) {
  const s = useStyles();
  const Icon = statusIcons[status];
  return (
    <Badge
      appearance="tint"
      shape="rounded"
      size={size}
      icon={<Icon aria-hidden="true" />}
      className={mergeClasses(s.badge, s[status], className)}
      data-status={status}
    >
      {children ?? statusLabels[status]}
    </Badge>
  );
}

/** A department's counts per status (worst first), as a list of badges: "1 off track", "2 at risk"… */
export function StatusCounts({ counts, label }: { counts: Partial<Record<KpiStatus, number>>; label: string }) {
  const s = useStyles();
  return (
    <ul className={s.counts} aria-label={label} data-testid="status-counts">
      {statusOrder.map((status) => {
        const count = counts[status] ?? 0;
        return (
          <li key={status}>
            <KpiStatusBadge status={status}>{countText(count, status)}</KpiStatusBadge>
          </li>
        );
      })}
    </ul>
  );
}
