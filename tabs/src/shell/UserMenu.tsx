import {
  Avatar,
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useAuth } from '../auth/AuthProvider';
import { roleOf } from '../auth/roles';
import { useMe } from '../auth/useMe';

const useStyles = makeStyles({
  trigger: { minWidth: 0, gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  text: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    lineHeight: tokens.lineHeightBase200,
    // Narrow screens show only the avatar; the text stays the button's name for screen readers.
    '@media (max-width: 599px)': {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  role: { color: tokens.colorNeutralForeground3 },
  header: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    height: 'auto',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  skeleton: { width: '72px' },
});

/** The header's account button: name, role (from /api/me) and a menu with Sign out. */
export function UserMenu() {
  const { controller, state } = useAuth();
  const me = useMe();
  const s = useStyles();
  if (state.status !== 'signed-in') return null;
  const name = me.data?.user.name ?? state.account.name;
  const upn = me.data?.user.upn ?? state.account.upn;
  const role = me.data ? roleOf(me.data) : null;
  const roleText = role ? `${role.label}${role.detail ? ` · ${role.detail}` : ''}` : '';
  const inTeams = state.via === 'teams';

  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" className={s.trigger} data-testid="user-menu">
          <span className={s.text}>
            <Text className={s.name}>{name}</Text>
            {role ? (
              <Caption1 className={s.role} data-testid="user-role">
                {roleText}
              </Caption1>
            ) : (
              <Skeleton className={s.skeleton} aria-label="Loading your role">
                <SkeletonItem size={12} />
              </Skeleton>
            )}
          </span>
          <Avatar size={28} name={name} color="colorful" aria-hidden="true" />
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader className={s.header}>
              <Text weight="semibold">{name}</Text>
              <Caption1>{upn}</Caption1>
              {role && <Caption1 className={s.role}>{roleText}</Caption1>}
            </MenuGroupHeader>
          </MenuGroup>
          <MenuDivider />
          {inTeams ? (
            <MenuItem disabled>Signed in with Microsoft Teams</MenuItem>
          ) : (
            <MenuItem icon={<SignOutRegular />} onClick={() => void controller?.signOut()}>
              Sign out
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
