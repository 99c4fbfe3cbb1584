import {
  makeStyles,
  NavDrawer,
  NavDrawerBody,
  NavItem,
  NavSectionHeader,
  mergeClasses,
  NavDrawerHeader,
  Hamburger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useThemeName } from '../theme/ThemeNameContext';
import { hrefFor } from './useHashRoute';
import { PRODUCT_NAME } from './usePageTitle';
import { pages } from './routes';

const useStyles = makeStyles({
  // Never shrink: wide page content (tables) would otherwise squeeze the inline nav to nothing.
  drawer: { height: '100%', flexShrink: 0, borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  header: { flexDirection: 'row', alignItems: 'center', gap: tokens.spacingHorizontalS },
  body: { paddingTop: tokens.spacingVerticalS },
  // Nav paints the selected icon with colorNeutralForeground2BrandSelected, which is black in the
  // Teams high-contrast theme (meant for cyan highlights) and vanishes on the black nav.
  highContrast: {
    '& [aria-current="page"] .fui-Icon-filled': { animationName: 'none', color: tokens.colorCompoundBrandForeground1 },
    '& [aria-current="page"] .fui-Icon-regular': { display: 'none' },
  },
});

export interface SideNavProps {
  selected: string;
  open: boolean;
  /** `inline` on wide screens, `overlay` (modal) on narrow ones. */
  type: 'inline' | 'overlay';
  /** Show the Administration section (Operations, Access): only for admins. */
  showAdmin: boolean;
  onOpenChange(open: boolean): void;
}

/** Page navigation: links to `#/<page>`, one tab stop, arrow keys move between items. */
export function SideNav({ selected, open, type, showAdmin, onOpenChange }: SideNavProps) {
  const s = useStyles();
  const highContrast = useThemeName() === 'contrast';
  const general = pages.filter((p) => p.audience !== 'admins');
  const admin = pages.filter((p) => p.audience === 'admins');
  const item = (p: (typeof pages)[number]) => (
    <NavItem key={p.id} value={p.id} href={hrefFor(p.id)} icon={<p.icon />} onClick={() => type === 'overlay' && onOpenChange(false)}>
      {p.title}
    </NavItem>
  );
  // Inline, the drawer itself is the navigation landmark. As an overlay it is a modal dialog
  // (role=navigation + aria-modal is invalid ARIA), so the landmark moves to its body.
  const overlay = type === 'overlay';
  const label = 'Planboard pages';
  return (
    <NavDrawer
      id="planboard-nav"
      role={overlay ? 'dialog' : 'navigation'}
      aria-label={overlay ? 'Navigation menu' : label}
      className={mergeClasses(s.drawer, highContrast && s.highContrast)}
      type={type}
      open={open}
      selectedValue={selected}
      onOpenChange={(_, data) => onOpenChange(data.open)}
    >
      {overlay && (
        <NavDrawerHeader className={s.header}>
          <Hamburger aria-label="Close navigation" onClick={() => onOpenChange(false)} />
          <Text weight="semibold">{PRODUCT_NAME}</Text>
        </NavDrawerHeader>
      )}
      <NavDrawerBody className={s.body} role={overlay ? 'navigation' : undefined} aria-label={overlay ? label : undefined}>
        {general.map(item)}
        {showAdmin && (
          <>
            <NavSectionHeader>Administration</NavSectionHeader>
            {admin.map(item)}
          </>
        )}
      </NavDrawerBody>
    </NavDrawer>
  );
}
