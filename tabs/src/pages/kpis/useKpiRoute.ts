import { useCallback, useEffect, useState } from 'react';
import { useHost } from '../../teams/HostProvider';
import { kpiFromHash, kpiFromSubPage, kpiHref, kpisHref, type KpiRef } from './kpiRoute';

/** A Teams deep link's sub-entity opens its KPI once per page load; afterwards the URL decides. */
let subPageUsed = false;

const replaceHash = (hash: string) => {
  const url = new URL(window.location.href);
  url.hash = hash;
  window.history.replaceState(window.history.state, '', url);
};

/**
 * The open KPI and how to change it. Opening and closing replace the URL (no history entry per
 * click), so the address can be shared or reloaded and Back leaves the page as people expect.
 */
export function useKpiRoute(): [KpiRef | undefined, (kpi: KpiRef | undefined) => void] {
  const { info } = useHost();
  const [current, setCurrent] = useState<KpiRef | undefined>(() => kpiFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setCurrent(kpiFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  useEffect(() => {
    if (subPageUsed || !info.subPageId) return;
    subPageUsed = true;
    const fromTeams = kpiFromSubPage(info.subPageId);
    if (fromTeams && !kpiFromHash(window.location.hash)) {
      replaceHash(kpiHref(fromTeams));
      setCurrent(fromTeams);
    }
  }, [info.subPageId]);
  const choose = useCallback((kpi: KpiRef | undefined) => {
    replaceHash(kpi ? kpiHref(kpi) : kpisHref);
    setCurrent(kpi);
  }, []);
  return [current, choose];
}
