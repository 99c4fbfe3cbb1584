import { Caption1, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { OperationsReport } from '@planboard/contracts';
import { opsHref, type OpsRoute } from './opsRoute';
import { useOpsStyles } from './opsStyles';

export interface ReportsTableProps {
  label: string;
  reports: readonly OperationsReport[];
  /** The workspace being shown: a model elsewhere says which workspace it lives in. */
  workspaceId?: string;
  /** Workspace names by id, for reports listed outside their own workspace. */
  workspaceNames?: ReadonlyMap<string, string>;
  onOpen(route: OpsRoute): void;
}

function RouteLink({ route, children, onOpen }: { route: OpsRoute; children: string; onOpen(route: OpsRoute): void }) {
  return (
    <Link
      href={opsHref(route)}
      onClick={(event) => {
        event.preventDefault();
        onOpen(route);
      }}
    >
      {children}
    </Link>
  );
}

/** Reports and the model each is bound to (possibly in another workspace): the report dependencies. */
export function ReportsTable({ label, reports, workspaceId, workspaceNames, onOpen }: ReportsTableProps) {
  const s = useOpsStyles();
  if (reports.length === 0) return <Caption1 className={s.muted}>No reports.</Caption1>;
  return (
    <div className={s.scroll}>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Report</TableHeaderCell>
            {workspaceNames && <TableHeaderCell>Report workspace</TableHeaderCell>}
            <TableHeaderCell>Bound to model</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {reports.map((report) => {
            const elsewhere = report.datasetWorkspaceId && report.datasetWorkspaceId !== (workspaceId ?? report.workspaceId);
            return (
              <TableRow key={report.reportId}>
                <TableCell>{report.name}</TableCell>
                {workspaceNames && (
                  <TableCell>
                    <RouteLink route={{ view: 'workspace', workspaceId: report.workspaceId }} onOpen={onOpen}>
                      {workspaceNames.get(report.workspaceId) ?? 'Unknown workspace'}
                    </RouteLink>
                  </TableCell>
                )}
                <TableCell>
                  {report.datasetId ? (
                    <>
                      <RouteLink route={{ view: 'model', datasetId: report.datasetId }} onOpen={onOpen}>
                        {report.datasetName ?? 'A model not in the catalog'}
                      </RouteLink>
                      {elsewhere && <Caption1 className={s.muted}> in {report.datasetWorkspaceName ?? 'another workspace'}</Caption1>}
                    </>
                  ) : (
                    <Caption1 className={s.muted}>Not bound to a model</Caption1>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

export { RouteLink };
