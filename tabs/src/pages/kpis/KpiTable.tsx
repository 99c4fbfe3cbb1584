import {
  Body1Strong,
  Button,
  Caption1,
  Link,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import type { KpiSummary } from '@planboard/contracts';
import type { KpiDepartment } from './dashboard';
import { formatValue, periodText, statusWord, targetText } from './kpiFormat';
import { KpiStatusBadge } from './KpiStatus';
import { Sparkline } from './Sparkline';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { minWidth: '760px' },
  nameCol: { width: '30%' },
  actionsCol: { width: '56px' },
  row: { cursor: 'pointer' },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'middle' },
  name: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  nameLink: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  description: {
    color: tokens.colorNeutralForeground3,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  latest: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface KpiTableProps {
  department: KpiDepartment;
  kpis: readonly KpiSummary[];
  onOpen(kpi: KpiSummary): void;
  onAddPoint(kpi: KpiSummary): void;
  onEdit(kpi: KpiSummary): void;
  onDelete(kpi: KpiSummary): void;
}

/**
 * A department's KPIs: name, latest value, target in words, status and trend. The name opens the
 * KPI's detail (so does a click anywhere on the row); the row's menu has what the caller may do.
 */
export function KpiTable({ department, kpis, onOpen, onAddPoint, onEdit, onDelete }: KpiTableProps) {
  const s = useStyles();
  const { canEdit, canManage } = department;
  const hasActions = canEdit || canManage;
  // Focus comes back here when the detail panel or a dialog this row opened closes.
  const restoreFocus = useRestoreFocusTarget();
  return (
    <div className={s.scroll}>
      <Table aria-label={`KPIs of ${department.name}`} className={s.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.nameCol}>KPI</TableHeaderCell>
            <TableHeaderCell>Latest</TableHeaderCell>
            <TableHeaderCell>Target</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Trend</TableHeaderCell>
            {hasActions && (
              <TableHeaderCell className={s.actionsCol}>
                <span className={s.srOnly}>Actions</span>
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {kpis.map((kpi) => (
            <TableRow
              key={kpi.kpiId}
              className={s.row}
              onClick={(event) => {
                // Buttons and menus in the row do their own thing.
                if (!(event.target as HTMLElement).closest('button, a, [role="menu"]')) onOpen(kpi);
              }}
              data-kpi={kpi.kpiId}
              data-status={kpi.status}
            >
              <TableCell className={s.cell}>
                <div className={s.name}>
                  <Link as="button" className={s.nameLink} onClick={() => onOpen(kpi)} data-testid="kpi-name" {...restoreFocus}>
                    {kpi.name}
                  </Link>
                  {kpi.description && <Caption1 className={s.description}>{kpi.description}</Caption1>}
                </div>
              </TableCell>
              <TableCell className={s.cell}>
                <div className={s.latest}>
                  <Body1Strong data-testid="kpi-latest">{formatValue(kpi.latest?.value, kpi.unit)}</Body1Strong>
                  <Caption1 className={s.muted}>
                    {kpi.latest ? periodText(kpi.latest.period, kpi.latest.periodStart) : 'No data yet'}
                  </Caption1>
                </div>
              </TableCell>
              <TableCell className={s.cell}>{targetText(kpi, kpi.latest?.target)}</TableCell>
              <TableCell className={s.cell}>
                <KpiStatusBadge status={kpi.status}>{statusWord(kpi, kpi.latest)}</KpiStatusBadge>
              </TableCell>
              <TableCell className={s.cell}>
                <Sparkline kpi={kpi} />
              </TableCell>
              {hasActions && (
                <TableCell className={s.cell}>
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button
                        appearance="subtle"
                        icon={<MoreHorizontalRegular />}
                        aria-label={`More actions for ${kpi.name}`}
                        {...restoreFocus}
                      />
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList>
                        {canEdit && (
                          <MenuItem icon={<AddRegular />} onClick={() => onAddPoint(kpi)}>
                            Add data point…
                          </MenuItem>
                        )}
                        {canManage && (
                          <MenuItem icon={<EditRegular />} onClick={() => onEdit(kpi)}>
                            Edit KPI…
                          </MenuItem>
                        )}
                        {canManage && (
                          <MenuItem icon={<DeleteRegular />} onClick={() => onDelete(kpi)}>
                            Delete KPI…
                          </MenuItem>
                        )}
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
