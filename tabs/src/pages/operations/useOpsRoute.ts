import { useCallback, useEffect, useState } from 'react';
import { useHost } from '../../teams/HostProvider';
import { opsHref, opsRouteFromHash, opsRouteFromSubPage, type OpsRoute } from './opsRoute';

/** A Teams deep link's sub-entity opens its model once per page load; afterwards the URL decides. */
let subPageUsed = false;

/** The open view and how to change it: the URL follows (a pushed entry, so Back returns). */
export function useOpsRoute(): [OpsRoute, (route: OpsRoute) => void] {
  const { info } = useHost();
  const [current, setCurrent] = useState<OpsRoute>(() => opsRouteFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setCurrent(opsRouteFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  useEffect(() => {
    if (subPageUsed || !info.subPageId) return;
    subPageUsed = true;
    const fromTeams = opsRouteFromSubPage(info.subPageId);
    if (fromTeams && opsRouteFromHash(window.location.hash).view === 'overview') {
      const url = new URL(window.location.href);
      url.hash = opsHref(fromTeams);
      window.history.replaceState(window.history.state, '', url);
      setCurrent(fromTeams);
    }
  }, [info.subPageId]);
  const go = useCallback((route: OpsRoute) => {
    window.location.hash = opsHref(route);
    setCurrent(route);
  }, []);
  return [current, go];
}
