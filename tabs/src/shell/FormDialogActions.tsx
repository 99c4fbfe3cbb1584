import { Button, DialogActions, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface FormDialogActionsProps {
  /** What the submit button says. */
  label: ReactNode;
  pending: boolean;
  onCancel(): void;
  /** Not submittable yet (e.g. nothing changed); ignored while pending. */
  disabled?: boolean;
}

/**
 * Cancel + the form's submit button. While saving, the button shows a spinner and stays
 * focusable (`disabledFocusable`): a disabled button would drop keyboard focus to the page.
 */
export function FormDialogActions({ label, pending, onCancel, disabled = false }: FormDialogActionsProps) {
  return (
    <DialogActions>
      <Button appearance="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button
        appearance="primary"
        type="submit"
        disabled={disabled && !pending}
        disabledFocusable={pending}
        icon={pending ? <Spinner size="tiny" /> : undefined}
      >
        {label}
      </Button>
    </DialogActions>
  );
}
