import {
  Avatar,
  Badge,
  Button,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  useRestoreFocusTarget,
  TableRow,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { HistoryRegular, PersonAddRegular } from '@fluentui/react-icons';
import type { AccessUser, Grant, GrantedScope, GrantLevel } from '@planboard/contracts';
import { Fragment } from 'react';
import { byScopeOrder } from './accessApi';
import { GrantChip } from './GrantChip';

const kinds: { type: GrantedScope['type'] | 'other'; label: string }[] = [
  { type: 'businessUnit', label: 'Business units' },
  { type: 'department', label: 'Departments' },
  { type: 'store', label: 'Stores' },
  { type: 'other', label: 'Other' },
];

/** Lets a long UPN wrap after the @ rather than mid-word. */
function breakableUpn(upn: string) {
  const at = upn.indexOf('@');
  return at < 0 ? (
    upn
  ) : (
    <>
      {upn.slice(0, at + 1)}
      <wbr />
      {upn.slice(at + 1)}
    </>
  );
}

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  table: { minWidth: '900px' },
  userCol: { width: '240px' },
  rolesCol: { width: '96px' },
  actionsCol: { width: '184px' },
  grants: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    alignItems: 'baseline',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  kind: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  upn: { overflowWrap: 'break-word' },
});

export interface UsersTableProps {
  users: readonly AccessUser[];
  scopes: ReadonlyMap<string, GrantedScope>;
  busy?: boolean;
  onGrant(user: AccessUser): void;
  onChangeLevel(user: AccessUser, grant: Grant, level: GrantLevel): void;
  onRevoke(user: AccessUser, grant: Grant): void;
  onHistory(user: AccessUser): void;
}

/** Users with their app roles and grants; a single tab stop, arrow keys move around the grid. */
export function UsersTable({ users, scopes, busy, onGrant, onChangeLevel, onRevoke, onHistory }: UsersTableProps) {
  const s = useStyles();
  // The dialogs opened from a row give focus back to the button that opened them when they close.
  const restoreFocus = useRestoreFocusTarget();
  const arrows = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  const nameOf = (scopeId: string) => scopes.get(scopeId)?.name ?? scopeId;

  return (
    <div className={s.scroll}>
      <Table aria-label="Users and their access" className={s.table} {...arrows}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.userCol}>User</TableHeaderCell>
            <TableHeaderCell className={s.rolesCol}>App roles</TableHeaderCell>
            <TableHeaderCell>Access</TableHeaderCell>
            <TableHeaderCell className={s.actionsCol}>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.oid} data-upn={user.upn}>
              <TableCell>
                <TableCellLayout
                  media={<Avatar name={user.name} color="colorful" aria-hidden="true" />}
                  description={<span className={s.upn}>{breakableUpn(user.upn)}</span>}
                >
                  {user.name}
                </TableCellLayout>
              </TableCell>
              <TableCell>
                {user.appRoles.length ? (
                  user.appRoles.map((role) => (
                    <Badge key={role} appearance="outline" color="brand">
                      {role}
                    </Badge>
                  ))
                ) : (
                  <Caption1 className={s.muted}>None</Caption1>
                )}
              </TableCell>
              <TableCell>
                {user.grants.length === 0 ? (
                  <Caption1 className={s.muted}>{user.appRoles.includes('Admin') ? 'Everything, as an admin' : 'No access'}</Caption1>
                ) : (
                  <div className={s.grants}>
                    {kinds.map(({ type, label }) => {
                      const grants = byScopeOrder(user.grants, scopes).filter((g) => (scopes.get(g.scopeId)?.type ?? 'other') === type);
                      if (grants.length === 0) return null;
                      return (
                        <Fragment key={type}>
                          <Caption1 className={s.kind}>{label}</Caption1>
                          <div className={s.chips} role="group" aria-label={`${label} of ${user.name}`}>
                            {grants.map((grant) => (
                              <GrantChip
                                key={grant.scopeId}
                                grant={grant}
                                scopeName={nameOf(grant.scopeId)}
                                disabled={busy}
                                onChangeLevel={(level) => onChangeLevel(user, grant, level)}
                                onRevoke={() => onRevoke(user, grant)}
                              />
                            ))}
                          </div>
                        </Fragment>
                      );
                    })}
                  </div>
                )}
              </TableCell>
              <TableCell>
                <div className={s.actions}>
                  <Button
                    size="small"
                    icon={<PersonAddRegular />}
                    onClick={() => onGrant(user)}
                    aria-label={`Grant access to ${user.name}`}
                    {...restoreFocus}
                  >
                    Grant
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<HistoryRegular />}
                    onClick={() => onHistory(user)}
                    aria-label={`Access history of ${user.name}`}
                  >
                    History
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
