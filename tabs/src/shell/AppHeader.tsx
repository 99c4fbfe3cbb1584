import { Hamburger, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { BrandMark } from './BrandMark';
import { UserMenu } from './UserMenu';
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
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  spacer: { flexGrow: 1 },
  user: { display: 'flex', alignItems: 'center', minWidth: 0 },
});

export interface AppHeaderProps {
  navOpen: boolean;
  onToggleNav(): void;
}

/** Top bar: nav toggle, product name, the signed-in user's menu. */
export function AppHeader({ navOpen, onToggleNav }: AppHeaderProps) {
  const s = useStyles();
  return (
    <header className={s.header}>
      <Tooltip content={navOpen ? 'Hide navigation' : 'Show navigation'} relationship="label">
        <Hamburger onClick={onToggleNav} aria-expanded={navOpen} aria-controls="planboard-nav" />
      </Tooltip>
      <div className={s.brand}>
        <BrandMark />
        <Text className={s.name}>{PRODUCT_NAME}</Text>
      </div>
      <div className={s.spacer} />
      <div className={s.user} data-testid="user-area">
        <UserMenu />
      </div>
    </header>
  );
}
