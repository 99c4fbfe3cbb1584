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
import type { ImportPreview } from '@planboard/contracts';
import { fieldLabels, valueText } from '../../grid/cells';
import { ApiErrorBar } from '../../shell/ApiErrorBar';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(900px, calc(100vw - 32px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { maxHeight: '36vh', overflowY: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  arrow: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalXS}` },
});

const shownRows = 200;
const text = valueText;

/** The import in progress: the file, its preview, and applying it. */
export interface ImportDialogProps {
  open: boolean;
  fileName: string;
  preview: ImportPreview | undefined;
  previewPending: boolean;
  previewError: unknown;
  applyPending: boolean;
  applyError: unknown;
  /** Unsaved cells in the grid (not part of the import). */
  unsaved: number;
  lineText(lineId: string): string;
  onApply(): void;
  onClose(): void;
}

/** What an imported file would change (cell by cell) and which rows cannot be imported, before anything is written. */
export function ImportDialog(props: ImportDialogProps) {
  const { open, fileName, preview, previewPending, previewError, applyPending, applyError, unsaved, lineText, onApply, onClose } = props;
  const s = useStyles();
  const changes = preview?.changes ?? [];
  const errors = preview?.errors ?? [];
  const ignored = preview?.ignored ?? [];
  const ignoredCount = preview?.ignoredCount ?? 0;
  const lines = new Set(changes.map((change) => change.lineId)).size;
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={s.surface} data-testid="import-dialog">
        <DialogBody>
          <DialogTitle>Import {fileName}</DialogTitle>
          <DialogContent className={s.content}>
            {previewPending && <Spinner label="Reading the file…" />}
            {previewError ? <ApiErrorBar error={previewError} /> : null}
            {applyError ? <ApiErrorBar error={applyError} /> : null}
            {preview && (
              <>
                <div role="status" data-testid="import-summary">
                  {changes.length === 0 ? (
                    <MessageBar intent={errors.length || ignoredCount ? 'warning' : 'success'}>
                      <MessageBarBody>
                        No changes: the file matches the plan
                        {errors.length ? ', apart from the rows below that cannot be imported' : ''}
                        {ignoredCount ? `${errors.length ? ' and' : ', apart from'} the read-only cells below, which are ignored` : ''}.
                      </MessageBarBody>
                    </MessageBar>
                  ) : (
                    <Body1>
                      {changes.length === 1 ? '1 cell' : `${changes.length} cells`} in {lines === 1 ? '1 line' : `${lines} lines`} would
                      change; {preview.unchangedRows} of {preview.fileRows} rows are unchanged.
                    </Body1>
                  )}
                </div>
                {unsaved > 0 && (
                  <Caption1 className={s.muted}>Your {unsaved} unsaved changes in the grid are not part of this import.</Caption1>
                )}
                {changes.length > 0 && (
                  <div className={s.scroll}>
                    <Table aria-label="Changes in the file" size="extra-small">
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell>Line</TableHeaderCell>
                          <TableHeaderCell>Column</TableHeaderCell>
                          <TableHeaderCell>Change</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {changes.slice(0, shownRows).map((change) => (
                          <TableRow key={`${change.lineId}|${change.field}`}>
                            <TableCell>{lineText(change.lineId)}</TableCell>
                            <TableCell>{fieldLabels[change.field]}</TableCell>
                            <TableCell>
                              {text(change.old)}
                              <span className={s.arrow} aria-label="to">
                                →
                              </span>
                              {text(change.new)}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                    {changes.length > shownRows && <Caption1 className={s.muted}>…and {changes.length - shownRows} more.</Caption1>}
                  </div>
                )}
                {errors.length > 0 && (
                  <>
                    <Subtitle2 as="h3">
                      {errors.length === 1 ? '1 row cannot be imported' : `${errors.length} rows cannot be imported`}
                    </Subtitle2>
                    <ul className={s.scroll} data-testid="import-errors">
                      {errors.slice(0, shownRows).map((error, index) => (
                        <li key={`${error.row}-${index}`}>
                          Row {error.row}
                          {error.column ? `, ${error.column}` : ''}: {error.message}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {ignoredCount > 0 && (
                  <>
                    <Subtitle2 as="h3">
                      {ignoredCount === 1 ? '1 cell ignored: read-only' : `${ignoredCount} cells ignored: read-only`}
                    </Subtitle2>
                    <Caption1 className={s.muted}>These columns cannot be changed here; the plan keeps its values.</Caption1>
                    <ul className={s.scroll} data-testid="import-ignored">
                      {ignored.slice(0, shownRows).map((cell) => (
                        <li key={`${cell.row}-${cell.column}`}>
                          Row {cell.row}, {cell.column}: ignored: read-only — the file has {text(cell.value)}, the plan keeps{' '}
                          {text(cell.kept)}
                        </li>
                      ))}
                    </ul>
                    {ignoredCount > Math.min(ignored.length, shownRows) && (
                      <Caption1 className={s.muted}>…and {ignoredCount - Math.min(ignored.length, shownRows)} more.</Caption1>
                    )}
                  </>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {changes.length ? 'Cancel' : 'Close'}
            </Button>
            {changes.length > 0 && (
              <Button
                appearance="primary"
                onClick={onApply}
                disabledFocusable={applyPending}
                icon={applyPending ? <Spinner size="tiny" /> : undefined}
              >
                Apply {changes.length === 1 ? '1 change' : `${changes.length} changes`}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
