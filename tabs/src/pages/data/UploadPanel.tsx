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
import { ArrowUploadRegular } from '@fluentui/react-icons';
import type { StoreUploadPreview } from '@planboard/contracts';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { previewUpload, useLoadUpload } from './dataApi';
import { useDataStyles } from './dataStyles';
import { RejectedTable } from './RunReport';

const count = (value: number) => value.toLocaleString('en-US');

/** Upload an .xlsx/.csv: its rows and errors are shown first; "Load" sends the good rows through a run. */
export function UploadPanel({ onRunStarted }: { onRunStarted: (runId: string) => void }) {
  const s = useDataStyles();
  const input = useRef<HTMLInputElement>(null);
  const preview = useMutation({ mutationFn: previewUpload });
  const load = useLoadUpload();
  const shown: StoreUploadPreview | undefined = preview.data;
  return (
    <section className={s.panel} aria-labelledby="data-upload-heading">
      <div className={s.toolbar}>
        <Subtitle2 as="h3" id="data-upload-heading" className={s.title}>
          Upload a file
        </Subtitle2>
        <span className={s.spacer} />
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv"
          hidden
          data-testid="upload-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) {
              load.reset();
              preview.mutate(file);
            }
            event.target.value = '';
          }}
        />
        <Button icon={<ArrowUploadRegular />} disabledFocusable={preview.isPending} onClick={() => input.current?.click()}>
          {preview.isPending ? 'Checking…' : 'Choose file…'}
        </Button>
      </div>
      <Caption1 className={s.muted}>
        An .xlsx or .csv with the columns Store ID, Date, Day part, Net sales, Transactions, Labour hours. You see its rows and errors
        before anything is loaded.
      </Caption1>
      {preview.isError && <ApiErrorBar error={preview.error} />}
      {shown && (
        <div data-testid="upload-preview" className={s.column}>
          <Caption1 role="status">
            {shown.fileName}: {count(shown.rowsRead)} rows read, {count(shown.rowsValid)} can be loaded, {count(shown.rowsRejected)}{' '}
            rejected.
          </Caption1>
          {shown.sample.length > 0 && (
            <div className={s.tableWrap}>
              <Table size="small" aria-label="Rows that will be loaded (first rows)">
                <TableHeader>
                  <TableRow>
                    {['Store', 'Date', 'Day part', 'Net sales', 'Transactions', 'Labour hours'].map((label) => (
                      <TableHeaderCell key={label}>{label}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.sample.map((row) => (
                    <TableRow key={`${row.storeNumber}|${row.date}|${row.dayPart}`}>
                      <TableCell>{row.storeNumber}</TableCell>
                      <TableCell>{row.date}</TableCell>
                      <TableCell>{row.dayPart}</TableCell>
                      <TableCell>{row.netSales.toLocaleString('en-US')}</TableCell>
                      <TableCell>{row.transactions.toLocaleString('en-US')}</TableCell>
                      <TableCell>{row.labourHours.toLocaleString('en-US')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {shown.rejected.length > 0 && <RejectedTable rows={shown.rejected} label="Rows that will not be loaded" />}
          {load.isSuccess ? (
            <MessageBar intent="success">
              <MessageBarBody>Loading started; the run is shown below.</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={s.toolbar}>
              <Button
                appearance="primary"
                disabledFocusable={shown.rowsValid === 0 || load.isPending}
                onClick={() => load.mutate(shown.uploadId, { onSuccess: onRunStarted })}
              >
                Load {count(shown.rowsValid)} rows
              </Button>
            </div>
          )}
          {load.isError && <ApiErrorBar error={load.error} />}
        </div>
      )}
    </section>
  );
}
