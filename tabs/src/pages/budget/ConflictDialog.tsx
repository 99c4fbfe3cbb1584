import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { CellConflict } from '@planboard/contracts';
import { fieldLabels, valueText } from '../../grid/cells';
import { whenText } from './people';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(960px, calc(100vw - 32px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { maxHeight: '50vh', overflowY: 'auto' },
  mine: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The conflicts of the last save and how each is settled. */
export interface ConflictDialogProps {
  open: boolean;
  conflicts: readonly CellConflict[];
  /** "Coffee · Norway · Q1" for a line id. */
  lineText(lineId: string): string;
  nameOf(upn: string): string;
  onResolve(conflict: CellConflict, choice: 'mine' | 'theirs'): void;
  onResolveAll(choice: 'mine' | 'theirs'): void;
  /** Decide later: the cells stay marked as conflicts in the grid. */
  onClose(): void;
}

/** Each cell someone else saved while you edited it: both values, who and when; keep mine or take theirs. */
export function ConflictDialog({ open, conflicts, lineText, nameOf, onResolve, onResolveAll, onClose }: ConflictDialogProps) {
  const s = useStyles();
  const count = conflicts.length;
  return (
    <Dialog open={open && count > 0} modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={s.surface} data-testid="conflict-dialog">
        <DialogBody>
          <DialogTitle>
            {count === 1 ? 'Someone else changed a cell you edited' : `Someone else changed ${count} cells you edited`}
          </DialogTitle>
          <DialogContent className={s.content}>
            <Body1>
              Your other changes were saved. For each cell below, keep your value (it replaces theirs) or take theirs (yours is dropped).
            </Body1>
            <div className={s.scroll}>
              <Table aria-label="Conflicting cells" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Cell</TableHeaderCell>
                    <TableHeaderCell>Mine</TableHeaderCell>
                    <TableHeaderCell>Theirs</TableHeaderCell>
                    <TableHeaderCell>Changed by</TableHeaderCell>
                    <TableHeaderCell>When</TableHeaderCell>
                    <TableHeaderCell>Decision</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {conflicts.map((conflict) => {
                    const cell = `${fieldLabels[conflict.field]}, ${lineText(conflict.lineId)}`;
                    return (
                      <TableRow
                        key={`${conflict.lineId}|${conflict.field}`}
                        data-testid="conflict-row"
                        data-line={conflict.lineId}
                        data-field={conflict.field}
                      >
                        <TableCell>{cell}</TableCell>
                        <TableCell className={s.mine} data-testid="conflict-mine">
                          {valueText(conflict.mine)}
                        </TableCell>
                        <TableCell data-testid="conflict-theirs">{valueText(conflict.theirs)}</TableCell>
                        <TableCell>{nameOf(conflict.by)}</TableCell>
                        <TableCell>
                          <time dateTime={conflict.at}>{whenText(conflict.at)}</time>
                        </TableCell>
                        <TableCell>
                          <div className={s.actions}>
                            <Button
                              size="small"
                              appearance="primary"
                              onClick={() => onResolve(conflict, 'mine')}
                              aria-label={`Keep mine for ${cell}`}
                            >
                              Keep mine
                            </Button>
                            <Button size="small" onClick={() => onResolve(conflict, 'theirs')} aria-label={`Take theirs for ${cell}`}>
                              Take theirs
                            </Button>
                          </div>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="secondary" onClick={onClose}>
              Decide later
            </Button>
            <Button onClick={() => onResolveAll('theirs')}>Take all theirs</Button>
            <Button appearance="primary" onClick={() => onResolveAll('mine')}>
              Keep all mine
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
