import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { AccessUser, Grant, GrantedScope } from '@planboard/contracts';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { levelLabels } from '../../shell/LevelBadge';
import { useLastDefined } from '../../shell/useLastDefined';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export interface RevokeDialogProps {
  /** What to revoke; the dialog is open while set. */
  target: { user: AccessUser; grant: Grant } | null;
  scope: GrantedScope | undefined;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}

/** Confirmation before a grant is revoked (an alert dialog: it needs an explicit choice). */
export function RevokeDialog({ target, scope, pending, error, onConfirm, onClose }: RevokeDialogProps) {
  const s = useStyles();
  const shown = useLastDefined(target);
  const shownScope = useLastDefined(scope);
  const name = shownScope?.name ?? shown?.grant.scopeId ?? '';
  const coversStores = shownScope?.type === 'businessUnit';
  return (
    <Dialog
      modalType="alert"
      open={target !== null}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Revoke access?</DialogTitle>
          <DialogContent className={s.content}>
            {error ? <ApiErrorBar error={error} /> : null}
            <span>
              {shown?.user.name} will lose {shown ? levelLabels[shown.grant.level].toLowerCase() : ''} access to {name}
              {coversStores ? ' (and what it gave them on its stores)' : ''}. You can grant it again later; the change is recorded in their
              access history.
            </span>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabledFocusable={pending}
              icon={pending ? <Spinner size="tiny" /> : undefined}
            >
              Revoke access
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
