import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { kpiImportColumns, type KpiImportResult } from '@planboard/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { useLastDefined } from '../../shell/useLastDefined';
import type { KpiDepartment } from './dashboard';
import { formatNumber } from './kpiFormat';
import { todayIso } from './kpiForms';
import {
  importAccept,
  importFileKind,
  importProblems,
  importTemplateCsv,
  jsonImportBody,
  resultProblems,
  type ImportProblem,
} from './kpiImport';
import type { ImportUpload } from './kpisApi';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(860px, calc(100vw - 32px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { maxHeight: '40vh', overflowY: 'auto' },
  problems: { tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  // With an automatic layout, the other columns shrink to their content.
  problemCol: { width: '100%' },
  heading: { margin: 0 },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const shownRows = 200;
const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : `${formatNumber(Math.ceil(bytes / 1024))} KB`);

export interface ImportPointsDialogProps {
  /** The department to import into; the dialog is open while set. */
  department: KpiDepartment | null;
  pending: boolean;
  result: KpiImportResult | undefined;
  error: unknown;
  onImport(upload: ImportUpload): void;
  /** Forgets the last attempt (a new file was chosen). */
  onReset(): void;
  onClose(): void;
}

/** Bulk import of data points from a .csv, .xlsx or .json file: how many were imported, or every row that cannot be. */
export function ImportPointsDialog({ department, pending, result, error, onImport, onReset, onClose }: ImportPointsDialogProps) {
  const s = useStyles();
  const shown = useLastDefined(department);
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  useEffect(() => {
    if (!department) return;
    setFile(null);
    setFileError(null);
  }, [department]);
  const problems: ImportProblem[] = useMemo(() => (result ? resultProblems(result.errors) : importProblems(error)), [result, error]);
  const withColumns = problems.some((problem) => problem.column);
  const template = useMemo(
    () => (shown ? URL.createObjectURL(new Blob([importTemplateCsv(shown.kpis, todayIso())], { type: 'text/csv' })) : undefined),
    [shown],
  );
  useEffect(() => () => (template ? URL.revokeObjectURL(template) : undefined), [template]);

  const start = async () => {
    if (!file) return;
    const kind = importFileKind(file);
    if (!kind) return setFileError('Choose a .csv, .xlsx or .json file.');
    if (kind !== 'json') return onImport({ kind, file });
    const body = jsonImportBody(await file.text());
    if (!body.ok) return setFileError(body.reason);
    onImport({ kind: 'json', body: body.body });
  };

  const done = result && result.errors.length === 0;
  return (
    <Dialog open={department !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={s.surface} aria-describedby={undefined} data-testid="kpi-import">
        <DialogBody>
          <DialogTitle>Import data points into {shown?.name}</DialogTitle>
          <DialogContent className={s.content}>
            <Body1>
              One row per data point with the columns {Object.values(kpiImportColumns).join(', ')}. All rows are checked first: if any
              cannot be imported, nothing is, and every problem is listed. A period that already has a value is replaced.
            </Body1>
            {template && (
              <div>
                <Button
                  as="a"
                  appearance="transparent"
                  size="small"
                  icon={<ArrowDownloadRegular />}
                  href={template}
                  download={`${shown?.departmentId ?? 'kpi'}-import-template.csv`}
                >
                  Download a template for {shown?.name} (.csv)
                </Button>
              </div>
            )}
            <div className={s.file}>
              <input
                ref={inputRef}
                type="file"
                accept={importAccept}
                hidden
                data-testid="import-file"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileError(null);
                  onReset();
                  event.target.value = '';
                }}
              />
              <Button icon={<DocumentArrowUpRegular />} disabledFocusable={pending} onClick={() => inputRef.current?.click()}>
                {file ? 'Choose another file…' : 'Choose a file…'}
              </Button>
              <Body1 className={file ? undefined : s.muted} data-testid="import-file-name">
                {file ? `${file.name} (${sizeText(file.size)})` : 'A .csv, .xlsx or .json file'}
              </Body1>
            </div>
            {fileError && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{fileError}</MessageBarBody>
              </MessageBar>
            )}
            <div role="status" aria-live="polite">
              {pending && <Spinner size="small" label={`Importing ${file?.name ?? ''}…`} />}
              {done && (
                <MessageBar intent="success" data-testid="import-done">
                  <MessageBarBody>
                    <MessageBarTitle>Imported</MessageBarTitle>
                    {result.imported === 1 ? '1 data point' : `${formatNumber(result.imported)} data points`} from {file?.name}.
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
            {error && problems.length === 0 ? <ApiErrorBar error={error} /> : null}
            {problems.length > 0 && (
              <>
                <MessageBar intent="error">
                  <MessageBarBody>
                    <MessageBarTitle>Nothing was imported</MessageBarTitle>
                    {problems.length === 1 ? '1 problem' : `${formatNumber(problems.length)} problems`} in {file?.name}. Fix the rows below
                    and import the file again.
                  </MessageBarBody>
                </MessageBar>
                <Subtitle2 as="h3" className={s.heading}>
                  Rows that cannot be imported
                </Subtitle2>
                <div className={s.scroll}>
                  <Table size="extra-small" className={s.problems} aria-label="Rows that cannot be imported" data-testid="import-problems">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell className={s.nowrap}>Row</TableHeaderCell>
                        <TableHeaderCell className={s.nowrap}>KPI</TableHeaderCell>
                        {withColumns && <TableHeaderCell className={s.nowrap}>Column</TableHeaderCell>}
                        <TableHeaderCell className={s.problemCol}>Problem</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {problems.slice(0, shownRows).map((problem, index) => (
                        <TableRow key={`${problem.row}-${index}`}>
                          <TableCell className={s.nowrap}>{problem.row ?? 'File'}</TableCell>
                          <TableCell className={s.nowrap}>{problem.kpiId ?? '—'}</TableCell>
                          {withColumns && <TableCell className={s.nowrap}>{problem.column ?? '—'}</TableCell>}
                          <TableCell>{problem.message}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                  {problems.length > shownRows && (
                    <Caption1 className={s.muted}>…and {formatNumber(problems.length - shownRows)} more.</Caption1>
                  )}
                </div>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {done ? 'Close' : 'Cancel'}
            </Button>
            <Button
              appearance="primary"
              onClick={() => void start()}
              disabled={!file}
              disabledFocusable={pending || done}
              icon={pending ? <Spinner size="tiny" /> : undefined}
            >
              {pending ? 'Importing…' : 'Import'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
