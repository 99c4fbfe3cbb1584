import { accessPage } from '../../shell/pageCatalog';
import { Caption1, makeStyles, MessageBar, MessageBarBody, SearchBox, Spinner, tokens } from '@fluentui/react-components';
import type { AccessUser, Grant, GrantLevel } from '@planboard/contracts';
import { useMemo, useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { levelLabels } from '../../shell/LevelBadge';
import { PageLayout } from '../../shell/PageLayout';
import { useAccessScopes, useAccessUsers, useGrantMutation, type GrantChange } from './accessApi';
import { AuditDrawer } from './AuditDrawer';
import { GrantDialog } from './GrantDialog';
import { RevokeDialog } from './RevokeDialog';
import { UsersTable } from './UsersTable';

const { title, subtitle } = accessPage;

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  search: { width: '360px', maxWidth: '100%' },
  count: { color: tokens.colorNeutralForeground3 },
});

type Dialogs =
  { kind: 'grant'; user: AccessUser } | { kind: 'revoke'; user: AccessUser; grant: Grant } | { kind: 'history'; user: AccessUser };

export function AccessPage() {
  const s = useStyles();
  const users = useAccessUsers();
  const scopes = useAccessScopes();
  const mutation = useGrantMutation();
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Dialogs | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [inlineError, setInlineError] = useState<unknown>(null);

  const scopeMap = useMemo(() => new Map((scopes.data ?? []).map((scope) => [scope.id, scope])), [scopes.data]);
  const grantable = useMemo(() => (scopes.data ?? []).filter((scope) => scope.level === 'admin'), [scopes.data]);
  const names = useMemo(() => new Map((users.data ?? []).map((user) => [user.upn.toLowerCase(), user.name])), [users.data]);
  const all = useMemo(() => [...(users.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [users.data]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? all.filter((user) =>
        [user.name, user.upn, ...user.grants.map((grant) => scopeMap.get(grant.scopeId)?.name ?? grant.scopeId)].some((text) =>
          text.toLowerCase().includes(needle),
        ),
      )
    : all;

  const apply = (change: GrantChange, user: AccessUser, inDialog: boolean) => {
    setDone(null);
    setInlineError(null);
    const scopeName = scopeMap.get(change.scopeId)?.name ?? change.scopeId;
    mutation.mutate(change, {
      onSuccess: () => {
        setOpen(null);
        setDone(
          change.level
            ? `${user.name} now has ${levelLabels[change.level].toLowerCase()} access to ${scopeName}.`
            : `${user.name} no longer has access to ${scopeName}.`,
        );
      },
      onError: (error) => {
        if (!inDialog) setInlineError(error);
      },
    });
  };
  const closeDialog = () => {
    setOpen(null);
    mutation.reset();
  };

  return (
    <PageLayout title={title} subtitle={subtitle}>
      <div className={s.column}>
        <div className={s.toolbar}>
          <SearchBox
            className={s.search}
            placeholder="Filter by name, email or scope"
            aria-label="Filter users"
            value={filter}
            onChange={(_, data) => setFilter(data.value)}
          />
          {users.isSuccess && (
            <Caption1 className={s.count} aria-live="polite">
              {shown.length === all.length ? `${all.length} users` : `${shown.length} of ${all.length} users`}
            </Caption1>
          )}
        </div>
        <div aria-live="polite">
          {done && (
            <MessageBar intent="success" data-testid="access-done">
              <MessageBarBody>{done}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {inlineError ? <ApiErrorBar error={inlineError} /> : null}
        {users.isError || scopes.isError ? (
          <ApiErrorBar
            error={users.error ?? scopes.error}
            onRetry={() => void Promise.all([users.refetch(), scopes.refetch()])}
            retrying={users.isFetching || scopes.isFetching}
          />
        ) : users.isPending || scopes.isPending ? (
          <Spinner label="Loading users and their access…" />
        ) : shown.length === 0 ? (
          <Caption1>No users match “{filter}”.</Caption1>
        ) : (
          <UsersTable
            users={shown}
            scopes={scopeMap}
            busy={mutation.isPending}
            onGrant={(user) => setOpen({ kind: 'grant', user })}
            onChangeLevel={(user, grant, level: GrantLevel) => apply({ oid: user.oid, scopeId: grant.scopeId, level }, user, false)}
            onRevoke={(user, grant) => setOpen({ kind: 'revoke', user, grant })}
            onHistory={(user) => setOpen({ kind: 'history', user })}
          />
        )}
      </div>
      <GrantDialog
        user={open?.kind === 'grant' ? open.user : null}
        scopes={grantable}
        pending={mutation.isPending}
        error={open?.kind === 'grant' ? mutation.error : null}
        onSubmit={(scopeId, level) => open && apply({ oid: open.user.oid, scopeId, level }, open.user, true)}
        onClose={closeDialog}
      />
      <RevokeDialog
        target={open?.kind === 'revoke' ? open : null}
        scope={open?.kind === 'revoke' ? scopeMap.get(open.grant.scopeId) : undefined}
        pending={mutation.isPending}
        error={open?.kind === 'revoke' ? mutation.error : null}
        onConfirm={() =>
          open?.kind === 'revoke' && apply({ oid: open.user.oid, scopeId: open.grant.scopeId, level: null }, open.user, true)
        }
        onClose={closeDialog}
      />
      <AuditDrawer
        user={open?.kind === 'history' ? open.user : null}
        scopes={scopeMap}
        nameOf={(upn) => names.get(upn.toLowerCase()) ?? upn}
        onClose={() => setOpen(null)}
      />
    </PageLayout>
  );
}
