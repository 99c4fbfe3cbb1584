import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useRef, useState } from 'react';
import { canAdminister } from '../auth/roles';
import { useMe } from '../auth/useMe';
import { useHost } from '../teams/HostProvider';
import { ApiHealthBanner } from './ApiHealthBanner';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { NoAccessPage } from './NoAccessPage';
import { NotFoundPage } from './NotFoundPage';
import { PageLayout } from './PageLayout';
import { findPage } from './routes';
import { SideNav } from './SideNav';
import { SkipLink } from './SkipLink';
import type { HashRoute } from './useHashRoute';
import { useMediaQuery } from './useMediaQuery';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100dvh', overflow: 'hidden' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  column: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, overflowY: 'auto' },
  main: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    ':focus': { outline: 'none' },
    '@media (max-width: 599px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const WIDE = '(min-width: 768px)';

/** Header + nav + main + footer around the current page. */
export function AppShell({ route }: { route: HashRoute }) {
  const s = useStyles();
  const wide = useMediaQuery(WIDE);
  const { info } = useHost();
  // In a Teams static/channel tab, Teams already shows which page this is: start with the nav hidden.
  const [inlinePref, setInlinePref] = useState<boolean | null>(null);
  const [overlayOpen, setOverlayOpen] = useState(false);
  const inlineOpen = inlinePref ?? !(info.inTeams && info.frameContext === 'content');
  const navOpen = wide ? inlineOpen : overlayOpen;
  const page = findPage(route.page);
  const me = useMe();
  const isAdmin = canAdminister(me.data);
  const mainRef = useRef<HTMLElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    columnRef.current?.scrollTo({ top: 0 });
    setAnnouncement(`${page?.title ?? 'Page not found'} page`);
  }, [page]);

  const setNavOpen = (open: boolean) => (wide ? setInlinePref(open) : setOverlayOpen(open));

  return (
    <div className={s.root}>
      <SkipLink target={mainRef} />
      <AppHeader navOpen={navOpen} onToggleNav={() => setNavOpen(!navOpen)} />
      <div className={s.body}>
        <SideNav
          selected={page?.id ?? ''}
          open={navOpen}
          type={wide ? 'inline' : 'overlay'}
          showAdmin={isAdmin}
          onOpenChange={setNavOpen}
        />
        <div className={s.column} ref={columnRef}>
          <main id="main" ref={mainRef} tabIndex={-1} className={s.main}>
            <ApiHealthBanner />
            {!page ? (
              <NotFoundPage path={route.page} />
            ) : page.audience === 'admins' && !isAdmin ? (
              <NoAccessPage page={page} me={me} />
            ) : (
              // A page's code loads the first time it is opened: its heading shows at once.
              <Suspense
                fallback={
                  <PageLayout title={page.title} subtitle={page.subtitle}>
                    <Spinner label={`Loading ${page.title}…`} />
                  </PageLayout>
                }
              >
                <page.Component />
              </Suspense>
            )}
          </main>
          <AppFooter />
        </div>
      </div>
      <div className={s.srOnly} aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
