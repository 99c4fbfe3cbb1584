import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { StoreRunReport } from '@planboard/contracts';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { downloadRejected } from './dataApi';
import { useDataStyles } from './dataStyles';
import { actionLabels, formatDuration, formatWhen, refreshText, stateLabels, triggerLabels } from './dataText';

/** A run's data-quality report: each file's rows read / loaded / rejected / removed, then the rejected rows and why. */
export function RunReport({ report }: { report: StoreRunReport }) {
  const s = useDataStyles();
  const { run } = report;
  const [downloadError, setDownloadError] = useState<unknown>(null);
  return (
    <section className={s.panel} aria-labelledby="data-report-heading" data-testid="run-report">
      <Subtitle2 as="h3" id="data-report-heading" className={s.title}>
        Run of {formatWhen(run.queuedAt)} — {stateLabels[run.state]}
      </Subtitle2>
      <Caption1 className={s.muted}>
        {triggerLabels[run.trigger]} by {run.requestedBy} · {run.sources.join(' · ')} · {formatDuration(run.durationMs)} ·{' '}
        {refreshText(run)}
        {run.storesSynced > 0 ? ` · ${run.storesSynced} stores updated from Dataverse` : ''}
      </Caption1>
      {run.error && (
        <MessageBar intent={run.state === 'failed' ? 'error' : 'warning'}>
          <MessageBarBody>{run.error}</MessageBarBody>
        </MessageBar>
      )}
      {run.files.length === 0 ? (
        <Caption1>No new, changed or deleted files.</Caption1>
      ) : (
        <div className={s.tableWrap}>
          <Table size="small" aria-label="Files of this run">
            <TableHeader>
              <TableRow>
                {['File', 'What happened', 'Rows read', 'Loaded', 'Unchanged', 'Rejected', 'Removed'].map((label) => (
                  <TableHeaderCell key={label}>{label}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.files.map((file) => (
                <TableRow key={file.name}>
                  <TableCell>{file.name}</TableCell>
                  <TableCell>
                    {actionLabels[file.action]}
                    {file.error ? `: ${file.error}` : ''}
                  </TableCell>
                  <TableCell>{file.rowsRead.toLocaleString('en-US')}</TableCell>
                  <TableCell>{file.rowsLoaded.toLocaleString('en-US')}</TableCell>
                  <TableCell>{file.rowsUnchanged.toLocaleString('en-US')}</TableCell>
                  <TableCell>{file.rowsRejected.toLocaleString('en-US')}</TableCell>
                  <TableCell>{file.rowsRemoved.toLocaleString('en-US')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {report.rejected.length > 0 && (
        <>
          <div className={s.toolbar}>
            <Subtitle2 as="h4" className={s.title}>
              Rejected rows ({run.totals.rowsRejected.toLocaleString('en-US')})
            </Subtitle2>
            <span className={s.spacer} />
            <Button
              icon={<ArrowDownloadRegular />}
              onClick={() => {
                setDownloadError(null);
                downloadRejected(run.runId).catch(setDownloadError);
              }}
            >
              Download rejected rows (.xlsx)
            </Button>
          </div>
          {downloadError ? <ApiErrorBar error={downloadError} /> : null}
          <RejectedTable rows={report.rejected} label="Rejected rows of this run" />
          {report.rejectedTruncated && <Caption1>Only the first rows are listed; the download has all of them.</Caption1>}
        </>
      )}
    </section>
  );
}

export function RejectedTable({ rows, label }: { rows: StoreRunReport['rejected']; label: string }) {
  const s = useDataStyles();
  return (
    <div className={s.tableWrap}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>File</TableHeaderCell>
            <TableHeaderCell>Row</TableHeaderCell>
            <TableHeaderCell>Why it was rejected</TableHeaderCell>
            <TableHeaderCell>Cells</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.file}:${row.rowNumber}`}>
              <TableCell>{row.file}</TableCell>
              <TableCell>{row.rowNumber}</TableCell>
              <TableCell>{row.reasons.join(' ')}</TableCell>
              <TableCell>{row.values.join(' | ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
