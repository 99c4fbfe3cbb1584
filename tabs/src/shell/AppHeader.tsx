import { Avatar, Hamburger, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { useHost } from '../teams/HostProvider';
import { PRODUCT_NAME } from './usePageTitle';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    height: '48px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  logo: { width: '24px', height: '24px', flexShrink: 0 },
  logoTile: { fill: tokens.colorBrandBackground },
  logoBars: { fill: tokens.colorNeutralForegroundOnBrand },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  spacer: { flexGrow: 1 },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  userName: { '@media (max-width: 599px)': { display: 'none' } },
});

export interface AppHeaderProps {
  navOpen: boolean;
  onToggleNav(): void;
}

/** Top bar: nav toggle, product name, user area (filled in by the auth work later). */
export function AppHeader({ navOpen, onToggleNav }: AppHeaderProps) {
  const s = useStyles();
  const { info } = useHost();
  const userLabel = info.loginHint ?? 'Not signed in';
  return (
    <header className={s.header}>
      <Tooltip content={navOpen ? 'Hide navigation' : 'Show navigation'} relationship="label">
        <Hamburger onClick={onToggleNav} aria-expanded={navOpen} aria-controls="planboard-nav" />
      </Tooltip>
      <div className={s.brand}>
        <svg className={s.logo} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect className={s.logoTile} width="32" height="32" rx="6" />
          <path className={s.logoBars} d="M8 23V9h3v14H8zm6.5 0V13h3v10h-3zM21 23v-7h3v7h-3z" />
        </svg>
        <Text className={s.name}>{PRODUCT_NAME}</Text>
      </div>
      <div className={s.spacer} />
      <div className={s.user} data-testid="user-area">
        <Text size={200} className={s.userName} aria-hidden="true">
          {userLabel}
        </Text>
        <Avatar size={28} name={info.loginHint} aria-label={userLabel} />
      </div>
    </header>
  );
}
