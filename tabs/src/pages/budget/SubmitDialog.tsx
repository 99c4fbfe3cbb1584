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
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ApiErrorBar } from '../../shell/ApiErrorBar';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** The plan to submit, what is still unsaved or invalid, and the request in flight. */
export interface SubmitDialogProps {
  open: boolean;
  scopeName: string;
  planId: string;
  /** Unsaved cells: they are saved first. */
  unsaved: number;
  /** Rejected cells: they must be fixed or undone before submitting. */
  invalid: number;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}

/** Confirmation before a BU leader submits: the plan becomes read-only and Power BI refreshes. */
export function SubmitDialog({ open, scopeName, planId, unsaved, invalid, pending, error, onConfirm, onClose }: SubmitDialogProps) {
  const s = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Submit the {scopeName} plan?</DialogTitle>
          <DialogContent className={s.content}>
            {error ? <ApiErrorBar error={error} /> : null}
            <Body1>
              The {planId.toUpperCase()} plan of {scopeName} becomes read-only for everyone and the Power BI budget model is refreshed with
              it. Only an admin can unlock it again.
            </Body1>
            {invalid > 0 && (
              <MessageBar intent="error">
                <MessageBarBody>
                  {invalid === 1 ? 'One cell is not valid' : `${invalid} cells are not valid`}: fix or undo {invalid === 1 ? 'it' : 'them'}{' '}
                  before submitting.
                </MessageBarBody>
              </MessageBar>
            )}
            {unsaved > 0 && (
              <Body1>
                Your {unsaved === 1 ? 'unsaved change is' : `${unsaved} unsaved changes are`} saved first; if someone else changed the same
                cells, you decide before anything is submitted.
              </Body1>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabled={invalid > 0 && !pending}
              disabledFocusable={pending}
              icon={pending ? <Spinner size="tiny" /> : undefined}
            >
              {unsaved > 0 ? 'Save and submit' : 'Submit plan'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
