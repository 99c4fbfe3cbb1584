import {
  Body1,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { useTrainingAudit } from './trainingApi';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every admin action on the programme, newest first: what, who and when, and the fields it changed. */
export function TrainingAuditDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const s = useStyles();
  const audit = useTrainingAudit(open);
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={open}
      onOpenChange={(_, data) => !data.open && onClose()}
      aria-label="Training history"
    >
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>
          Training history
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {audit.isPending ? (
          <Spinner label="Loading the history…" />
        ) : audit.isError ? (
          <ApiErrorBar error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
        ) : audit.data.length === 0 ? (
          <Body1>No admin actions yet.</Body1>
        ) : (
          <ul className={s.list}>
            {audit.data.map((entry) => (
              <li key={entry.id} className={s.entry}>
                <Body1>{entry.summary}</Body1>
                <Caption1 className={s.meta}>
                  {entry.by.name} · {when.format(new Date(entry.at))}
                </Caption1>
                {entry.action === 'edit' &&
                  entry.changes.map((change) => (
                    <Caption1 key={change.field} className={s.meta}>
                      {change.field}: “{change.from}” → “{change.to}”
                    </Caption1>
                  ))}
              </li>
            ))}
          </ul>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
