import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { GrantLevel } from '@planboard/contracts';

const colors: Record<GrantLevel, BadgeProps['color']> = { read: 'informative', edit: 'brand', approve: 'success', admin: 'danger' };

export const levelLabels: Record<GrantLevel, string> = { read: 'Read', edit: 'Edit', approve: 'Approve', admin: 'Admin' };

/** What each level allows (each includes the ones before it). */
export const levelDescriptions: Record<GrantLevel, string> = {
  read: 'See budgets, KPIs and reports',
  edit: 'Read, and change budget lines and KPI values',
  approve: 'Edit, and submit and approve plans',
  admin: 'Approve, and manage who has access',
};

/** A grant level as a coloured badge; the text carries the meaning, colour only reinforces it. */
export function LevelBadge({ level, size = 'medium' }: { level: GrantLevel; size?: BadgeProps['size'] }) {
  return (
    <Badge appearance="tint" color={colors[level]} shape="rounded" size={size} data-level={level}>
      {levelLabels[level]}
    </Badge>
  );
}
