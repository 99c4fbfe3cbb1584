import { reportsPage } from '../../shell/pageCatalog';
import { useEffect, useSyncExternalStore } from 'react';
import { PageLayout } from '../../shell/PageLayout';
import { parseHash } from '../../shell/useHashRoute';
import { useHost } from '../../teams/HostProvider';
import { initialReportId, reportHref, reportIdFromRoute } from './deepLink';
import { ReportList } from './ReportList';
import { useReports } from './reportsApi';
import { ReportViewer } from './ReportViewer';

const { title, subtitle } = reportsPage;

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const currentHash = () => window.location.hash;

/** A Teams deep link's sub-entity opens its report once per page load; afterwards the URL decides. */
let subPageUsed = false;

/** The report the URL (`#/reports/<id>`) names, after applying a Teams deep link's sub-entity id. */
function useReportRoute(): string | undefined {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const { info } = useHost();
  useEffect(() => {
    if (!info.subPageId || subPageUsed) return;
    const rest = parseHash(hash).rest;
    const fromTeams = initialReportId(rest, info.subPageId, subPageUsed);
    subPageUsed = true;
    // Put the report in the URL (replacing, not adding, a history entry) so Back returns to the list.
    if (fromTeams && !reportIdFromRoute(rest)) window.location.replace(reportHref(fromTeams));
  }, [hash, info.subPageId]);
  return reportIdFromRoute(parseHash(hash).rest);
}

/** "Reports": the caller's Power BI reports; `#/reports/<reportId>` (or a Teams deep link) opens one. */
export function ReportsPage() {
  const reportId = useReportRoute();
  const reports = useReports();
  const name = reports.data?.reports.find((report) => report.id.toLowerCase() === reportId)?.name;
  return (
    <PageLayout title={title} subtitle={subtitle}>
      {reportId ? <ReportViewer key={reportId} reportId={reportId} name={name} /> : <ReportList />}
    </PageLayout>
  );
}
