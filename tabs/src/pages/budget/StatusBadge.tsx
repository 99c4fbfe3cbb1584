import { Badge, Caption1, makeStyles, Spinner, tokens, Tooltip } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DraftsRegular, ErrorCircleRegular, SendRegular, type FluentIcon } from '@fluentui/react-icons';
import type { PlanState, PlanStatus } from '@planboard/contracts';
import { whenText } from './people';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  detail: { color: tokens.colorNeutralForeground3 },
});

interface Look {
  label: string;
  color: 'informative' | 'warning' | 'brand' | 'success' | 'danger';
  icon?: FluentIcon;
}

/** How each plan status reads: words first, colour and icon only reinforce them. */
export const statusLooks: Record<PlanStatus, Look> = {
  draft: { label: 'Draft', color: 'informative', icon: DraftsRegular },
  submitted: { label: 'Submitted', color: 'warning', icon: SendRegular },
  refreshing: { label: 'Refreshing Power BI', color: 'brand' },
  live: { label: 'Live in Power BI', color: 'success', icon: CheckmarkCircleRegular },
  failed: { label: 'Refresh failed', color: 'danger', icon: ErrorCircleRegular },
};

/** One line about the state: who submitted or unlocked it and when, or why the refresh failed. */
export function statusDetail(state: PlanState, nameOf: (upn: string) => string): string {
  if (state.status === 'failed') return state.refreshError ?? 'The Power BI refresh failed.';
  if (state.status !== 'draft' && state.submittedBy && state.submittedAt) {
    return `Submitted by ${nameOf(state.submittedBy)} · ${whenText(state.submittedAt)}`;
  }
  if (state.status === 'draft' && state.unlockedBy && state.unlockedAt) {
    return `Unlocked by ${nameOf(state.unlockedBy)} · ${whenText(state.unlockedAt)}${state.unlockReason ? `: “${state.unlockReason}”` : ''}`;
  }
  return state.status === 'draft' ? 'Editable until the BU leader submits it' : '';
}

/** The plan's status as a badge (draft / submitted / refreshing / live / failed) with its detail. */
export function StatusBadge({ state, nameOf, compact }: { state: PlanState; nameOf: (upn: string) => string; compact?: boolean }) {
  const s = useStyles();
  const look = statusLooks[state.status];
  const Icon = look.icon;
  const detail = statusDetail(state, nameOf);
  const badge = (
    <Badge
      appearance="tint"
      color={look.color}
      shape="rounded"
      size={compact ? 'medium' : 'large'}
      icon={Icon ? <Icon /> : <Spinner size="extra-tiny" aria-hidden="true" />}
      data-testid="plan-status"
      data-status={state.status}
    >
      {look.label}
    </Badge>
  );
  if (compact)
    return detail ? (
      <Tooltip content={detail} relationship="description">
        {badge}
      </Tooltip>
    ) : (
      badge
    );
  return (
    <span className={s.root} role="status" aria-live="polite">
      {badge}
      {detail && <Caption1 className={s.detail}>{detail}</Caption1>}
    </span>
  );
}
