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
import { ArrowSwapRegular, DismissRegular, PersonAddRegular, PersonDeleteRegular } from '@fluentui/react-icons';
import type { AccessAuditEntry, AccessUser, GrantedScope } from '@planboard/contracts';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { levelLabels } from '../../shell/LevelBadge';
import { useLastDefined } from '../../shell/useLastDefined';
import { useAccessAudit } from './accessApi';

const useStyles = makeStyles({
  subtitle: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { fontSize: '20px', flexShrink: 0, color: tokens.colorNeutralForeground2, marginTop: '2px' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground3 },
});

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Granted read access to Marketing", "Changed Sales North from edit to approve", "Revoked …". */
export function describeAuditEntry(entry: AccessAuditEntry, scopeName: string): string {
  const lower = (level: AccessAuditEntry['newLevel']) => (level ? levelLabels[level].toLowerCase() : '');
  if (entry.action === 'revoke') return `Revoked ${lower(entry.oldLevel)} access to ${scopeName}`;
  if (entry.oldLevel) return `Changed ${scopeName} from ${lower(entry.oldLevel)} to ${lower(entry.newLevel)}`;
  return `Granted ${lower(entry.newLevel)} access to ${scopeName}`;
}

export interface AuditDrawerProps {
  user: AccessUser | null;
  scopes: ReadonlyMap<string, GrantedScope>;
  /** UPN → display name, for "by". */
  nameOf(upn: string): string;
  onClose(): void;
}

/** The audited grant changes of one user, newest first. */
export function AuditDrawer({ user, scopes, nameOf, onClose }: AuditDrawerProps) {
  const s = useStyles();
  const shown = useLastDefined(user);
  const audit = useAccessAudit(shown?.oid);
  const entries = audit.data ?? [];
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={user !== null}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
      aria-label={`Access history of ${shown?.name ?? ''}`}
    >
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>
          Access history
        </DrawerHeaderTitle>
        <Caption1 className={s.subtitle}>
          {shown?.name} · {shown?.upn}
        </Caption1>
      </DrawerHeader>
      <DrawerBody>
        {audit.isPending ? (
          <Spinner label="Loading the history…" />
        ) : audit.isError ? (
          <ApiErrorBar error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
        ) : entries.length === 0 ? (
          <Body1>No changes to {shown?.name}&apos;s access have been recorded yet.</Body1>
        ) : (
          <ol className={s.list} aria-label="Changes, newest first" data-testid="audit-entries">
            {entries.map((entry, index) => {
              const Icon = entry.action === 'revoke' ? PersonDeleteRegular : entry.oldLevel ? ArrowSwapRegular : PersonAddRegular;
              return (
                <li key={`${entry.at}-${entry.scopeId}-${index}`} className={s.entry}>
                  <Icon className={s.icon} aria-hidden="true" />
                  <div className={s.text}>
                    <Body1>{describeAuditEntry(entry, scopes.get(entry.scopeId)?.name ?? entry.scopeId)}</Body1>
                    <Caption1 className={s.meta}>
                      by {nameOf(entry.by)} · <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                    </Caption1>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
