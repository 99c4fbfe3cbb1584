import { Body1, Button, Caption1, Card, CardFooter, CardHeader, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { BuildingRetailRegular, ChartMultipleRegular, DataBarVerticalRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import type { ReportSummary, ScopeType } from '@planboard/contracts';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { EmptyState } from '../../shell/EmptyState';
import { reportHref } from './deepLink';
import { useReports } from './reportsApi';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  card: { height: '100%' },
  title: { margin: 0 },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
  description: { color: tokens.colorNeutralForeground2, flexGrow: 1 },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Which grants decide what a report shows, in words for its card. */
const filteredBy: Record<ScopeType, { label: string; Icon: typeof ChartMultipleRegular }> = {
  businessUnit: { label: 'Shows your business units', Icon: DataBarVerticalRegular },
  store: { label: 'Shows your stores', Icon: BuildingRetailRegular },
  department: { label: 'Shows your departments', Icon: PeopleTeamRegular },
};

function ReportCard({ report }: { report: ReportSummary }) {
  const s = useStyles();
  const { label, Icon } = filteredBy[report.scopeType];
  const headingId = `report-card-${report.id}`;
  return (
    <Card className={s.card} aria-labelledby={headingId} data-testid="report-card">
      <CardHeader
        image={<Icon className={s.icon} aria-hidden />}
        header={
          <Text as="h2" weight="semibold" size={400} id={headingId} className={s.title}>
            {report.name}
          </Text>
        }
        description={<Caption1 className={s.meta}>{label}</Caption1>}
      />
      <Body1 className={s.description}>{report.description}</Body1>
      {report.workspaceName && <Caption1 className={s.meta}>Power BI workspace: {report.workspaceName}</Caption1>}
      <CardFooter>
        <Button as="a" appearance="primary" href={reportHref(report.id)} aria-describedby={headingId}>
          Open report
        </Button>
      </CardFooter>
    </Card>
  );
}

/** The caller's reports as cards (each opens at `#/reports/<id>`), or why there are none. */
export function ReportList() {
  const s = useStyles();
  const reports = useReports();
  if (reports.isPending) return <Spinner label="Loading your reports…" />;
  if (reports.isError) return <ApiErrorBar error={reports.error} onRetry={() => void reports.refetch()} retrying={reports.isFetching} />;
  if (reports.data.reports.length === 0) {
    return (
      <EmptyState
        icon={ChartMultipleRegular}
        title="No reports for you yet"
        description="Reports show the business units, stores or departments you have access to. Ask a Planboard admin to grant you access."
      />
    );
  }
  return (
    <ul className={s.grid} aria-label="Your reports">
      {reports.data.reports.map((report) => (
        <li key={report.id}>
          <ReportCard report={report} />
        </li>
      ))}
    </ul>
  );
}
