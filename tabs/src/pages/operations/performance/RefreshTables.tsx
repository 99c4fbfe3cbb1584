import { Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { PerformanceReport } from '@planboard/contracts';
import { useId, type ReactNode } from 'react';
import { RouteLink } from '../ReportsTable';
import { dateTimeText, durationText, refreshTypeLabel } from '../opsFormat';
import type { OpsRoute } from '../opsRoute';
import { useOpsStyles } from '../opsStyles';
import { percentText } from './performanceData';

type Open = (route: OpsRoute) => void;

function Panel({ title, note, empty, children }: { title: string; note?: string; empty: string | false; children: ReactNode }) {
  const s = useOpsStyles();
  const id = useId();
  return (
    <section className={s.panel} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} className={s.sectionTitle}>
        {title}
      </Subtitle2>
      {note && <Caption1 className={s.muted}>{note}</Caption1>}
      {empty ? <Caption1 className={s.muted}>{empty}</Caption1> : <div className={s.scroll}>{children}</div>}
    </section>
  );
}

function Model({ row, onOpen }: { row: { datasetId: string; modelName: string; workspaceName: string }; onOpen: Open }) {
  const s = useOpsStyles();
  return (
    <>
      <RouteLink route={{ view: 'model', datasetId: row.datasetId }} onOpen={onOpen}>
        {row.modelName}
      </RouteLink>
      <Caption1 className={s.muted}> in {row.workspaceName}</Caption1>
    </>
  );
}

export function SlowestTable({ report, onOpen }: { report: PerformanceReport; onOpen: Open }) {
  return (
    <Panel
      title="Slowest refreshes"
      note="Typical: the median of the model’s latest 30 completed refreshes."
      empty={report.slowest.length === 0 && 'No completed refreshes in this window.'}
    >
      <Table size="small" aria-label="Slowest refreshes">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Model</TableHeaderCell>
            <TableHeaderCell>Environment</TableHeaderCell>
            <TableHeaderCell>Started</TableHeaderCell>
            <TableHeaderCell>Type</TableHeaderCell>
            <TableHeaderCell>Duration</TableHeaderCell>
            <TableHeaderCell>Typical</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.slowest.map((row) => (
            <TableRow key={`${row.datasetId}|${row.requestId}`}>
              <TableCell>
                <Model row={row} onOpen={onOpen} />
              </TableCell>
              <TableCell>{row.environment}</TableCell>
              <TableCell>{dateTimeText(row.startTime)}</TableCell>
              <TableCell>{refreshTypeLabel(row.refreshType)}</TableCell>
              <TableCell>{durationText(row.durationMs)}</TableCell>
              <TableCell>{durationText(row.typicalMs)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}

export function OutliersTable({ report, onOpen }: { report: PerformanceReport; onOpen: Open }) {
  return (
    <Panel
      title="Outliers"
      note={report.outlierRule}
      empty={report.outliers.length === 0 && 'No refresh in this window was far above its model’s norm.'}
    >
      <Table size="small" aria-label="Outliers">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Model</TableHeaderCell>
            <TableHeaderCell>Environment</TableHeaderCell>
            <TableHeaderCell>Started</TableHeaderCell>
            <TableHeaderCell>Duration</TableHeaderCell>
            <TableHeaderCell>Median before</TableHeaderCell>
            <TableHeaderCell>Times the median</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.outliers.map((row) => (
            <TableRow key={`${row.datasetId}|${row.requestId}`}>
              <TableCell>
                <Model row={row} onOpen={onOpen} />
              </TableCell>
              <TableCell>{row.environment}</TableCell>
              <TableCell>{dateTimeText(row.startTime)}</TableCell>
              <TableCell>{durationText(row.durationMs)}</TableCell>
              <TableCell>{durationText(row.medianMs)}</TableCell>
              <TableCell>{`${Math.round(row.ratio * 10) / 10} ×`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}

export function FailedTables({ report, onOpen }: { report: PerformanceReport; onOpen: Open }) {
  const s = useOpsStyles();
  const { failed } = report;
  return (
    <>
      <Panel title="Failed refreshes" empty={failed.recent.length === 0 && 'No failed refreshes in this window.'}>
        <Table size="small" aria-label="Failed refreshes">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Model</TableHeaderCell>
              <TableHeaderCell>Environment</TableHeaderCell>
              <TableHeaderCell>Started</TableHeaderCell>
              <TableHeaderCell>Error</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {failed.recent.map((row) => (
              <TableRow key={`${row.datasetId}|${row.requestId}`}>
                <TableCell>
                  <Model row={row} onOpen={onOpen} />
                </TableCell>
                <TableCell>{row.environment}</TableCell>
                <TableCell>{dateTimeText(row.startTime)}</TableCell>
                <TableCell>
                  {row.errorCode ?? 'No error code'}
                  {row.errorDescription && <Caption1 className={s.muted}> — {row.errorDescription}</Caption1>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Panel>
      <div className={s.twoColumns}>
        <Panel title="Failure rate" empty={failed.byEnvironment.length === 0 && 'No refreshes in this window.'}>
          <Table size="small" aria-label="Failure rate per environment and model">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Environment or model</TableHeaderCell>
                <TableHeaderCell>Refreshes</TableHeaderCell>
                <TableHeaderCell>Failed</TableHeaderCell>
                <TableHeaderCell>Rate</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...failed.byEnvironment, ...failed.byModel.filter((rate) => rate.failed > 0)].map((rate, index) => (
                <TableRow key={`${index < failed.byEnvironment.length ? 'env' : 'model'}|${rate.key}`}>
                  <TableCell>{index < failed.byEnvironment.length ? <strong>{rate.label}</strong> : rate.label}</TableCell>
                  <TableCell>{rate.refreshes}</TableCell>
                  <TableCell>{rate.failed}</TableCell>
                  <TableCell>{percentText(rate.rate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Panel>
        <Panel title="Most common errors" empty={failed.codes.length === 0 && 'No errors in this window.'}>
          <Table size="small" aria-label="Most common error codes">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Error code</TableHeaderCell>
                <TableHeaderCell>Failures</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {failed.codes.map((code) => (
                <TableRow key={code.errorCode}>
                  <TableCell>{code.errorCode}</TableCell>
                  <TableCell>{code.count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Panel>
      </div>
    </>
  );
}

export function StartDelayTable({ report }: { report: PerformanceReport }) {
  return (
    <Panel
      title="Start delay of scheduled refreshes"
      note="How long after its schedule slot a scheduled refresh started: a sign of an overloaded capacity that no refresh status shows."
      empty={report.startDelay.length === 0 && 'No scheduled refreshes in this window.'}
    >
      <Table size="small" aria-label="Start delay per capacity">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Capacity</TableHeaderCell>
            <TableHeaderCell>Scheduled refreshes</TableHeaderCell>
            <TableHeaderCell>Median delay</TableHeaderCell>
            <TableHeaderCell>95th percentile</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.startDelay.map((row) => (
            <TableRow key={row.capacityId}>
              <TableCell>{row.capacityName}</TableCell>
              <TableCell>{row.scheduled}</TableCell>
              <TableCell>{durationText(row.p50Ms)}</TableCell>
              <TableCell>{durationText(row.p95Ms)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
