import {
  makeStyles,
  NavDrawer,
  NavDrawerBody,
  NavItem,
  NavSectionHeader,
  tokens,
} from '@fluentui/react-components';
import { hrefFor } from './useHashRoute';
import { pages } from './routes';

const useStyles = makeStyles({
  drawer: { height: '100%', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  body: { paddingTop: tokens.spacingVerticalS },
});

export interface SideNavProps {
  selected: string;
  open: boolean;
  /** `inline` on wide screens, `overlay` (modal) on narrow ones. */
  type: 'inline' | 'overlay';
  onOpenChange(open: boolean): void;
}

/** Page navigation: links to `#/<page>`, one tab stop, arrow keys move between items. */
export function SideNav({ selected, open, type, onOpenChange }: SideNavProps) {
  const s = useStyles();
  const general = pages.filter((p) => p.audience !== 'admins');
  const admin = pages.filter((p) => p.audience === 'admins');
  const item = (p: (typeof pages)[number]) => (
    <NavItem
      key={p.id}
      value={p.id}
      href={hrefFor(p.id)}
      icon={<p.icon />}
      onClick={() => type === 'overlay' && onOpenChange(false)}
    >
      {p.title}
    </NavItem>
  );
  return (
    <NavDrawer
      id="planboard-nav"
      aria-label="Planboard pages"
      className={s.drawer}
      type={type}
      open={open}
      selectedValue={selected}
      onOpenChange={(_, data) => onOpenChange(data.open)}
      size="small"
    >
      <NavDrawerBody className={s.body}>
        {general.map(item)}
        <NavSectionHeader>Administration</NavSectionHeader>
        {admin.map(item)}
      </NavDrawerBody>
    </NavDrawer>
  );
}
