import { Caption1, makeStyles, SearchBox, Toolbar, ToolbarRadioButton, ToolbarRadioGroup, tokens } from '@fluentui/react-components';
import type { KpiStatus } from '@planboard/contracts';
import type { StatusFilter } from './dashboard';
import { statusLabels, statusOrder } from './kpiFormat';
import { statusIcons } from './KpiStatus';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  search: { width: '280px', maxWidth: '100%' },
  toolbar: { flexWrap: 'wrap', padding: 0, maxWidth: '100%' },
  group: { display: 'flex', flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS, '& button': { whiteSpace: 'nowrap' } },
  count: { color: tokens.colorNeutralForeground3 },
});

export interface KpiFiltersProps {
  status: StatusFilter;
  search: string;
  /** KPIs per status over all departments, and in all. */
  counts: Record<KpiStatus, number> & { all: number };
  /** KPIs shown after filtering. */
  shown: number;
  onStatusChange(status: StatusFilter): void;
  onSearchChange(search: string): void;
}

/** Search by name and a status filter (a radio toolbar: one tab stop, arrow keys choose), with how many are shown. */
export function KpiFilters({ status, search, counts, shown, onStatusChange, onSearchChange }: KpiFiltersProps) {
  const s = useStyles();
  const options: StatusFilter[] = ['all', ...statusOrder];
  return (
    <div className={s.root}>
      <SearchBox
        className={s.search}
        placeholder="Filter KPIs by name"
        aria-label="Filter KPIs by name"
        value={search}
        onChange={(_, data) => onSearchChange(data.value)}
      />
      <Toolbar
        aria-label="Show KPIs by status"
        className={s.toolbar}
        checkedValues={{ status: [status] }}
        onCheckedValueChange={(_, data) => {
          const next = data.checkedItems[0] as StatusFilter | undefined;
          if (next) onStatusChange(next);
        }}
        data-testid="status-filter"
      >
        <ToolbarRadioGroup className={s.group}>
          {options.map((option) => {
            const Icon = option === 'all' ? undefined : statusIcons[option];
            return (
              <ToolbarRadioButton key={option} name="status" value={option} appearance="subtle" icon={Icon ? <Icon /> : undefined}>
                {option === 'all' ? 'All' : statusLabels[option]} ({counts[option]})
              </ToolbarRadioButton>
            );
          })}
        </ToolbarRadioGroup>
      </Toolbar>
      <Caption1 className={s.count} aria-live="polite">
        {shown === counts.all ? `${counts.all === 1 ? '1 KPI' : `${counts.all} KPIs`}` : `${shown} of ${counts.all} KPIs`}
      </Caption1>
    </div>
  );
}
