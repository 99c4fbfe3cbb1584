import {
  Body1,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  ProgressBar,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, DismissRegular, EditRegular } from '@fluentui/react-icons';
import type { KpiSummary } from '@planboard/contracts';
import type { ReactNode } from 'react';
import { useMe } from '../../auth/useMe';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { useLastDefined } from '../../shell/useLastDefined';
import type { KpiDepartment } from './dashboard';
import { formatValue, gapText, periodText, statusWord, targetText, targetTypeLabels, thresholdText } from './kpiFormat';
import { KpiChart } from './KpiChart';
import { useKpiDetail, type KpiDetailWithTag } from './kpisApi';
import { KpiStatusBadge } from './KpiStatus';
import { PointsTable } from './PointsTable';

const useStyles = makeStyles({
  drawer: { width: 'min(960px, 100vw)' },
  subtitle: { color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  progress: { minHeight: '2px' },
});

export interface KpiDetailDrawerProps {
  /** The KPI to show (from the dashboard); the drawer is open while set. */
  target: { department: KpiDepartment; kpi: KpiSummary } | null;
  onClose(): void;
  onAddPoint(department: KpiDepartment, kpi: KpiSummary): void;
  onEdit(department: KpiDepartment, kpi: KpiSummary, detail: KpiDetailWithTag | undefined): void;
  onDelete(department: KpiDepartment, kpi: KpiSummary, detail: KpiDetailWithTag | undefined): void;
  /**
   * Dialogs opened from the drawer. They must render inside it: Fluent then treats them as nested
   * in the drawer's modal, and gives the drawer back to assistive technology when they close.
   */
  children?: ReactNode;
}

/** One KPI in detail: latest value, target and status, the chart of all its points, and the points themselves. */
export function KpiDetailDrawer({ target, onClose, onAddPoint, onEdit, onDelete, children }: KpiDetailDrawerProps) {
  const s = useStyles();
  const shown = useLastDefined(target);
  const me = useMe();
  const restoreFocus = useRestoreFocusTarget();
  const detail = useKpiDetail(target?.department.departmentId, target?.kpi.kpiId);
  if (!shown) return null;
  const { department } = shown;
  // The dashboard's summary shows at once; the detail (all points) replaces it when it arrives.
  const kpi = detail.data?.kpi ?? shown.kpi;
  const points = detail.data?.points ?? [];
  const latest = kpi.latest;
  const gap = latest && gapText(kpi, latest);
  return (
    <OverlayDrawer
      position="end"
      size="large"
      className={s.drawer}
      open={target !== null}
      onOpenChange={(_, data) => !data.open && onClose()}
      aria-label={`KPI ${kpi.name}`}
      data-testid="kpi-detail"
    >
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>
          {kpi.name}
        </DrawerHeaderTitle>
        <Caption1 className={s.subtitle}>
          {department.name} · {targetTypeLabels[kpi.targetType]}
          {kpi.unit ? ` · in ${kpi.unit}` : ''}
        </Caption1>
      </DrawerHeader>
      <DrawerBody className={s.body}>
        <div className={s.progress}>{detail.isFetching && !detail.isPending && <ProgressBar aria-label="Updating the KPI" />}</div>
        <dl className={s.facts}>
          <div className={s.fact}>
            <dt className={s.term}>Status</dt>
            <dd className={s.value}>
              <KpiStatusBadge status={kpi.status} size="large">
                {statusWord(kpi, latest)}
              </KpiStatusBadge>
              {gap && gap !== 'Target met' && <Caption1 data-testid="detail-gap">{gap}</Caption1>}
            </dd>
          </div>
          <div className={s.fact}>
            <dt className={s.term}>Latest{latest ? ` · ${periodText(latest.period, latest.periodStart)}` : ''}</dt>
            <dd className={s.value}>
              <Title3 data-testid="detail-latest">{formatValue(latest?.value, kpi.unit)}</Title3>
            </dd>
          </div>
          <div className={s.fact}>
            <dt className={s.term}>Target</dt>
            <dd className={s.value}>
              <Body1>{targetText(kpi, latest?.target)}</Body1>
            </dd>
          </div>
        </dl>
        {kpi.description && <Body1>{kpi.description}</Body1>}
        <Caption1 className={s.muted}>{thresholdText(kpi)}</Caption1>
        {(department.canEdit || department.canManage) && (
          <div className={s.actions}>
            {department.canEdit && (
              <Button appearance="primary" icon={<AddRegular />} onClick={() => onAddPoint(department, kpi)} {...restoreFocus}>
                Add data point
              </Button>
            )}
            {department.canManage && (
              <Button icon={<EditRegular />} onClick={() => onEdit(department, kpi, detail.data)} {...restoreFocus}>
                Edit KPI…
              </Button>
            )}
            {department.canManage && (
              <Button icon={<DeleteRegular />} onClick={() => onDelete(department, kpi, detail.data)} {...restoreFocus}>
                Delete…
              </Button>
            )}
          </div>
        )}
        {detail.isPending ? (
          <Spinner label="Loading the data points…" />
        ) : detail.isError ? (
          <ApiErrorBar error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
        ) : points.length === 0 ? (
          <Body1 className={s.muted}>No data points yet.{department.canEdit ? ' Add the first with “Add data point”.' : ''}</Body1>
        ) : (
          <>
            <section className={s.section} aria-label="Trend">
              <Subtitle2 as="h3" className={s.heading}>
                Trend
              </Subtitle2>
              {/* A new point starts the keyboard cursor on the newest again. */}
              <KpiChart key={points.length} kpi={kpi} points={[...points].reverse()} />
            </section>
            <section className={s.section} aria-label="Data points">
              <Subtitle2 as="h3" className={s.heading}>
                Data points
              </Subtitle2>
              <PointsTable kpi={kpi} points={points} me={me.data?.user} />
            </section>
          </>
        )}
        {children}
      </DrawerBody>
    </OverlayDrawer>
  );
}
