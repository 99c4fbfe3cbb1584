import {
  Body1,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { unlockRequestSchema } from '@planboard/contracts';
import { useEffect, useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** The plan to unlock and the request in flight. */
export interface UnlockDialogProps {
  open: boolean;
  scopeName: string;
  pending: boolean;
  error: unknown;
  onConfirm(reason: string): void;
  onClose(): void;
}

/** Admins reopen a submitted plan; the reason (3–500 characters) is audited and sent to the BU. */
export function UnlockDialog({ open, scopeName, pending, error, onConfirm, onClose }: UnlockDialogProps) {
  const s = useStyles();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setTouched(false);
    }
  }, [open]);
  const check = unlockRequestSchema.safeParse({ reason });
  const message = check.success ? undefined : check.error.issues[0]?.message;
  const submit = () => {
    setTouched(true);
    if (check.success && !pending) onConfirm(check.data.reason);
  };
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Unlock the {scopeName} plan</DialogTitle>
            <DialogContent className={s.content}>
              {error ? <ApiErrorBar error={error} /> : null}
              <Body1>The plan becomes a draft again that its contributors can edit. They are told who unlocked it and why.</Body1>
              <Field
                label="Reason"
                required
                validationMessage={touched ? message : undefined}
                hint="3 to 500 characters; the business unit sees it."
              >
                <Textarea
                  value={reason}
                  maxLength={500}
                  resize="vertical"
                  onChange={(_, data) => setReason(data.value)}
                  onBlur={() => setTouched(true)}
                />
              </Field>
            </DialogContent>
            <FormDialogActions label="Unlock plan" pending={pending} onCancel={onClose} />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
