import { useCallback, useEffect, useState } from 'react';
import { parseHash } from '../../shell/useHashRoute';

/** The plan the sample tenant (and, until plans are listed by the API, everyone) works on. */
export const defaultPlanId = 'fy2027';

/** `#/budget/<planId>/all`: every business unit of the caller side by side (not a scope id: those are slugs of names). */
export const togetherScope = 'all';

/** The plan and business unit in the URL. */
export interface PlanRoute {
  planId: string;
  /** The business unit in the URL, if any. */
  scopeId?: string;
}

const read = (): PlanRoute => {
  const { page, rest } = parseHash(window.location.hash);
  if (page !== 'budget') return { planId: defaultPlanId };
  return { planId: rest[0] || defaultPlanId, scopeId: rest[1] || undefined };
};

/**
 * `#/budget/<planId>/<scopeId>`: deep links to one plan and business unit. Choosing a business
 * unit replaces the URL (no history entry per click) so the link can be shared or reloaded.
 */
export function usePlanRoute(): [PlanRoute, (scopeId: string) => void] {
  const [route, setRoute] = useState<PlanRoute>(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const choose = useCallback(
    (scopeId: string) => {
      const url = new URL(window.location.href);
      url.hash = `#/budget/${encodeURIComponent(route.planId)}/${encodeURIComponent(scopeId)}`;
      window.history.replaceState(window.history.state, '', url);
      setRoute({ planId: route.planId, scopeId });
    },
    [route.planId],
  );
  return [route, choose];
}
