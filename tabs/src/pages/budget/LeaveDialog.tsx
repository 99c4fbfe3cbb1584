import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

/** How many cells are unsaved and the three ways out. */
export interface LeaveDialogProps {
  open: boolean;
  unsaved: number;
  onSaveAndLeave(): void;
  onLeave(): void;
  onStay(): void;
}

/** Shown when leaving the page with unsaved cells: they are kept as a draft either way. */
export function LeaveDialog({ open, unsaved, onSaveAndLeave, onLeave, onStay }: LeaveDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onStay()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>You have unsaved changes</DialogTitle>
          <DialogContent>
            <Body1>
              {unsaved === 1 ? 'One cell is' : `${unsaved} cells are`} not saved yet. If you leave, they are kept as a draft in this browser
              tab and come back when you return, but nobody else sees them until you save.
            </Body1>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onStay}>
              Stay
            </Button>
            <Button onClick={onLeave}>Leave, keep draft</Button>
            <Button appearance="primary" onClick={onSaveAndLeave}>
              Save and leave
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
